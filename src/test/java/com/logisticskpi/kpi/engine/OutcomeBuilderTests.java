package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.OrderOutcome.State;

/** One order at a time, no database: the per-order rules of kpis.md sections 1 and 6. Times local to Asia/Shanghai. */
class OutcomeBuilderTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant AS_OF = t("2026-11-12 00:00");
    static final long DAY_US = 86_400_000_000L;
    final OutcomeBuilder builder = new OutcomeBuilder(ZONE, AS_OF, 7 * DAY_US, 72 * 3_600_000_000L);

    static Instant t(String local) {
        return LocalDateTime.parse(local, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")).atZone(ZONE).toInstant();
    }

    static Instant endOfDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1000);
    }

    static OrderRows.Line line(int no, String promised, String sku, int qty) {
        return new OrderRows.Line(no, "C1", t("2026-11-09 10:00"), t(promised), false, sku, qty, "SH01", "华东", "APP", "OK", "A");
    }

    static OrderRows.Shipment delivered(String id, int line, String sku, int qty, String shipped, String at) {
        return new OrderRows.Shipment(id, line, sku, qty, "SH01", "SF", t(shipped), t(at), "DELIVERED", false, true);
    }

    static OrderRows.Shipment withStatus(String id, int line, String sku, int qty, String shipped, String status) {
        return new OrderRows.Shipment(id, line, sku, qty, "SH01", "SF", t(shipped), null, status, false, true);
    }

    OrderOutcome outcome(OrderRows rows) {
        return builder.build(rows).outcome();
    }

    @Test
    void deliveredExactlyAtThePromiseIsOnTimeAndPerfect() {
        OrderOutcome o = outcome(new OrderRows("A1").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 18:00")));
        assertThat(o.state()).isEqualTo(State.DELIVERED);
        assertThat(o.onTime()).isTrue();
        assertThat(o.perfect()).isTrue();
        assertThat(o.split()).isFalse();
        // cycle 11-09 10:00 -> 11-11 18:00 = 56 h; dispatch 11-09 10:00 -> 11-10 08:00 = 22 h; not late
        assertThat(o.cycleHours()).isEqualTo(56.0);
        assertThat(o.dispatchHours()).isEqualTo(22.0);
        assertThat(o.hoursLate()).isEqualTo(0.0);
        assertThat(o.deliveryDate()).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(o.dueDate()).isEqualTo(LocalDate.parse("2026-11-11"));
    }

    @Test
    void oneMicrosecondAfterThePromiseIsLate() {
        Instant promise = t("2026-11-11 18:00");
        OrderOutcome o = outcome(new OrderRows("A1").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(new OrderRows.Shipment("P1", 1, "S1", 1, "SH01", "SF", t("2026-11-10 08:00"),
                        promise.plusNanos(1000), "DELIVERED", false, true)));
        assertThat(o.onTime()).isFalse();
        assertThat(o.perfect()).isFalse();
    }

    @Test
    void dateOnlyPromiseCoversTheWholeLocalDay() {
        OrderRows.Line dateOnly = new OrderRows.Line(1, "C2", t("2026-11-09 11:00"), endOfDay("2026-11-11"), true, "S2", 2,
                "SH01", "华东", "WEB", "OK", "A");
        OrderOutcome at2330 = outcome(new OrderRows("A2").line(dateOnly)
                .shipment(delivered("P2", 1, "S2", 2, "2026-11-10 09:00", "2026-11-11 23:30")));
        assertThat(at2330.onTime()).isTrue();
        assertThat(at2330.dueDate()).isEqualTo(LocalDate.parse("2026-11-11"));
        OrderOutcome nextMorning = outcome(new OrderRows("A2").line(dateOnly)
                .shipment(delivered("P2", 1, "S2", 2, "2026-11-10 09:00", "2026-11-12 00:00")));
        assertThat(nextMorning.onTime()).isFalse();
    }

    @Test
    void splitShipmentClosesWhenTheRunningTotalReachesTheOrderedQuantity() {
        // line 2 ordered 3: P3 brings 2 on 11-11 12:00, P4 brings 1 on 11-12 09:00 -> closes 11-12 09:00 (late)
        OrderOutcome o = outcome(new OrderRows("A3")
                .line(line(1, "2026-11-11 18:00", "S3", 1)).line(line(2, "2026-11-11 18:00", "S4", 3))
                .shipment(delivered("P3", 1, "S3", 1, "2026-11-10 10:00", "2026-11-11 12:00"))
                .shipment(delivered("P3", 2, "S4", 2, "2026-11-10 10:00", "2026-11-11 12:00"))
                .shipment(delivered("P4", 2, "S4", 1, "2026-11-11 09:00", "2026-11-12 09:00")));
        assertThat(o.deliveredAt()).isEqualTo(t("2026-11-12 09:00"));
        assertThat(o.onTime()).isFalse();
        assertThat(o.split()).isTrue();
        assertThat(o.accurate()).isTrue();
        assertThat(o.lines()).isEqualTo(2);
        assertThat(o.accurateLines()).isEqualTo(2);
        // 11-09 10:00 -> 11-12 09:00 = 71 h; late by 15 h (due 11-11 18:00)
        assertThat(o.cycleHours()).isEqualTo(71.0);
        assertThat(o.hoursLate()).isEqualTo(15.0);
    }

    @Test
    void closeTimeIsTheRowThatReachesTheQuantityNotTheLastRow() {
        // ordered 2: 2 units on 11-11 10:00 close the line; a third unit on 11-13 is over-shipment
        OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 2))
                .shipment(delivered("P1", 1, "S1", 2, "2026-11-10 08:00", "2026-11-11 10:00"))
                .shipment(delivered("P2", 1, "S1", 1, "2026-11-12 08:00", "2026-11-13 10:00")));
        assertThat(o.deliveredAt()).isEqualTo(t("2026-11-11 10:00"));
        assertThat(o.onTime()).isTrue();
        // received 3 != ordered 2: over-shipment is inaccurate
        assertThat(o.accurate()).isFalse();
        assertThat(o.accurateLines()).isZero();
        // carrier/latest delivered row and split both count the late over-shipment row
        assertThat(o.split()).isTrue();
    }

    @Test
    void overShipmentInOneRowIsDeliveredButInaccurate() {
        OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 2))
                .shipment(delivered("P1", 1, "S1", 3, "2026-11-10 08:00", "2026-11-11 10:00")));
        assertThat(o.state()).isEqualTo(State.DELIVERED);
        assertThat(o.accurate()).isFalse();
        assertThat(o.perfect()).isFalse();
    }

    @Test
    void shortShipmentLeavesTheOrderUndelivered() {
        // ordered 3, 2 delivered: not closed; due 11-11 18:00 <= as_of 11-12 00:00 -> overdue by 6 h
        OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 3))
                .shipment(delivered("P1", 1, "S1", 2, "2026-11-10 08:00", "2026-11-11 10:00")));
        assertThat(o.state()).isEqualTo(State.OVERDUE);
        assertThat(o.deliveredAt()).isNull();
        assertThat(o.onTime()).isNull();
        assertThat(o.accurate()).isNull();
        assertThat(o.cycleHours()).isNull();
        assertThat(o.hoursLate()).isEqualTo(6.0);
        assertThat(o.dispatchHours()).isEqualTo(22.0);
    }

    @Test
    void wrongSkuMakesTheLineAndTheOrderInaccurateButStillDelivered() {
        OrderOutcome o = outcome(new OrderRows("A4").line(line(1, "2026-11-11 18:00", "S5", 1))
                .shipment(delivered("P5", 1, "S5X", 1, "2026-11-10 11:00", "2026-11-11 10:00")));
        assertThat(o.state()).isEqualTo(State.DELIVERED);
        assertThat(o.onTime()).isTrue();
        assertThat(o.accurate()).isFalse();
        assertThat(o.accurateLines()).isZero();
    }

    @Test
    void lostPackageReplacedByASecondShipment() {
        // P1 lost (right SKU), P2 delivers: delivered, accurate (every row carries S1, received 1), split (two ids),
        // carrier of the delivered row
        OrderRows rows = new OrderRows("O").line(line(1, "2026-11-12 18:00", "S1", 1))
                .shipment(new OrderRows.Shipment("P1", 1, "S1", 1, "SH01", "ZTO", t("2026-11-10 08:00"), null, "LOST", false, true))
                .shipment(new OrderRows.Shipment("P2", 1, "S1", 1, "SH01", "SF", t("2026-11-11 08:00"), t("2026-11-12 10:00"),
                        "DELIVERED", false, true));
        OrderOutcome o = outcome(rows);
        assertThat(o.state()).isEqualTo(State.DELIVERED);
        assertThat(o.accurate()).isTrue();
        assertThat(o.split()).isTrue();
        assertThat(o.carrier()).isEqualTo("SF");
        // dispatch from the earliest ship row (the lost one): 11-09 10:00 -> 11-10 08:00 = 22 h
        assertThat(o.dispatchHours()).isEqualTo(22.0);

        // only the lost package: undelivered; carrier = latest ship_time row; due after as_of -> pending
        OrderOutcome lost = outcome(new OrderRows("O").line(line(1, "2026-11-12 18:00", "S1", 1))
                .shipment(new OrderRows.Shipment("P1", 1, "S1", 1, "SH01", "ZTO", t("2026-11-10 08:00"), null, "LOST", false, true)));
        assertThat(lost.state()).isEqualTo(State.PENDING);
        assertThat(lost.carrier()).isEqualTo("ZTO");
        assertThat(lost.hoursLate()).isNull();
    }

    @Test
    void cancelledLinesAndTheirShipmentsAreIgnored() {
        OrderRows.Line cancelled = new OrderRows.Line(2, "C5", t("2026-11-09 15:00"), t("2026-11-13 18:00"), false, "S8", 1,
                "BJ02", "华北", "WEB", "CANCELLED", null);
        OrderRows.Line ok = new OrderRows.Line(1, "C5", t("2026-11-09 15:00"), t("2026-11-11 18:00"), false, "S7", 1,
                "SH01", "华南", "WEB", "OK", null);
        OrderOutcome o = outcome(new OrderRows("A6").line(ok).line(cancelled)
                .shipment(delivered("P6", 1, "S7", 1, "2026-11-10 12:00", "2026-11-11 10:00"))
                .shipment(new OrderRows.Shipment("P8", 2, "WRONG", 1, "BJ02", "JD", t("2026-11-10 11:00"), t("2026-11-14 11:00"),
                        "DELIVERED", true, false)));
        // due from the OK line only (11-11 18:00, not the cancelled 11-13), P8 neither late, wrong, damaged nor split
        assertThat(o.dueTime()).isEqualTo(t("2026-11-11 18:00"));
        assertThat(o.deliveredAt()).isEqualTo(t("2026-11-11 10:00"));
        assertThat(o.perfect()).isTrue();
        assertThat(o.split()).isFalse();
        assertThat(o.lines()).isEqualTo(1);
        assertThat(o.carrier()).isEqualTo("SF");
        // dispatch from P6 (12:00), not the cancelled line's P8 (11:00): 21 h; no segment row -> C
        assertThat(o.dispatchHours()).isEqualTo(21.0);
        assertThat(o.segment()).isEqualTo("C");

        OrderRows allCancelled = new OrderRows("X").line(cancelled);
        assertThat(builder.build(allCancelled)).isNull();
    }

    @Test
    void rowsOfUnknownOrderLinesTakePartInNothing() {
        OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 10:00"))
                .shipment(new OrderRows.Shipment("P9", 9, "ZZZ", 5, "XX", "EMS", t("2026-11-09 11:00"), t("2026-11-11 20:00"),
                        "DELIVERED", true, false))
                .returnRow(new OrderRows.Return("R9", 9, "WRONG_ITEM", t("2026-11-12 10:00"), null)));
        assertThat(o.perfect()).isTrue();
        assertThat(o.split()).isFalse();
        assertThat(o.carrier()).isEqualTo("SF");
        assertThat(builder.build(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 1))
                .returnRow(new OrderRows.Return("R9", 9, "WRONG_ITEM", t("2026-11-12 10:00"), null))).returns()).isEmpty();
    }

    @Test
    void damagedReturnCountsUpToTheWindowInclusive() {
        Instant deliveredAt = t("2026-11-11 18:00");
        OrderRows base = new OrderRows("A1").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 18:00"));
        // requested exactly 7 days after delivered_at: damaged
        OrderRows inside = copy(base).returnRow(new OrderRows.Return("R1", 1, "DAMAGED", deliveredAt.plusSeconds(7 * 86400), null));
        assertThat(outcome(inside).damaged()).isTrue();
        assertThat(outcome(inside).accurate()).isTrue();
        // one microsecond later: outside the window, not damaged
        OrderRows outside = copy(base).returnRow(new OrderRows.Return("R1", 1, "DAMAGED",
                deliveredAt.plusSeconds(7 * 86400).plusNanos(1000), null));
        assertThat(outcome(outside).damaged()).isFalse();
        assertThat(outcome(outside).perfect()).isTrue();
        // a damaged package row makes it damaged whatever the returns
        OrderRows row = new OrderRows("A4").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(new OrderRows.Shipment("P1", 1, "S1", 1, "SH01", "SF", t("2026-11-10 08:00"), t("2026-11-11 10:00"),
                        "DELIVERED", true, true));
        assertThat(outcome(row).damaged()).isTrue();
    }

    @Test
    void damageWindowIsConfigurable() {
        OutcomeBuilder oneDay = new OutcomeBuilder(ZONE, AS_OF, DAY_US, 72 * 3_600_000_000L);
        OrderRows rows = new OrderRows("A1").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 18:00"))
                .returnRow(new OrderRows.Return("R1", 1, "DAMAGED", t("2026-11-13 10:00"), null));
        assertThat(builder.build(rows).outcome().damaged()).isTrue(); // 40 h after delivery, window 7 days
        assertThat(oneDay.build(rows).outcome().damaged()).isFalse(); // window 24 h
    }

    @Test
    void wrongItemOrMissingItemReturnMakesTheOrderInaccurateButNotItsLines() {
        for (String reason : new String[] {"WRONG_ITEM", "MISSING_ITEM"}) {
            OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 1))
                    .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 10:00"))
                    .returnRow(new OrderRows.Return("R", 0, reason, t("2026-12-30 10:00"), null)));
            assertThat(o.accurate()).as(reason).isFalse();
            assertThat(o.accurateLines()).as(reason).isEqualTo(1);
        }
        OrderOutcome changedMind = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 10:00"))
                .returnRow(new OrderRows.Return("R", 0, "CHANGED_MIND", t("2026-11-12 10:00"), null)));
        assertThat(changedMind.accurate()).isTrue();
    }

    @Test
    void documentsFailOnAnyRow() {
        OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-11 18:00", "S1", 2))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 10:00"))
                .shipment(new OrderRows.Shipment("P2", 1, "S1", 1, "SH01", "SF", t("2026-11-10 08:00"), t("2026-11-11 11:00"),
                        "DELIVERED", false, false)));
        assertThat(o.documentsOk()).isFalse();
        assertThat(o.perfect()).isFalse();
        assertThat(o.accurate()).isTrue();
    }

    @Test
    void pendingWhenDueAfterAsOfOverdueWhenDueAtAsOf() {
        OrderOutcome pending = outcome(new OrderRows("A5").line(line(1, "2026-11-12 18:00", "S6", 1)));
        assertThat(pending.state()).isEqualTo(State.PENDING);
        assertThat(pending.carrier()).isEqualTo("(none)");
        assertThat(pending.dispatchHours()).isNull();
        // due exactly at as_of counts as judged (overdue by 0 h)
        OrderOutcome atAsOf = outcome(new OrderRows("O").line(line(1, "2026-11-12 00:00", "S6", 1)));
        assertThat(atAsOf.state()).isEqualTo(State.OVERDUE);
        assertThat(atAsOf.hoursLate()).isEqualTo(0.0);
    }

    @Test
    void dueTimeIsTheLatestPromiseAndOnTimeIsJudgedPerLine() {
        // line 1 promised 11-10 18:00 delivered 11-11 10:00 (late); line 2 promised 11-12 18:00 delivered 11-11 10:00
        // -> due 11-12 18:00, delivered_at 11-11 10:00 before the due time, yet late because line 1 was late
        OrderOutcome o = outcome(new OrderRows("O")
                .line(line(1, "2026-11-10 18:00", "S1", 1)).line(line(2, "2026-11-12 18:00", "S2", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-11 10:00"))
                .shipment(delivered("P1", 2, "S2", 1, "2026-11-10 08:00", "2026-11-11 10:00")));
        assertThat(o.dueTime()).isEqualTo(t("2026-11-12 18:00"));
        assertThat(o.onTime()).isFalse();
        assertThat(o.hoursLate()).isEqualTo(0.0);
    }

    @Test
    void warehouseFallsBackToTheEarliestShipmentRowTiesBySmallerShipmentId() {
        OrderRows.Line noWarehouse = new OrderRows.Line(1, "C1", t("2026-11-09 10:00"), t("2026-11-11 18:00"), false, "S1", 2,
                null, null, "", "OK", "B");
        OrderOutcome o = outcome(new OrderRows("O").line(noWarehouse)
                .shipment(new OrderRows.Shipment("P9", 1, "S1", 1, "WH9", "SF", t("2026-11-10 08:00"), t("2026-11-11 10:00"), "DELIVERED", false, true))
                .shipment(new OrderRows.Shipment("P2", 1, "S1", 1, "WH2", "JD", t("2026-11-10 08:00"), t("2026-11-11 10:00"), "DELIVERED", false, true))
                .shipment(new OrderRows.Shipment("P1", 1, "S1", 0, "WH1", "YTO", t("2026-11-10 09:00"), null, "IN_TRANSIT", false, true)));
        assertThat(o.warehouse()).isEqualTo("WH2");
        // carrier: latest delivered_time (a tie at 10:00) -> greater shipment_id P9 -> SF
        assertThat(o.carrier()).isEqualTo("SF");
        assertThat(o.region()).isEqualTo("(none)");
        assertThat(o.channel()).isEqualTo("(none)");
        assertThat(o.segment()).isEqualTo("B");
    }

    @Test
    void undeliveredCarrierIsTheLatestShipTimeTiesByGreaterShipmentId() {
        OrderOutcome o = outcome(new OrderRows("O").line(line(1, "2026-11-13 18:00", "S1", 3))
                .shipment(withStatus("P1", 1, "S1", 1, "2026-11-10 08:00", "IN_TRANSIT"))
                .shipment(new OrderRows.Shipment("P3", 1, "S1", 1, "SH01", "JD", t("2026-11-11 08:00"), null, "IN_TRANSIT", false, true))
                .shipment(new OrderRows.Shipment("P2", 1, "S1", 1, "SH01", "EMS", t("2026-11-11 08:00"), null, "IN_TRANSIT", false, true)));
        assertThat(o.carrier()).isEqualTo("JD");
    }

    @Test
    void slicesComeFromTheLowestOkLine() {
        OrderRows.Line cancelled1 = new OrderRows.Line(1, "C1", t("2026-11-09 10:00"), t("2026-11-11 18:00"), false, "S1", 1,
                "BJ02", "华北", "WEB", "CANCELLED", null);
        OrderRows.Line ok2 = new OrderRows.Line(2, "C2", t("2026-11-09 11:00"), t("2026-11-11 18:00"), false, "S2", 1,
                "SH01", "华东", "APP", "OK", "A");
        OrderOutcome o = outcome(new OrderRows("O").line(cancelled1).line(ok2));
        assertThat(o.warehouse()).isEqualTo("SH01");
        assertThat(o.region()).isEqualTo("华东");
        assertThat(o.channel()).isEqualTo("APP");
        assertThat(o.customerId()).isEqualTo("C2");
        assertThat(o.orderTime()).isEqualTo(t("2026-11-09 11:00"));
    }

    @Test
    void aReturnTakesItsSmallestValidLineNoWholeOrderRowFirst() {
        OrderRows.Line l1 = line(1, "2026-11-11 18:00", "S1", 1);
        OrderRows.Line cancelled2 = new OrderRows.Line(2, "C1", t("2026-11-09 10:00"), t("2026-11-11 18:00"), false, "S2", 1,
                "SH01", "华东", "APP", "CANCELLED", "A");
        OrderRows.Line l3 = line(3, "2026-11-11 18:00", "S3", 1);
        OrderRows rows = new OrderRows("O").line(l1).line(cancelled2).line(l3)
                .returnRow(new OrderRows.Return("R1", 3, "LATE", t("2026-11-13 10:00"), null))
                .returnRow(new OrderRows.Return("R1", 0, "CHANGED_MIND", t("2026-11-13 11:00"), t("2026-11-14 11:00")))
                .returnRow(new OrderRows.Return("R2", 2, "DAMAGED", t("2026-11-13 12:00"), null))
                .returnRow(new OrderRows.Return("R2", 3, "DEFECTIVE", t("2026-11-13 13:00"), null));
        var returns = builder.build(rows).returns();
        assertThat(returns).containsExactly(
                new ReturnRecord("R1", "O", "CHANGED_MIND", t("2026-11-13 11:00"), t("2026-11-14 11:00")),
                // line 2 is cancelled: R2 takes line 3's row
                new ReturnRecord("R2", "O", "DEFECTIVE", t("2026-11-13 13:00"), null));
    }

    @Test
    void cycleWithinTargetIsInclusiveOfSeventyTwoHours() {
        OrderOutcome at72 = outcome(new OrderRows("O").line(line(1, "2026-11-13 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-12 10:00")));
        assertThat(at72.cycleHours()).isCloseTo(72.0, within(0.0));
        assertThat(builder.build(new OrderRows("O").line(line(1, "2026-11-13 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-12 10:00"))).withinTarget()).isTrue();
        assertThat(builder.build(new OrderRows("O").line(line(1, "2026-11-13 18:00", "S1", 1))
                .shipment(delivered("P1", 1, "S1", 1, "2026-11-10 08:00", "2026-11-12 10:01"))).withinTarget()).isFalse();
    }

    private static OrderRows copy(OrderRows r) {
        OrderRows c = new OrderRows(r.orderId());
        r.lines().forEach(c::line);
        r.shipments().forEach(c::shipment);
        r.returns().forEach(c::returnRow);
        return c;
    }
}
