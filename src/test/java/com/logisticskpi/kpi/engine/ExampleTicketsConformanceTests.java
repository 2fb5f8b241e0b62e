package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.ingest.ExportKind;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.ingest.FileStatus;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.IngestSummary;
import com.logisticskpi.testsupport.DriverCsv;
import com.logisticskpi.testsupport.KpiCsv;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * CONFORMANCE of kpis.md section 10 through the real pipeline, on the embedded default and on MariaDB: the spec
 * example's inbox plus ../shared/spec/example-tickets/tickets_*.csv (copied to src/test/resources), ingested and
 * recomputed with {@code --as-of 2026-11-12T00:00:00+08:00} over 2026-11-09..15, give that example's
 * expected-kpi-values.csv exactly (same rows, equal numerators and denominators, values within 1e-9): every row of the
 * main example unchanged plus every complaint figure. The README's hand check of 2026-11-11 is asserted separately.
 */
class ExampleTicketsConformanceTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mysql"})
    void theExampleWithTicketsReproducesEveryExpectedFigure(String store) throws Exception {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        for (String set : List.of("/spec-example/inbox", "/spec-example-tickets")) {
            try (var files = Files.list(Path.of(getClass().getResource(set).toURI()))) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".csv")
                        && !f.getFileName().toString().startsWith("expected")).toList()) {
                    Files.copy(f, inbox.resolve(f.getFileName()));
                }
            }
        }
        Path data = dir.resolve("data");
        List<String> storeArgs = TestDatabases.args(store, data);
        IngestSummary summary;
        try (var ctx = AppContext.start(TestDatabases.options(storeArgs))) {
            summary = ctx.getBean(IngestService.class).ingest(inbox, ZoneId.of("Asia/Shanghai"), null);
        }
        assertThat(summary.files()).hasSize(7).allMatch(f -> f.status().equals(FileStatus.LOADED) && f.rowsRejected() == 0);
        assertThat(summary.files().stream().filter(f -> f.kind() == ExportKind.TICKETS).mapToLong(FileResult::orphans).sum())
                .as("T6 names A9, which is no known order").isEqualTo(1);

        Path out = dir.resolve("out");
        ExampleInboxConformanceTests.recomputeExampleWeek(out, storeArgs);
        Map<String, KpiCsv.Row> actual = KpiCsv.read(out.resolve("kpi-values.csv"));
        ExampleConformanceTests.assertConforms(actual, "/spec-example-tickets/expected-kpi-values.csv");
        assertHandCheckOf20261111(actual);
        // kpis.md section 8 with the ticket driver KPIs (complaint_rate, resolved_within_target_rate)
        DriverCsv.assertMatches(DriverCsv.read(out.resolve("kpi-drivers.csv")),
                DriverCsv.resource("/spec-example-tickets/expected-kpi-drivers.csv"));
    }

    /** The example README's hand check, figure by figure (independent of the expected file). */
    private static void assertHandCheckOf20261111(Map<String, KpiCsv.Row> v) {
        // complaints T1, T2, T3, T5 over the delivered cohort A1, A2, A4, A6
        assertRow(v, "complaint_rate", "4", "4", 1.0);
        assertRow(v, "complaint_share.LATE", "2", "4", 0.5);
        assertRow(v, "complaint_share.WRONG_ITEM", "1", "4", 0.25);
        assertRow(v, "complaint_share.DAMAGED", "1", "4", 0.25);
        // T1 1.5 h, T3 0.25 h, T5 1 h within 4 h; T2 4.5 h and the unanswered T4 (judged: 09:00 + 4 h <= as_of) miss
        assertRow(v, "first_response_within_target_rate", "3", "5", 0.6);
        assertRow(v, "first_response_hours_mean", "", "", 7.25 / 4);
        assertRow(v, "first_response_hours_p90", "", "", 1.5 + 0.7 * 3);
        // T2 open and not yet judged; T1 9 h, T3 3.75 h, T5 14 h
        assertRow(v, "resolved_within_target_rate", "3", "3", 1.0);
        assertRow(v, "open_complaints", "", "", 1);
        assertRow(v, "resolution_hours_mean", "", "", (9 + 3.75) / 2);
        assertRow(v, "resolution_hours_p90", "", "", 3.75 + 0.9 * 5.25);
        assertRow(v, "reopen_rate", "1", "2", 0.5);
        // 11-12: T6 on an unknown order over A3 and A7; T6 is judged neither for response nor for resolution
        assertThat(v.get(KpiCsv.key("day", "2026-11-12", "all", "all", "complaint_rate")).value()).isEqualTo(0.5);
        assertThat(v).doesNotContainKey(KpiCsv.key("day", "2026-11-12", "all", "all", "first_response_within_target_rate"));
        assertThat(v).doesNotContainKey(KpiCsv.key("day", "2026-11-12", "all", "all", "resolved_within_target_rate"));
        // T6 has no customer: segment (none); it has no warehouse row at all
        assertThat(v).containsKey(KpiCsv.key("day", "2026-11-12", "segment", "(none)", "complaint_share.SERVICE"));
        assertThat(v.keySet()).noneMatch(k -> k.startsWith("day|2026-11-12|warehouse|") && k.endsWith("complaint_share.SERVICE"));
    }

    private static void assertRow(Map<String, KpiCsv.Row> v, String kpi, String num, String den, double value) {
        KpiCsv.Row r = v.get(KpiCsv.key("day", "2026-11-11", "all", "all", kpi));
        assertThat(r).as(kpi).isNotNull();
        assertThat(r.numerator().isEmpty() ? "" : String.valueOf(Math.round(Double.parseDouble(r.numerator())))).as(kpi).isEqualTo(num);
        assertThat(r.denominator()).as(kpi).isEqualTo(den);
        assertThat(r.value()).as(kpi).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-9));
    }
}
