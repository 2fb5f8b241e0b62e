package com.logisticskpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.kpi.engine.ExampleConformanceTestsAccess;
import com.logisticskpi.testsupport.ExportRows;
import com.logisticskpi.testsupport.KpiCsv;
import com.logisticskpi.testsupport.SpecExample;
import com.logisticskpi.testsupport.TestDatabases;

class RecomputeCommandTests {

    @TempDir
    Path dir;

    private void loadExample() {
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.h2Options(dir))) {
            SpecExample.insert(new ExportRows(ctx.getBean(JdbcTemplate.class), SpecExample.ZONE));
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run kpi(String... args) {
        com.logisticskpi.testsupport.CliRun.Result r = com.logisticskpi.testsupport.CliRun.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void recomputeWritesBothCsvsThatConformToTheSpecExampleAndRefusesTheSameRequestTwice() throws Exception {
        loadExample();
        Path out = dir.resolve("result");
        Run r = kpi("recompute", "--data-dir", dir.toString(), "--zone", "Asia/Shanghai", "--from", "2026-11-09",
                "--to", "2026-11-15", "--as-of", "2026-11-12T00:00:00+08:00", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(out.resolve("kpi-values.csv").toString()).contains("1266 figures").contains("7 orders"); // the rows of expected-kpi-values.csv
        ExampleConformanceTestsAccess.assertConforms(KpiCsv.read(out.resolve("kpi-values.csv")));
        List<String> orders = Files.readAllLines(out.resolve("orders-outcome.csv"), StandardCharsets.UTF_8);
        // header + A1..A7 sorted by order_id (A6 counts: its line 1 is OK)
        assertThat(orders).hasSize(8);
        assertThat(orders.get(0)).startsWith("order_id,customer_id,order_time,due_time,due_date,state,delivered_at");
        assertThat(orders.get(1)).startsWith("A1,C1,2026-11-09T10:00:00+08:00,2026-11-11T18:00:00+08:00,2026-11-11,DELIVERED,"
                + "2026-11-11T18:00:00+08:00,2026-11-11,true,true,true,true,false,false,1,1,56,22,0,SH01,SF,华东,APP,A");
        assertThat(orders.get(5)).startsWith("A5,C4,").contains(",PENDING,");

        // the run is recorded with its job execution, as_of, zone and dates
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.h2Options(dir))) {
            Long jobExecution = ctx.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT job_execution_id FROM kpi_run WHERE job_execution_id IS NOT NULL", Long.class);
            var run = ctx.getBean(com.logisticskpi.kpi.store.KpiRunRepository.class).runOfJobExecution(jobExecution).orElseThrow();
            assertThat(run.asOf()).isEqualTo(SpecExample.AS_OF);
            assertThat(run.zone()).isEqualTo(SpecExample.ZONE);
            assertThat(run.from()).isEqualTo(java.time.LocalDate.parse("2026-11-09"));
            assertThat(run.sliceFilter()).isNull();
            assertThat(run.valueCount()).isEqualTo(1266);
        }

        // the same identifying parameters again: already complete (exit 3)
        Run again = kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-11-09", "--to", "2026-11-15",
                "--as-of", "2026-11-11T16:00:00Z", "--out", out.toString());
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("kpi recompute:").contains("already completed");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-13-01", "--to", "2026-11-15").code()).isEqualTo(2);
        assertThat(kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-11-15", "--to", "2026-11-01").code()).isEqualTo(2);
        assertThat(kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-11-01", "--to", "2026-11-15",
                "--as-of", "yesterday").code()).isEqualTo(2);
        Run colour = kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-11-01", "--to", "2026-11-15",
                "--slice", "colour=red");
        assertThat(colour.code()).isEqualTo(2);
        assertThat(colour.err()).contains("unknown slice 'colour' (expected warehouse, carrier, region, channel or segment)");
    }

    @Test
    void aSliceValueNoOrderHasExitsTwoListingTheKnownValues() throws Exception {
        loadExample();
        Run r = kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-11-11", "--to", "2026-11-11",
                "--as-of", "2026-11-12T00:00:00+08:00", "--slice", "warehouse=XX99");
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        // the example's orders come from SH01 (A1, A2, A5, A6, A7) and BJ02 (A3, A4)
        assertThat(r.err()).contains("--slice: no order of the range has warehouse=XX99; known warehouse values: BJ02, SH01");
        assertThat(dir.resolve("out/recompute-2026-11-11_2026-11-11/slice-warehouse-XX99/kpi-values.csv")).doesNotExist();
    }

    @Test
    void sliceFilterRestrictsTheOrdersAndDefaultOutputDirIsUnderTheDataDir() throws Exception {
        loadExample();
        Run r = kpi("recompute", "--data-dir", dir.toString(), "--from", "2026-11-11", "--to", "2026-11-11",
                "--as-of", "2026-11-12T00:00:00+08:00", "--slice", "warehouse=BJ02");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("only warehouse=BJ02");
        // its own folder: an unsliced recompute of the same range (recompute-2026-11-11_2026-11-11/) is not touched
        Path out = dir.resolve("out/recompute-2026-11-11_2026-11-11/slice-warehouse-BJ02");
        assertThat(dir.resolve("out/recompute-2026-11-11_2026-11-11/kpi-values.csv")).doesNotExist();
        List<String> lines = Files.readAllLines(out.resolve("kpi-values.csv"), StandardCharsets.UTF_8);
        // the filter is recorded in every row: its all,all rows are BJ02's orders only
        assertThat(lines.get(0)).isEqualTo("period_type,period,slice,slice_value,kpi,numerator,denominator,value,slice_filter");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.endsWith(",warehouse=BJ02"));
        assertThat(lines).contains("day,2026-11-11,all,all,on_time_rate,1,2,0.5,warehouse=BJ02");
        var rows = KpiCsv.read(out.resolve("kpi-values.csv"));
        // BJ02 orders: A3 (late, delivered 11-12) and A4 (on time, delivered 11-11): due 11-11 -> on time 1/2
        assertThat(rows.get(KpiCsv.key("day", "2026-11-11", "all", "all", "on_time_rate")))
                .isEqualTo(new KpiCsv.Row("1", "2", 0.5));
        assertThat(rows.keySet()).noneMatch(k -> k.contains("|warehouse|SH01|"));
        // V2 (A3, BJ02) is the only response that passes the filter; V3 has no order and no warehouse
        assertThat(rows.get(KpiCsv.key("week", "2026-W46", "all", "all", "survey_responses")).value()).isEqualTo(1.0);
        // only the requested day (and its week and month): no row of day 2026-11-12
        assertThat(rows.keySet()).noneMatch(k -> k.startsWith("day|2026-11-12"));
        List<String> orders = Files.readAllLines(out.resolve("orders-outcome.csv"), StandardCharsets.UTF_8);
        assertThat(orders).hasSize(3);
    }

    @Test
    void aSliceValueBecomesASafeFolderName() {
        Path data = Path.of("/d");
        var from = java.time.LocalDate.parse("2026-11-01");
        assertThat(RecomputeCommand.defaultOut(data, from, from, com.logisticskpi.kpi.SliceFilter.parse("region=华南")))
                .isEqualTo(Path.of("/d/out/recompute-2026-11-01_2026-11-01/slice-region-%E5%8D%8E%E5%8D%97"));
        assertThat(RecomputeCommand.defaultOut(data, from, from, com.logisticskpi.kpi.SliceFilter.parse("warehouse=../x")))
                .isEqualTo(Path.of("/d/out/recompute-2026-11-01_2026-11-01/slice-warehouse-..%2Fx"));
        assertThat(RecomputeCommand.defaultOut(data, from, from, null)).isEqualTo(Path.of("/d/out/recompute-2026-11-01_2026-11-01"));
    }
}
