package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.testsupport.EngineHarness;
import com.logisticskpi.testsupport.GeneratedExports;
import com.logisticskpi.testsupport.PlainSqlCrossCheck;
import com.logisticskpi.testsupport.SpecExample;

/**
 * The same figures whatever the JVM default zone, run after run, on H2 and on MariaDB, and in agreement with an
 * independent plain-SQL computation over a fixture of dozens of orders.
 */
class EngineConsistencyTests {

    static final String FROM = "2026-12-24";
    static final String TO = "2027-01-06";

    @TempDir
    Path dir;

    private Instant asOf(EngineHarness h) {
        return h.rows().at("2027-01-03 12:00");
    }

    private String csv(List<KpiValue> values, String name) throws Exception {
        Path f = dir.resolve(name);
        KpiValuesCsv.write(f, values);
        return Files.readString(f);
    }

    private static void load(EngineHarness h) {
        GeneratedExports.insert(h.rows(), 20261123L, 80);
        SpecExample.insert(h.rows());
    }

    @Test
    void engineAgreesWithAPlainSqlCrossCheckOnDozensOfOrders() {
        try (EngineHarness h = EngineHarness.h2(dir.resolve("h2"))) {
            // another fixture: -Dkpi.crosscheck.seed=N -Dkpi.crosscheck.orders=M
            GeneratedExports.insert(h.rows(), Long.getLong("kpi.crosscheck.seed", 20261123L),
                    Integer.getInteger("kpi.crosscheck.orders", 80));
            KpiRunResult run = h.run(FROM, TO, asOf(h));
            assertThat(run.orderCount()).isGreaterThanOrEqualTo(60);
            List<KpiValue> check = PlainSqlCrossCheck.compute(h.jdbc(), EngineHarness.SHANGHAI, asOf(h), LocalDate.parse(FROM),
                    LocalDate.parse(TO), java.time.Duration.ofDays(7), h.context().getBean(SurveyProperties.class));
            // the fixture must exercise the figures: many day/slice rows of each KPI
            for (String kpi : PlainSqlCrossCheck.KPIS) {
                assertThat(check.stream().filter(v -> v.kpi().equals(kpi)).count()).as(kpi).isGreaterThan(20);
            }
            assertThat(PlainSqlCrossCheck.differences(check, run.values(), LocalDate.parse(FROM), LocalDate.parse(TO))).isEmpty();
        }
    }

    @Test
    void outcomesBuiltInKeyRangesGiveTheSameFiguresAsOnePassEvenWhenARangeRunsTwice() throws Exception {
        try (EngineHarness h = EngineHarness.h2(dir.resolve("h2"))) {
            load(h);
            Instant asOf = asOf(h);
            KpiRequest request = new KpiRequest(LocalDate.parse(FROM), LocalDate.parse(TO), asOf, EngineHarness.SHANGHAI, null);
            KpiRunResult single = h.engine().run(request, null);

            KpiEngine engine = h.engine();
            long runId = engine.prepare(request, null);
            List<OrderKeyRange> ranges = engine.partition(runId, 3);
            assertThat(ranges).hasSize(3);
            assertThat(ranges.get(0).from()).isNull();
            assertThat(ranges.get(2).to()).isNull();
            assertThat(ranges.get(0).to()).isEqualTo(ranges.get(1).from());
            assertThat(ranges.get(1).to()).isEqualTo(ranges.get(2).from());
            long built = 0;
            for (OrderKeyRange r : ranges) {
                built += engine.buildOutcomes(runId, request, r);
            }
            // a partition run again (a worker that died after committing, say) replaces its own outcomes only
            long again = engine.buildOutcomes(runId, request, ranges.get(1));
            assertThat(again).isPositive().isLessThan(built);
            KpiRunResult parts = engine.finish(runId, request);

            assertThat(built).isEqualTo(single.orderCount());
            assertThat(parts.orderCount()).isEqualTo(single.orderCount());
            assertThat(csv(parts.values(), "parts.csv")).isEqualTo(csv(single.values(), "single.csv"));
            assertThat(h.jdbc().queryForObject("SELECT status FROM kpi_run WHERE run_id = ?", String.class, runId))
                    .isEqualTo("COMPLETED");
        }
    }

    @Test
    void jvmDefaultZoneChangesNothingAndTwoRunsGiveTheSameFile() throws Exception {
        TimeZone saved = TimeZone.getDefault();
        try (EngineHarness h = EngineHarness.h2(dir.resolve("h2"))) {
            load(h);
            Instant asOf = asOf(h);
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            String ny = csv(h.run(FROM, TO, asOf).values(), "ny.csv");
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            String sh = csv(h.run(FROM, TO, asOf).values(), "sh.csv");
            String again = csv(h.run(FROM, TO, asOf).values(), "again.csv");
            assertThat(ny).isNotEmpty().isEqualTo(sh).isEqualTo(again);
            assertThat(ny.lines().count()).isGreaterThan(500);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void mariaDbAndH2WriteTheSameKpiValuesCsv() throws Exception {
        String onH2;
        try (EngineHarness h = EngineHarness.h2(dir.resolve("h2"))) {
            load(h);
            onH2 = csv(h.run(FROM, TO, asOf(h)).values(), "h2.csv");
        }
        try (EngineHarness m = EngineHarness.mysql(dir.resolve("mysql"))) {
            load(m);
            String onMaria = csv(m.run(FROM, TO, asOf(m)).values(), "maria.csv");
            assertThat(onMaria).isEqualTo(onH2);
            // and the spec example conforms on MariaDB too
            KpiRunResult example = m.engine().run(SpecExample.request(), null);
            Path f = dir.resolve("maria-example.csv");
            KpiValuesCsv.write(f, example.values());
            ExampleConformanceTests.assertConforms(com.logisticskpi.testsupport.KpiCsv.read(f));
            // purging old runs' details works on MariaDB too (LIMIT/OFFSET, DELETE ... IN (SELECT ...))
            KpiEngine keepOne = new KpiEngine(m.context().getBean(javax.sql.DataSource.class),
                    new KpiEngineProperties(null, null, null, null, null, 1, null), m.context().getBean(SurveyProperties.class));
            long last = keepOne.run(SpecExample.request(), null).runId();
            var repo = m.context().getBean(com.logisticskpi.kpi.store.KpiRunRepository.class);
            assertThat(repo.outcomes(example.runId())).isEmpty();
            assertThat(repo.outcomes(last)).hasSize(7);
            assertThat(repo.values(example.runId())).isEqualTo(repo.values(last));
        }
    }
}
