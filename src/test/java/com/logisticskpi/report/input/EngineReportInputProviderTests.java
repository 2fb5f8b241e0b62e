package com.logisticskpi.report.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.exception.ExceptionCause;
import com.logisticskpi.report.exception.ExceptionClassifier;
import com.logisticskpi.report.exception.ExceptionDiagnosis;
import com.logisticskpi.report.ReportInputProvider;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The engine-backed report input on the spec example (its inbox loaded by the real ingest), worked out by hand from
 * ../shared/spec/example/README.md: report date 2026-11-12, as-of 2026-11-12T00:00:00+08:00.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineReportInputProviderTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DATE = LocalDate.parse("2026-11-12");
    static final Instant AS_OF = OffsetDateTime.parse("2026-11-12T00:00:00+08:00").toInstant();

    @TempDir
    static Path dir;
    ConfigurableApplicationContext ctx;
    ReportInputProvider provider;

    @BeforeAll
    void load() throws Exception {
        ctx = AppContext.start(TestDatabases.h2Options(dir.resolve("data")));
        IngestService ingest = ctx.getBean(IngestService.class);
        Path inbox = Path.of(getClass().getResource("/spec-example/inbox").toURI());
        ingest.ingest(inbox, ZONE, null);
        ingest.ingest(inbox, ZONE, null); // the same files again: SKIPPED, nothing new for the Data quality sheet
        // a returns file of the 12th without its reason_code column: FAILED, and listed
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("returns_20261112.csv"), "return_id,order_id,line_no,requested_time\nR9,A1,1,2026-11-12 10:00:00\n");
        ingest.ingest(broken, ZONE, null);
        provider = ctx.getBean(ReportInputProvider.class);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    record Seen(ReportInput input, List<OrderOutcome> exceptions, List<OrderOutcome> delivered, List<OrderOutcome> again,
                Iterator<OrderOutcome> leftOpen, java.util.Map<String, ExceptionDiagnosis> causes) {
    }

    Seen read(Path out) throws Exception {
        return provider.withInput(new ReportInputProvider.Request(DATE, AS_OF, ZONE, Locale.ENGLISH, out), input -> {
            List<OrderOutcome> exceptions = new ArrayList<>();
            input.exceptions().forEach(exceptions::add);
            List<OrderOutcome> delivered = new ArrayList<>();
            input.deliveredOrders().forEach(delivered::add);
            List<OrderOutcome> again = new ArrayList<>();
            input.deliveredOrders().forEach(again::add); // re-iterable: a second cursor
            Iterator<OrderOutcome> half = input.deliveredOrders().iterator();
            half.next(); // a cursor read only in part: closed by withInput
            // the stored rows of the exception orders, diagnosed as the Exceptions sheet does (24 h dispatch allowance)
            var rows = input.exceptionRows().rowsOf(exceptions.stream().map(OrderOutcome::orderId).toList());
            var classifier = new ExceptionClassifier(java.time.Duration.ofHours(24));
            java.util.Map<String, ExceptionDiagnosis> causes = new java.util.TreeMap<>();
            exceptions.forEach(o -> causes.put(o.orderId(), classifier.diagnose(o, rows.get(o.orderId()))));
            return new Seen(input, exceptions, delivered, again, half, causes);
        });
    }

    @Test
    void theInputIsTheEnginesRunOfTheReportDate() throws Exception {
        Path out = dir.resolve("out");
        Seen seen = read(out);
        ReportInput in = seen.input();
        assertThat(in.businessDate()).isEqualTo(DATE);
        assertThat(in.zone()).isEqualTo(ZONE);
        // day 2026-11-11 on-time: A1, A2, A4, A6 of A1, A2, A3, A4, A6, A7 -> 4 / 6; W46 and 2026-11 are in the run too
        KpiValue onTime = find(in.values(), PeriodType.DAY, "2026-11-11", "on_time_rate");
        assertThat(onTime.numerator()).isEqualTo(4.0);
        assertThat(onTime.denominator()).isEqualTo(6L);
        assertThat(find(in.values(), PeriodType.WEEK, "2026-W46", "order_accuracy")).isNotNull();
        assertThat(find(in.values(), PeriodType.MONTH, "2026-11", "order_accuracy")).isNotNull();
        // the engine's default targets
        assertThat(in.targets().get("on_time_rate").target()).isEqualTo(0.95);
        assertThat(in.targets().get("csi").target()).isEqualTo(80.0);
        // 4 days with deliveries are far fewer than the 20 baseline days: no limits, no points
        assertThat(in.controlChart()).isEmpty();

        // exceptions of November: A3 (delivered 11-12 09:00, due 11-11 18:00: 15 h late), A7 (08:00: 14 h late),
        // then the on-time ones by order id: A1 (damaged through return R1), A4 (wrong SKU, damaged), A6 (documents);
        // A2 is perfect, A5 pending
        assertThat(seen.exceptions()).extracting(OrderOutcome::orderId).containsExactly("A3", "A7", "A1", "A4", "A6");
        assertThat(seen.exceptions().get(0).hoursLate()).isCloseTo(15.0, within(1e-9));
        assertThat(seen.exceptions().get(1).hoursLate()).isCloseTo(14.0, within(1e-9));
        // delivered in November: A1 56 h, A2 60.5 h, A3 11-09 12:00 -> 11-12 09:00 = 69 h, A4 45 h, A6 43 h,
        // A7 11-09 16:00 -> 11-12 08:00 = 64 h
        assertThat(seen.delivered()).extracting(OrderOutcome::orderId).containsExactly("A1", "A2", "A3", "A4", "A6", "A7");
        assertThat(seen.delivered()).extracting(OrderOutcome::cycleHours)
                .containsExactly(56.0, 60.5, 69.0, 45.0, 43.0, 64.0);
        assertThat(seen.again()).isEqualTo(seen.delivered());

        // causes from the stored export rows of the spec example (docs/report.md, "Exception causes"):
        // A3 line 2 (3 × S4): P3 brought 2 on 11-11 12:00, P4 sent 11-11 09:00 (45 h after the 11-09 12:00 order,
        //    more than 24 h) completed it 11-12 09:00 after the 11-11 18:00 promise -> late dispatch (warehouse)
        // A7: P7 left 11-10 13:00 (21 h after the order), delivered 11-12 08:00 -> late carrier delivery (YTO)
        // A1: intact parcel, DAMAGED return R1 requested 11-13 10:00 (2 days after delivery) -> damaged per return
        // A4: P5 carried S5X instead of S5 and arrived damaged -> wrong SKU, also damaged in transit
        // A6: P6 without correct documents; P8 belongs to the cancelled line 2 and is no parcel of the order
        var causes = seen.causes();
        assertThat(causes.get("A3").causes()).containsExactly(ExceptionCause.LATE_DISPATCH);
        assertThat(causes.get("A7").causes()).containsExactly(ExceptionCause.LATE_CARRIER_DELIVERY);
        assertThat(causes.get("A1").causes()).containsExactly(ExceptionCause.DAMAGED_PER_RETURN);
        assertThat(causes.get("A4").causes()).containsExactly(ExceptionCause.WRONG_SKU, ExceptionCause.DAMAGED_IN_TRANSIT);
        assertThat(causes.get("A6").causes()).containsExactly(ExceptionCause.DOCUMENTS_MISSING);
        assertThat(causes.get("A6").parcels()).extracting(ExceptionDiagnosis.Parcel::shipmentId).containsExactly("P6");
        assertThat(causes.get("A3").parcels()).extracting(ExceptionDiagnosis.Parcel::shipmentId).containsExactly("P3", "P4");

        // the files named for 2026-11-12 in load order: the failed returns file, shipments (P4, P7) and surveys
        // (V1..V3); their identical second deliveries (SKIPPED) are not repeated
        assertThat(in.dataQuality()).extracting(ReportInput.DataQualityRow::file)
                .containsExactly("returns_20261112.csv", "shipments_20261112.csv", "surveys_20261112.csv");
        assertThat(in.dataQuality()).extracting(ReportInput.DataQualityRow::status).containsExactly("FAILED", "LOADED", "LOADED");
        assertThat(in.dataQuality()).extracting(ReportInput.DataQualityRow::loaded).containsExactly(0L, 2L, 3L);
        // newest event not after as-of (11-12 00:00 local): P2 delivered 11-11 23:30 local = 15:30Z
        assertThat(in.freshness().newestEvent()).isEqualTo(Instant.parse("2026-11-11T15:30:00Z"));
        assertThat(in.freshness().lastLoad()).isNotNull();

        // beside the workbook: the run's figures, the month's orders; the exceptions CSV is the workbook writer's
        assertThat(Files.readAllLines(out.resolve("kpi-values.csv"))).hasSize(in.values().size() + 1);
        assertThat(Files.readAllLines(out.resolve("orders-outcome.csv"))).hasSize(1 + 7); // A1..A7, all due in November
        assertThat(out.resolve("kpi-exceptions_2026-11-12.csv")).doesNotExist();
        assertThat(in.exceptionsCsv()).isEqualTo(out.toRealPath().resolve("kpi-exceptions_2026-11-12.csv"));
    }

    @Test
    void theStreamsAreClosedWhenWithInputReturns() throws Exception {
        Seen seen = read(dir.resolve("out2"));
        // the cursor left half-read inside was closed: it ends instead of reading on
        assertThat(seen.leftOpen().hasNext()).isFalse();
        // and no new cursor opens afterwards
        assertThatThrownBy(() -> seen.input().exceptions().iterator())
                .hasMessageContaining("only readable inside withInput");
        // no connection is left borrowed from the pool
        var pool = ctx.getBean(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
        assertThat(pool.getActiveConnections()).isZero();
    }

    static KpiValue find(List<KpiValue> values, PeriodType t, String period, String kpi) {
        return values.stream().filter(v -> v.periodType() == t && v.period().equals(period) && v.slice().equals("all")
                && v.kpi().equals(kpi)).findFirst().orElse(null);
    }
}
