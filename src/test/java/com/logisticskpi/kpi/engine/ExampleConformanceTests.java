package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.drivers.KpiDriversCsv;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.testsupport.ExportRows;
import com.logisticskpi.testsupport.DriverCsv;
import com.logisticskpi.testsupport.KpiCsv;
import com.logisticskpi.testsupport.SpecExample;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * CONFORMANCE: the engine reproduces ../shared/spec/example/expected-kpi-values.csv (copied to
 * src/test/resources/spec-example): the same set of rows, equal numerators and denominators, values within 1e-9
 * relative. The inbox rows are inserted by {@link SpecExample} (to be switched to the real ingest by the lead).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleConformanceTests {

    @TempDir
    static Path dir;

    private ConfigurableApplicationContext ctx;
    private KpiEngine engine;

    @BeforeAll
    void start() {
        ctx = AppContext.start(TestDatabases.h2Options(dir));
        SpecExample.insert(new ExportRows(ctx.getBean(JdbcTemplate.class), SpecExample.ZONE));
        engine = ctx.getBean(KpiEngine.class);
    }

    @AfterAll
    void stop() {
        ctx.close();
    }

    @Test
    void reproducesEveryExpectedFigure() throws Exception {
        KpiRunResult run = engine.run(SpecExample.request(), null);
        Path csv = dir.resolve("out/kpi-values.csv");
        KpiValuesCsv.write(csv, run.values());
        assertConforms(KpiCsv.read(csv));
        Path drivers = dir.resolve("out/kpi-drivers.csv");
        KpiDriversCsv.write(drivers, run.drivers());
        DriverCsv.assertMatches(DriverCsv.read(drivers), DriverCsv.resource("/spec-example/expected-kpi-drivers.csv"));
    }

    static void assertConforms(Map<String, KpiCsv.Row> actual) throws Exception {
        assertConforms(actual, "/spec-example/expected-kpi-values.csv");
    }

    /** The same check against another example's expected-kpi-values.csv (a test resource). */
    static void assertConforms(Map<String, KpiCsv.Row> actual, String expectedResource) throws Exception {
        Map<String, KpiCsv.Row> expected = KpiCsv.resource(expectedResource);
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, KpiCsv.Row> e : expected.entrySet()) {
            KpiCsv.Row a = actual.get(e.getKey());
            KpiCsv.Row x = e.getValue();
            double tol = 1e-9 * Math.max(1, Math.abs(x.value()));
            if (!sameNumber(a.numerator(), x.numerator()) || !a.denominator().equals(x.denominator())
                    || Math.abs(a.value() - x.value()) > tol) {
                wrong.add(e.getKey() + " expected " + x + " got " + a);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Equal empty cells, or numbers within 1e-9 (relative above 1): a counted numerator is a whole number either way. */
    static boolean sameNumber(String a, String x) {
        if (a.isEmpty() || x.isEmpty()) {
            return a.isEmpty() && x.isEmpty();
        }
        double ad = Double.parseDouble(a);
        double xd = Double.parseDouble(x);
        return Math.abs(ad - xd) <= 1e-9 * Math.max(1, Math.abs(xd));
    }

    @Test
    void thePreviousPeriodIsComputedOutsideTheRangeButNeverWritten() throws Exception {
        // only 2026-11-12 is asked for: day 2026-11-11 lies outside, yet the drivers of 11-12 compare with it
        KpiRunResult run = engine.run(new KpiRequest(java.time.LocalDate.parse("2026-11-12"),
                java.time.LocalDate.parse("2026-11-12"), SpecExample.AS_OF, SpecExample.ZONE, null), null);
        assertThat(run.values()).noneMatch(v -> v.period().equals("2026-11-11"));
        Path drivers = dir.resolve("out-12/kpi-drivers.csv");
        KpiDriversCsv.write(drivers, run.drivers());
        // every expected row is of day 2026-11-12 against 2026-11-11: the same 112 rows
        DriverCsv.assertMatches(DriverCsv.read(drivers), DriverCsv.resource("/spec-example/expected-kpi-drivers.csv"));
        // damage by carrier (hand check): 11-11 SF 1/1, JD 0/2, ZTO 1/1 -> R0 = 2/4; 11-12 EMS 0/1, YTO 0/1 -> R1 = 0;
        // EMS: new, rate 0, w1 = 1/2 -> mix 1/2 x (0 - (1/2 + 0)/2) = -1/8; gap 1/2 x (0 - 0.005) = -0.0025
        var ems = run.drivers().stream().filter(r -> r.kpi().equals("damage_rate") && r.sliceValue().equals("EMS"))
                .findFirst().orElseThrow();
        assertThat(ems.mixEffect()).isEqualTo(-0.125);
        assertThat(ems.targetGapContribution()).isCloseTo(-0.0025, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(run.drivers().stream().filter(r -> r.kpi().equals("damage_rate") && r.slice().equals("carrier"))
                .mapToDouble(r -> r.changeContribution()).sum()).isCloseTo(0 - 0.5, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void handCheckOfDay20261111() {
        List<KpiValue> v = engine.run(SpecExample.request(), null).values();
        // due cohort A1, A2, A3, A4, A6, A7; on time A1 (18:00 = promise), A2 (23:30 <= end of 11-11), A4, A6 -> 4/6
        assertThat(find(v, "day", "2026-11-11", "all", "all", "on_time_rate")).isEqualTo(
                new KpiValue(com.logisticskpi.kpi.PeriodType.DAY, "2026-11-11", "all", "all", "on_time_rate", 4.0, 6L, 4.0 / 6));
        // cycle hours 56, 60.5, 45, 43: p90 h = 3 * 0.9 = 2.7 -> 56 + 0.7 * (60.5 - 56) = 59.15
        assertThat(find(v, "day", "2026-11-11", "all", "all", "cycle_hours_p90").value()).isCloseTo(59.15,
                org.assertj.core.api.Assertions.within(1e-9));
    }

    static KpiValue find(List<KpiValue> values, String type, String period, String slice, String sliceValue, String kpi) {
        return values.stream().filter(x -> x.periodType().label().equals(type) && x.period().equals(period)
                && x.slice().equals(slice) && x.sliceValue().equals(sliceValue) && x.kpi().equals(kpi)).findFirst().orElse(null);
    }
}
