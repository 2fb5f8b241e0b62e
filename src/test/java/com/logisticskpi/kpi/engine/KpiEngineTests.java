package com.logisticskpi.kpi.engine;

import static com.logisticskpi.testsupport.EngineHarness.all;
import static com.logisticskpi.testsupport.EngineHarness.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.store.KpiRunRepository;
import com.logisticskpi.testsupport.EngineHarness;
import com.logisticskpi.testsupport.ExportRows;

/** The engine over a database: cohorts, periods, percentiles, segments, returns and surveys, hand-computed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiEngineTests {

    @TempDir
    static Path dir;

    EngineHarness h;

    @BeforeAll
    void start() {
        h = EngineHarness.h2(dir);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @BeforeEach
    void clear() {
        h.clearExports();
    }

    /** One-line order delivered in one package. */
    private void delivered(String order, String customer, String ordered, String promised, String deliveredAt, String carrier) {
        ExportRows x = h.rows();
        x.order(order, 1).customer(customer).ordered(ordered).promised(promised).sku("S1").qty(1).price("10")
                .warehouse("SH01").region("华东").channel("APP").insert();
        x.shipment("P-" + order, order, 1).sku("S1").qty(1).carrier(carrier).shipped(ordered).delivered(deliveredAt).insert();
    }

    private Instant at(String local) {
        return h.rows().at(local);
    }

    @Test
    void percentilesInterpolateLinearlyAndSdUsesNMinusOne() {
        // five orders delivered 2026-11-11 12:00 with cycle hours 10, 20, 30, 40, 100
        delivered("O1", "C1", "2026-11-11 02:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        delivered("O2", "C1", "2026-11-10 16:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        delivered("O3", "C1", "2026-11-10 06:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        delivered("O4", "C1", "2026-11-09 20:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        delivered("O5", "C1", "2026-11-07 08:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        List<KpiValue> v = h.run("2026-11-11", "2026-11-11", at("2026-11-12 00:00")).values();
        // mean (10+20+30+40+100)/5 = 40
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_mean").value()).isEqualTo(40.0);
        // p50: h = 4*0.5 = 2 -> 30; p90: h = 3.6 -> 40 + 0.6*(100-40) = 76; p95: h = 3.8 -> 40 + 0.8*60 = 88
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_p50").value()).isEqualTo(30.0);
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_p90").value()).isCloseTo(76.0, within(1e-9));
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_p95").value()).isCloseTo(88.0, within(1e-9));
        // sd: squared deviations 900+400+100+0+3600 = 5000, /(5-1) = 1250, sqrt = 35.35533905932738; cv = /40
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_sd").value()).isCloseTo(35.35533905932738, within(1e-12));
        assertThat(all(v, "day", "2026-11-11", "cycle_cv").value()).isCloseTo(0.8838834764831844, within(1e-12));
        // 100 h > 72 h target: 4/5 within target
        assertThat(all(v, "day", "2026-11-11", "cycle_within_target_rate"))
                .isEqualTo(new KpiValue(PeriodType.DAY, "2026-11-11", "all", "all", "cycle_within_target_rate", 4.0, 5L, 0.8));
        // dispatch hours are 0 (shipped at order time): mean 0, p90 0
        assertThat(all(v, "day", "2026-11-11", "dispatch_hours_p90").value()).isZero();
    }

    @Test
    void emptyCohortsHaveNoRowAndOneOrderHasNoSdOrCv() {
        delivered("O1", "C1", "2026-11-09 10:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        List<KpiValue> v = h.run("2026-11-09", "2026-11-15", at("2026-11-20 00:00")).values();
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_mean").value()).isEqualTo(50.0);
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_p90").value()).isEqualTo(50.0);
        assertThat(all(v, "day", "2026-11-11", "cycle_hours_sd")).isNull();
        assertThat(all(v, "day", "2026-11-11", "cycle_cv")).isNull();
        assertThat(all(v, "week", "2026-W46", "cycle_cv")).isNull();
        // nothing due, delivered, returned or answered on any other day: no rows at all
        assertThat(v).allMatch(x -> x.periodType() != PeriodType.DAY || x.period().equals("2026-11-11"));
        // no returns but a delivered cohort: return_rate 0/1; no return cohort: no reason share, no refund figures
        assertThat(all(v, "day", "2026-11-11", "return_rate"))
                .isEqualTo(new KpiValue(PeriodType.DAY, "2026-11-11", "all", "all", "return_rate", 0.0, 1L, 0.0));
        assertThat(v).noneMatch(x -> x.kpi().startsWith("return_reason_share") || x.kpi().startsWith("refund"));
        // no survey responses: no satisfaction rows; nothing pending: no pending_orders row
        assertThat(v).noneMatch(x -> x.kpi().equals("survey_responses") || x.kpi().equals("csi") || x.kpi().equals("pending_orders"));
        // 20 figures for day 11-11 in slice all: 7 delivered shares + on_time + return_rate + cycle mean/p50/p90/p95
        // + dispatch mean/p90 = 15
        assertThat(v.stream().filter(x -> x.period().equals("2026-11-11") && x.slice().equals("all"))).hasSize(15);
    }

    @Test
    void pendingOrdersAfterAsOfAreOnlyCountedAsPending() {
        // due 11-12 18:00; as_of 11-12 00:00 -> pending; as_of 11-12 18:00 (= due) -> judged, counts as late
        h.rows().order("P", 1).ordered("2026-11-09 10:00").promised("2026-11-12 18:00").warehouse("SH01").insert();
        delivered("D", "C1", "2026-11-09 10:00", "2026-11-12 18:00", "2026-11-12 12:00", "SF");
        List<KpiValue> early = h.run("2026-11-12", "2026-11-12", at("2026-11-12 00:00")).values();
        assertThat(all(early, "day", "2026-11-12", "pending_orders").value()).isEqualTo(1.0);
        assertThat(find(early, "day", "2026-11-12", "carrier", "(none)", "pending_orders").value()).isEqualTo(1.0);
        // judged: only D (delivered, on time) -> 1/1
        assertThat(all(early, "day", "2026-11-12", "on_time_rate").denominator()).isEqualTo(1L);
        List<KpiValue> late = h.run("2026-11-12", "2026-11-12", at("2026-11-12 18:00")).values();
        assertThat(all(late, "day", "2026-11-12", "pending_orders")).isNull();
        assertThat(all(late, "day", "2026-11-12", "on_time_rate"))
                .isEqualTo(new KpiValue(PeriodType.DAY, "2026-11-12", "all", "all", "on_time_rate", 1.0, 2L, 0.5));
        // the undelivered order's carrier is (none): judged late in that slice
        assertThat(find(late, "day", "2026-11-12", "carrier", "(none)", "on_time_rate").numerator()).isZero();
    }

    @Test
    void weeksCrossMonthAndYearBoundariesAndEveryPeriodIsComputedOverItsFullExtent() {
        // D0 delivered Sun 2026-12-20 (W51), D1 Thu 2026-12-31 and D2 Sat 2027-01-02 (both 2026-W53 = 12-28..01-03),
        // D3 Mon 2027-01-04 (2027-W01)
        delivered("D0", "C1", "2026-12-19 10:00", "2026-12-21 18:00", "2026-12-20 10:00", "SF");
        delivered("D1", "C1", "2026-12-30 10:00", "2027-01-01 18:00", "2026-12-31 10:00", "SF");
        delivered("D2", "C1", "2027-01-01 10:00", "2027-01-03 18:00", "2027-01-02 10:00", "SF");
        delivered("D3", "C1", "2027-01-03 10:00", "2027-01-05 18:00", "2027-01-04 10:00", "SF");
        List<KpiValue> v = h.run("2026-12-31", "2027-01-04", at("2027-01-10 00:00")).values();
        assertThat(all(v, "week", "2026-W53", "order_accuracy").denominator()).isEqualTo(2L);
        assertThat(all(v, "week", "2027-W01", "order_accuracy").denominator()).isEqualTo(1L);
        // month 2026-12 over its full extent includes D0 although --from is 12-31
        assertThat(all(v, "month", "2026-12", "order_accuracy").denominator()).isEqualTo(2L);
        assertThat(all(v, "month", "2027-01", "order_accuracy").denominator()).isEqualTo(2L);
        // periods outside [from, to]: no day 12-20, no week W51
        assertThat(v).noneMatch(x -> x.period().equals("2026-12-20") || x.period().equals("2026-W51"));
        // due cohort by due date: D1 due 01-01 (W53, Jan), D2 due 01-03 (W53), D3 due 01-05 (W01); D0 due 12-21 (Dec)
        assertThat(all(v, "week", "2026-W53", "on_time_rate").denominator()).isEqualTo(2L);
        assertThat(all(v, "month", "2026-12", "on_time_rate").denominator()).isEqualTo(1L);
        assertThat(all(v, "month", "2027-01", "on_time_rate").denominator()).isEqualTo(3L);
        // week cycle percentiles from the orders themselves: D1 24 h, D2 24 h -> p90 24
        assertThat(all(v, "week", "2026-W53", "cycle_hours_p90").value()).isEqualTo(24.0);
        assertThat(all(v, "week", "2026-W53", "cycle_hours_sd").value()).isZero();
    }

    @Test
    void weeklyAndMonthlyRatesComeFromSummedCountsNotAveragedDailyRates() {
        // day 11-11: 1 of 1 on time; day 11-12: 1 of 3 on time -> week 2/4 = 0.5 (the mean of daily rates would be 0.667)
        delivered("A", "C1", "2026-11-09 10:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        delivered("B", "C1", "2026-11-09 10:00", "2026-11-12 18:00", "2026-11-12 12:00", "SF");
        delivered("C", "C1", "2026-11-09 10:00", "2026-11-12 18:00", "2026-11-12 19:00", "SF");
        delivered("D", "C1", "2026-11-09 10:00", "2026-11-12 18:00", "2026-11-12 20:00", "SF");
        List<KpiValue> v = h.run("2026-11-11", "2026-11-12", at("2026-11-20 00:00")).values();
        assertThat(all(v, "day", "2026-11-12", "on_time_rate").value()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(all(v, "week", "2026-W46", "on_time_rate"))
                .isEqualTo(new KpiValue(PeriodType.WEEK, "2026-W46", "all", "all", "on_time_rate", 2.0, 4L, 0.5));
    }

    @Test
    void abcSegmentsRankByRevenueWithTiesByCustomerId() {
        // 90 local days ending 2026-11-20 (as_of 11-20 12:00): revenue K1 500, K2 300, K3 100, K5 50, K4 50 -> total 1000
        // K1: before 0 -> A; K2: before 500 (50 %) -> A although it crosses 80 %; K3: before 800 = 80 % -> B;
        // K4 (tie with K5, smaller id first): before 900 = 90 % -> B; K5: before 950 = 95 % -> C;
        // K6 ordered 2026-08-22 (91st day back) -> no revenue -> C; K7 without unit price -> C
        ExportRows x = h.rows();
        x.order("O1", 1).customer("K1").ordered("2026-11-01 10:00").promised("2026-11-25 18:00").qty(5).price("100").insert();
        x.order("O2", 1).customer("K2").ordered("2026-08-23 00:00").promised("2026-11-25 18:00").qty(3).price("100").insert();
        // K3's order placed after as_of but on its local date: counts
        x.order("O3", 1).customer("K3").ordered("2026-11-20 23:00").promised("2026-11-25 18:00").qty(1).price("100").insert();
        x.order("O5", 1).customer("K5").ordered("2026-11-02 10:00").promised("2026-11-25 18:00").qty(1).price("50").insert();
        x.order("O4", 1).customer("K4").ordered("2026-11-03 10:00").promised("2026-11-25 18:00").qty(2).price("25").insert();
        x.order("O6", 1).customer("K6").ordered("2026-08-22 23:59").promised("2026-11-25 18:00").qty(9).price("1000").insert();
        x.order("O7", 1).customer("K7").ordered("2026-11-04 10:00").promised("2026-11-25 18:00").qty(1).price(null).insert();
        // a cancelled line of K7 does not count either
        x.order("O7", 2).customer("K7").ordered("2026-11-04 10:00").promised("2026-11-25 18:00").qty(1).price("900").cancelled().insert();
        KpiRunResult run = h.run("2026-11-20", "2026-11-20", at("2026-11-20 12:00"));
        var segments = new java.util.TreeMap<String, String>();
        h.context().getBean(KpiRunRepository.class).outcomes(run.runId())
                .forEach((OrderOutcome o) -> segments.put(o.customerId(), o.segment()));
        assertThat(segments).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                "K1", "A", "K2", "A", "K3", "B", "K4", "B", "K5", "C", "K6", "C", "K7", "C")));
        // all seven pending (due 11-25 after as_of): A 2, B 2, C 3 in month 2026-11
        assertThat(find(run.values(), "month", "2026-11", "segment", "A", "pending_orders").value()).isEqualTo(2.0);
        assertThat(find(run.values(), "month", "2026-11", "segment", "B", "pending_orders").value()).isEqualTo(2.0);
        assertThat(find(run.values(), "month", "2026-11", "segment", "C", "pending_orders").value()).isEqualTo(3.0);
        // as_of one day later: O6's day falls further out, O2's 2026-08-23 leaves the window -> K2 has no revenue, C;
        // total 700: K1 A (before 0), K3 before 500 = 71 % -> A, K4 before 600 = 85.7 % -> B, K5 before 650 = 92.9 % -> B
        KpiRunResult later = h.run("2026-11-21", "2026-11-21", at("2026-11-21 12:00"));
        var seg2 = new java.util.TreeMap<String, String>();
        h.context().getBean(KpiRunRepository.class).outcomes(later.runId()).forEach(o -> seg2.put(o.customerId(), o.segment()));
        assertThat(seg2).containsEntry("K2", "C").containsEntry("K3", "A").containsEntry("K4", "B").containsEntry("K5", "B");
    }

    @Test
    void returnsCountOncePerReturnIdWithTheirSmallestValidRowAndIgnoreUnknownLines() {
        delivered("O1", "C1", "2026-11-09 10:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        delivered("O2", "C1", "2026-11-09 10:00", "2026-11-11 18:00", "2026-11-11 13:00", "JD");
        ExportRows x = h.rows();
        // R1: two rows of O1 -> one return, reason of line 1 (WRONG_ITEM), refunded 11-14 10:00 after 24 h
        x.returnRow("R1", "O1", 1).reason("WRONG_ITEM").requested("2026-11-13 10:00").refunded("2026-11-14 10:00").insert();
        x.returnRow("R1", "O1", 2).reason("LATE").requested("2026-11-13 09:00").insert();
        // R2: only a row of an unknown line of O2 -> takes part in nothing
        x.returnRow("R2", "O2", 7).reason("DAMAGED").requested("2026-11-13 10:00").insert();
        // R3: unknown order -> nothing
        x.returnRow("R3", "NOPE", 0).reason("DAMAGED").requested("2026-11-13 10:00").insert();
        // R4: whole-order return of O2 requested 11-12, refunded 11-14 22:00 after 60 h
        x.returnRow("R4", "O2", 0).reason("CHANGED_MIND").requested("2026-11-12 10:00").refunded("2026-11-14 22:00").insert();
        List<KpiValue> v = h.run("2026-11-09", "2026-11-15", at("2026-11-20 00:00")).values();
        // week: 2 returns (R1, R4) / 2 delivered
        assertThat(all(v, "week", "2026-W46", "return_rate"))
                .isEqualTo(new KpiValue(PeriodType.WEEK, "2026-W46", "all", "all", "return_rate", 2.0, 2L, 1.0));
        assertThat(all(v, "week", "2026-W46", "return_reason_share.WRONG_ITEM").numerator()).isEqualTo(1.0);
        assertThat(all(v, "week", "2026-W46", "return_reason_share.CHANGED_MIND").denominator()).isEqualTo(2L);
        assertThat(v).noneMatch(k -> k.kpi().equals("return_reason_share.DAMAGED") || k.kpi().equals("return_reason_share.LATE"));
        // O1 inaccurate (WRONG_ITEM return), O2 accurate; R2's DAMAGED row (unknown line) does not damage O2
        assertThat(all(v, "day", "2026-11-11", "order_accuracy").numerator()).isEqualTo(1.0);
        assertThat(all(v, "day", "2026-11-11", "damage_rate").numerator()).isZero();
        // refunds by local refund date 11-14: 24 h and 60 h -> mean 42, p90 = 24 + 0.9*36 = 56.4
        assertThat(all(v, "day", "2026-11-14", "refund_hours_mean").value()).isEqualTo(42.0);
        assertThat(all(v, "day", "2026-11-14", "refund_hours_p90").value()).isCloseTo(56.4, within(1e-9));
        // return cohort 11-13 (R1) without delivered cohort: reason share yes, return_rate no
        assertThat(all(v, "day", "2026-11-13", "return_reason_share.WRONG_ITEM").value()).isEqualTo(1.0);
        assertThat(all(v, "day", "2026-11-13", "return_rate")).isNull();
        // returns take the slices of their order: carrier JD has R4
        assertThat(find(v, "week", "2026-W46", "carrier", "JD", "return_rate").numerator()).isEqualTo(1.0);
    }

    @Test
    void satisfactionIndicesWithImportanceFromThirtyPairs() {
        ExportRows x = h.rows();
        // 30 responses without order and customer: groups of 10 with (timeliness, overall, recommend) =
        // (1, 2, 6), (3, 3, 9), (5, 5, 10); accuracy always 4
        int[][] groups = {{1, 2, 6}, {3, 3, 9}, {5, 5, 10}};
        int n = 0;
        for (int[] g : groups) {
            for (int i = 0; i < 10; i++) {
                x.survey("S" + (n++)).at("2026-11-12 10:00").overall(g[1]).recommend(g[2]).answer("q_timeliness", g[0])
                        .answer("q_accuracy", 4).insert();
            }
        }
        // a 31st response answers timeliness 3 only (no overall, no recommend)
        x.survey("S30").at("2026-11-12 11:00").answer("q_timeliness", 3).insert();
        List<KpiValue> v = h.run("2026-11-12", "2026-11-12", at("2026-11-20 00:00")).values();
        assertThat(all(v, "day", "2026-11-12", "survey_responses").value()).isEqualTo(31.0);
        // timeliness mean (10+30+50+3)/31 = 3 -> 100*(3-1)/4 = 50; accuracy 4 -> 75
        assertThat(all(v, "day", "2026-11-12", "dim_score.timeliness").value()).isCloseTo(50.0, within(1e-12));
        assertThat(all(v, "day", "2026-11-12", "dim_score.accuracy").value()).isEqualTo(75.0);
        // csi over the two answered dimensions: (0.25*50 + 0.20*75) / 0.45 = 27.5 / 0.45 = 61.111...
        assertThat(all(v, "day", "2026-11-12", "csi").value()).isCloseTo(61.111111111111114, within(1e-9));
        // csat: overall >= 5-1 -> the 10 fives of 30 answers
        assertThat(all(v, "day", "2026-11-12", "csat"))
                .isEqualTo(new KpiValue(PeriodType.DAY, "2026-11-12", "all", "all", "csat", 10.0, 30L, 1.0 / 3));
        // nps: promoters 20 (9s and 10s), detractors 10 (6s) of 30 -> 100*10/30
        assertThat(all(v, "day", "2026-11-12", "nps").value()).isCloseTo(100.0 / 3, within(1e-12));
        // importance.timeliness: n=30, Σx=90, Σy=100, Σxy=360, Σx²=350, Σy²=380:
        // (30*360-90*100)/sqrt((30*350-8100)*(30*380-10000)) = 1800/sqrt(2400*1400) = 0.9819805060619657
        assertThat(all(v, "day", "2026-11-12", "importance.timeliness").value()).isCloseTo(0.9819805060619657, within(1e-12));
        // accuracy does not vary: no importance
        assertThat(all(v, "day", "2026-11-12", "importance.accuracy")).isNull();
        // without order and customer the responses count in all and segment (none) only
        assertThat(find(v, "day", "2026-11-12", "segment", "(none)", "survey_responses").value()).isEqualTo(31.0);
        assertThat(v).noneMatch(k -> k.slice().equals("warehouse") || k.slice().equals("carrier"));
        // with 29 pairs (one group short) importance disappears
        h.jdbc().update("DELETE FROM survey_answer WHERE response_id = 'S0'");
        h.jdbc().update("DELETE FROM survey_response WHERE response_id = 'S0'");
        List<KpiValue> w = h.run("2026-11-12", "2026-11-12", at("2026-11-20 00:00")).values();
        assertThat(all(w, "day", "2026-11-12", "importance.timeliness")).isNull();
    }

    @Test
    void surveyOfAKnownOrderTakesTheOrdersSlicesNotItsCustomers() {
        delivered("O1", "C1", "2026-11-09 10:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        h.rows().survey("V1").order("O1").customer("SOMEONE").at("2026-11-12 09:00").overall(5).insert();
        // an order id that does not exist: counts like a response without order, through its customer (no revenue: C)
        h.rows().survey("V2").order("GHOST").customer("C2").at("2026-11-12 09:00").overall(1).insert();
        List<KpiValue> v = h.run("2026-11-12", "2026-11-12", at("2026-11-20 00:00")).values();
        assertThat(find(v, "day", "2026-11-12", "carrier", "SF", "survey_responses").value()).isEqualTo(1.0);
        // C1 has revenue 10 of 10 -> A
        assertThat(find(v, "day", "2026-11-12", "segment", "A", "csat").numerator()).isEqualTo(1.0);
        assertThat(find(v, "day", "2026-11-12", "segment", "C", "csat"))
                .isEqualTo(new KpiValue(PeriodType.DAY, "2026-11-12", "segment", "C", "csat", 0.0, 1L, 0.0));
        assertThat(all(v, "day", "2026-11-12", "survey_responses").value()).isEqualTo(2.0);
    }

    @Test
    void unknownAndCancelledOrdersTakePartInNothing() {
        ExportRows x = h.rows();
        x.order("X", 1).ordered("2026-11-09 10:00").promised("2026-11-11 18:00").cancelled().insert();
        x.shipment("PX", "X", 1).shipped("2026-11-10 10:00").delivered("2026-11-11 10:00").insert();
        x.shipment("PU", "UNKNOWN", 1).shipped("2026-11-10 10:00").delivered("2026-11-11 10:00").insert();
        KpiRunResult run = h.run("2026-11-11", "2026-11-11", at("2026-11-20 00:00"));
        assertThat(run.values()).isEmpty();
        assertThat(run.orderCount()).isZero();
    }

    @Test
    void detailsOfOldRunsArePurgedButTheirFiguresStay() {
        delivered("O1", "C1", "2026-11-09 10:00", "2026-11-11 18:00", "2026-11-11 12:00", "SF");
        KpiEngine keepTwo = new KpiEngine(h.context().getBean(javax.sql.DataSource.class),
                new KpiEngineProperties(null, null, null, null, null, 2, null),
                h.context().getBean(com.logisticskpi.config.SurveyProperties.class));
        KpiRequest req = new KpiRequest(java.time.LocalDate.parse("2026-11-11"), java.time.LocalDate.parse("2026-11-11"),
                at("2026-11-20 00:00"), EngineHarness.SHANGHAI, null);
        long first = keepTwo.run(req, null).runId();
        long second = keepTwo.run(req, null).runId();
        long third = keepTwo.run(req, null).runId();
        KpiRunRepository repo = h.context().getBean(KpiRunRepository.class);
        assertThat(repo.outcomes(first)).isEmpty();
        assertThat(repo.outcomes(second)).hasSize(1);
        assertThat(repo.outcomes(third)).hasSize(1);
        assertThat(repo.values(first)).isEqualTo(repo.values(third)).isNotEmpty();
    }
}
