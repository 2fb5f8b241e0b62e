package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code kpi report}: argument checks, a run on an empty database, and a full run through a test provider. */
class ReportCommandTests {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        com.logisticskpi.testsupport.CliRun.Result r = com.logisticskpi.testsupport.CliRun.run(args);
        return new Result(r.code(), r.out(), r.err());
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheOption() {
        Result r = run("report", "--date", "2026-13-45", "--data-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("kpi report: --date '2026-13-45' is not a date (yyyy-MM-dd)");
        r = run("report", "--date", "2026-11-12", "--locale", "fr", "--data-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--locale 'fr' is not supported (en, zh-CN)");
        r = run("report", "--date", "2026-11-12", "--as-of", "yesterday", "--data-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--as-of 'yesterday'");
        assertThat(run("report", "--data-dir", tmp.toString()).code()).isEqualTo(2); // --date is required
    }

    @Test
    void onAnEmptyDatabaseTheEngineBackedProviderWritesAWorkbookWithoutFigures() throws Exception {
        // the real provider (report.input.EngineReportInputProvider) is wired: no data is "no data", not a failure
        Path out = tmp.resolve("empty-out");
        Result r = run("report", "--date", "2026-11-12", "--as-of", "2026-11-12T22:00:00Z", "--out", out.toString(),
                "--data-dir", tmp.resolve("data").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("kpi-report_2026-11-12.xlsx")).exists();
        assertThat(Files.readAllLines(out.resolve("kpi-values.csv")))
                .containsExactly("period_type,period,slice,slice_value,kpi,numerator,denominator,value");
        assertThat(Files.readAllLines(out.resolve("kpi-exceptions_2026-11-12.csv"))).hasSize(1);
    }

    @Test
    void aRunWritesTheWorkbookInTheChosenLanguage() throws Exception {
        Path config = tmp.resolve("test.yml");
        Files.writeString(config, "kpi:\n  report:\n    test-provider: true\n");
        Path out = tmp.resolve("reports");
        Result r = run("report", "--date", "2026-11-12", "--as-of", "2026-11-12T22:00:00Z", "--out", out.toString(),
                "--locale", "zh-CN", "--data-dir", tmp.resolve("data").toString(), "--config", config.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path xlsx = out.resolve("kpi-report_2026-11-12.xlsx");
        assertThat(r.out()).contains("report 2026-11-12: " + xlsx.toRealPath());
        try (var wb = Workbooks.open(xlsx)) {
            assertThat(wb.getSheetName(0)).isEqualTo("摘要");
        }
    }
}
