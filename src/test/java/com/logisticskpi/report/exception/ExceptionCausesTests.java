package com.logisticskpi.report.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.kpi.engine.OutcomeBuilder;
import com.logisticskpi.report.Messages;

/**
 * One hand-made order per exception cause. Every order: ordered 2026-11-10 10:00 (+08:00), one line SKU-A promised
 * 2026-11-12 18:00, as-of 2026-11-20 00:00, dispatch allowance 24 h, damage window 7 days. Each order's outcome comes
 * from the engine's {@link OutcomeBuilder} (so the flags are the real ones), then the classifier names the cause.
 */
class ExceptionCausesTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant ORDERED = t("2026-11-10T10:00");
    static final Instant PROMISED = t("2026-11-12T18:00");
    static final Instant AS_OF = t("2026-11-20T00:00");
    static final OutcomeBuilder ENGINE = new OutcomeBuilder(ZONE, AS_OF, Duration.ofDays(7).toNanos() / 1000,
            Duration.ofHours(72).toNanos() / 1000);
    static final ExceptionClassifier CLASSIFIER = new ExceptionClassifier(Duration.ofHours(24));

    static Instant t(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    static OrderRows order(int quantity) {
        return new OrderRows("O1").line(new OrderRows.Line(1, "C10023489", ORDERED, PROMISED, false, "SKU-A", quantity,
                "GZ03", "华南", "WEB", "OK", null));
    }

    /** A parcel of line 1: shipped at {@code ship}; delivered at {@code delivered} when status is DELIVERED. */
    static OrderRows.Shipment parcel(String id, String sku, int qty, String ship, String delivered, String status,
                                     boolean damaged, boolean docsOk) {
        return new OrderRows.Shipment(id, 1, sku, qty, "GZ03", "SF", t(ship), delivered == null ? null : t(delivered),
                status, damaged, docsOk);
    }

    static OrderRows.Shipment onTime(String id) {
        return parcel(id, "SKU-A", 1, "2026-11-10T14:00", "2026-11-11T12:00", "DELIVERED", false, true);
    }

    static ExceptionDiagnosis diagnose(OrderRows rows) {
        OrderOutcome o = ENGINE.build(rows).outcome();
        assertThat(o.isException()).as("the hand-made order is an exception").isTrue();
        return CLASSIFIER.diagnose(o, rows);
    }

    @Test
    void lostParcelOfAnOverdueOrder() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-10T14:00", null, "LOST", false, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.LOST);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.CARRIER);
        assertThat(d.lines().get(0).facts()).containsExactly(ExceptionDiagnosis.Fact.of("fact.parcel_status", "P1", "LOST"));
    }

    @Test
    void refusedParcel() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-10T14:00", null, "REFUSED", false, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.REFUSED);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.CUSTOMER_SERVICE);
    }

    @Test
    void everyParcelDeliveredButOneItemShortIsShortShippedNotTheCarrier() {
        // ordered 2, the only parcel (delivered before the promise) carried 1: never closes, overdue at as-of
        OrderRows rows = order(2).shipment(onTime("P1"));
        OrderOutcome o = ENGINE.build(rows).outcome();
        assertThat(o.state()).isEqualTo(OrderOutcome.State.OVERDUE);
        ExceptionDiagnosis d = CLASSIFIER.diagnose(o, rows);
        assertThat(d.causes()).containsExactly(ExceptionCause.SHORT_SHIPPED);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.WAREHOUSE);
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(ExceptionRecord.failingLines(d, en, ZONE)).isEqualTo("line 1 (SKU-A): ordered 2, received 1");
        assertThat(ExceptionRecord.parcels(d, en, ZONE)).isEqualTo("P1 DELIVERED 11-10 14:00 → 11-11 12:00 (line 1 ×1)");
        // as-of 2026-11-20 00:00 minus due 2026-11-12 18:00 = 7 days 6 hours
        assertThat(o.hoursLate()).isEqualTo(174.0);
    }

    @Test
    void wrongSkuOnTime() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-B", 1, "2026-11-10T14:00", "2026-11-11T12:00",
                "DELIVERED", false, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.WRONG_SKU);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.WAREHOUSE);
        assertThat(ExceptionRecord.failingLines(d, new Messages(Locale.ENGLISH), ZONE))
                .isEqualTo("line 1 (SKU-A): SKU SKU-B shipped in P1");
    }

    @Test
    void damagedOnDelivery() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-10T14:00", "2026-11-11T12:00",
                "DELIVERED", true, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.DAMAGED_IN_TRANSIT);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.CARRIER);
    }

    @Test
    void damagedAccordingToAReturnWithinTheWindow() {
        // delivered 11-11 12:00 intact; a DAMAGED return requested 11-13 (2 days later, inside the 7-day window)
        ExceptionDiagnosis d = diagnose(order(1).shipment(onTime("P1"))
                .returnRow(new OrderRows.Return("R1", 1, "DAMAGED", t("2026-11-13T09:00"), null)));
        assertThat(d.causes()).containsExactly(ExceptionCause.DAMAGED_PER_RETURN);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.CUSTOMER_SERVICE);
        assertThat(ExceptionRecord.failingLines(d, new Messages(Locale.ENGLISH), ZONE))
                .isEqualTo("return R1 DAMAGED requested 11-13 09:00");
    }

    @Test
    void lateBecauseTheParcelLeftTheWarehouseLate() {
        // shipped 11-12 12:00 = 50 h after the order (> 24 h), delivered 11-13 10:00 after the 11-12 18:00 promise
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-12T12:00", "2026-11-13T10:00",
                "DELIVERED", false, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.LATE_DISPATCH);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.WAREHOUSE);
        assertThat(ExceptionRecord.failingLines(d, new Messages(Locale.ENGLISH), ZONE)).isEqualTo(
                "line 1 (SKU-A): arrived 11-13 10:00, promised 11-12 18:00 (16 h late), left the warehouse 11-12 12:00, 50 h after the order");
    }

    @Test
    void stillInTransitPastItsPromise() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-10T15:00", null, "IN_TRANSIT", false, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.IN_TRANSIT_PAST_DUE);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.CARRIER);
    }

    @Test
    void lateBecauseTheCarrierTookTooLong() {
        // shipped 6 h after the order (within 24 h), delivered 11-13 09:00, 15 h after the promise
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-10T16:00", "2026-11-13T09:00",
                "DELIVERED", false, true)));
        assertThat(d.causes()).containsExactly(ExceptionCause.LATE_CARRIER_DELIVERY);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.CARRIER);
    }

    @Test
    void documentsMissing() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-10T14:00", "2026-11-11T12:00",
                "DELIVERED", false, false)));
        assertThat(d.causes()).containsExactly(ExceptionCause.DOCUMENTS_MISSING);
        assertThat(d.cause().owner()).isEqualTo(ExceptionCause.Owner.WAREHOUSE);
    }

    @Test
    void nothingShippedByTheDueTimeIsALateDispatch() {
        ExceptionDiagnosis d = diagnose(order(1));
        assertThat(d.causes()).containsExactly(ExceptionCause.LATE_DISPATCH);
        assertThat(d.lines().get(0).facts()).containsExactly(ExceptionDiagnosis.Fact.of("fact.not_shipped"));
    }

    @Test
    void aMissingItemReturnMakesADeliveredOrderShortShipped() {
        ExceptionDiagnosis d = diagnose(order(1).shipment(onTime("P1"))
                .returnRow(new OrderRows.Return("R2", 0, "MISSING_ITEM", t("2026-11-12T09:00"), null)));
        assertThat(d.causes()).containsExactly(ExceptionCause.SHORT_SHIPPED);
    }

    @Test
    void severalCausesTakeTheFirstByPriorityAndListTheOthers() {
        // left 50 h after the order, arrived late and damaged, without documents
        ExceptionDiagnosis d = diagnose(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-12T12:00", "2026-11-13T10:00",
                "DELIVERED", true, false)));
        assertThat(d.cause()).isEqualTo(ExceptionCause.DAMAGED_IN_TRANSIT);
        assertThat(d.otherCauses()).containsExactly(ExceptionCause.LATE_DISPATCH, ExceptionCause.DOCUMENTS_MISSING);
        ExceptionRecord zh = ExceptionRecord.of(ENGINE.build(order(1).shipment(parcel("P1", "SKU-A", 1, "2026-11-12T12:00",
                "2026-11-13T10:00", "DELIVERED", true, false))).outcome(), d, new Messages(Locale.forLanguageTag("zh-CN")), ZONE);
        assertThat(zh.causeText()).isEqualTo("运输途中破损");
        assertThat(zh.ownerText()).isEqualTo("承运商");
        assertThat(zh.otherCauses()).isEqualTo("出库延迟, 单据缺失");
        assertThat(zh.otherCauseCodes()).isEqualTo("LATE_DISPATCH DOCUMENTS_MISSING");
        assertThat(zh.maskedCustomer()).isEqualTo("C1****89");
    }

    @Test
    void cancelledLinesAndTheirParcelsTakeNoPart() {
        OrderRows rows = order(1).shipment(onTime("P1"))
                .line(new OrderRows.Line(2, "C10023489", ORDERED, PROMISED, false, "SKU-C", 1, "GZ03", "华南", "WEB",
                        "CANCELLED", null))
                .shipment(new OrderRows.Shipment("P2", 2, "SKU-X", 1, "GZ03", "SF", t("2026-11-10T14:00"), null, "LOST", false, false));
        rows.shipments().set(0, parcel("P1", "SKU-A", 1, "2026-11-10T14:00", "2026-11-11T12:00", "DELIVERED", false, false));
        ExceptionDiagnosis d = diagnose(rows);
        assertThat(d.causes()).containsExactly(ExceptionCause.DOCUMENTS_MISSING);
        assertThat(d.parcels()).extracting(ExceptionDiagnosis.Parcel::shipmentId).containsExactly("P1");
    }

    @Test
    void withoutStoredRowsTheCauseIsUndetermined() {
        OrderOutcome o = ENGINE.build(order(1)).outcome();
        assertThat(CLASSIFIER.diagnose(o, null).causes()).containsExactly(ExceptionCause.UNDETERMINED);
        assertThat(CLASSIFIER.diagnose(o, null).cause().owner()).isEqualTo(ExceptionCause.Owner.UNKNOWN);
        assertThat(List.of(ExceptionCause.values())).hasSize(11);
    }
}
