package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.KpiCli;
import com.logisticskpi.ingest.FileStatus;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.IngestSummary;
import com.logisticskpi.testsupport.DriverCsv;
import com.logisticskpi.testsupport.KpiCsv;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * CONFORMANCE through the real pipeline: the spec example's inbox (../shared/spec/example/inbox, copied to
 * src/test/resources/spec-example/inbox) loaded by the REAL ingest (file names, snapshot order, date-only promise,
 * 是, blank booleans, UTC and offset times, an empty line_no, a later file superseding P7), then
 * {@code kpi recompute --as-of 2026-11-12T00:00:00+08:00} over the example's week 2026-11-09..2026-11-15, gives
 * ../shared/spec/example/expected-kpi-values.csv exactly: the same set of rows, equal numerators and
 * denominators, values within 1e-9 relative. (The range must reach 2026-11-14: R2's refund on that day has rows
 * of its own; 2026-11-09..13 alone would lack them.) {@link ExampleConformanceTests} does the same from fixture rows.
 */
class ExampleInboxConformanceTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mysql"})
    void theIngestedInboxReproducesEveryExpectedFigure(String store) throws Exception {
        Path inbox = Path.of(getClass().getResource("/spec-example/inbox").toURI());
        Path data = dir.resolve("data");
        List<String> storeArgs = TestDatabases.args(store, data);
        IngestSummary summary;
        try (var ctx = AppContext.start(TestDatabases.options(storeArgs))) {
            summary = ctx.getBean(IngestService.class).ingest(inbox, ZoneId.of("Asia/Shanghai"), null);
        }
        // five files, all loaded, nothing rejected; P7 of the 11th superseded by the 12th's DELIVERED row
        assertThat(summary.files()).hasSize(5).allMatch(f -> f.status().equals(FileStatus.LOADED) && f.rowsRejected() == 0);
        assertThat(summary.files().stream().mapToLong(f -> f.rowsSuperseded()).sum()).isEqualTo(1);

        Path out = dir.resolve("out");
        recomputeExampleWeek(out, storeArgs);
        ExampleConformanceTests.assertConforms(KpiCsv.read(out.resolve("kpi-values.csv")));
        // kpis.md section 8: every driver row of the example (the previous periods 2026-11-08, W45 and 2026-10 lie
        // outside the requested week and are computed all the same)
        DriverCsv.assertMatches(DriverCsv.read(out.resolve("kpi-drivers.csv")),
                DriverCsv.resource("/spec-example/expected-kpi-drivers.csv"));
    }

    /**
     * {@code kpi recompute} over the example's week 2026-11-09..15 as of 2026-11-12T00:00+08:00 into {@code out}, on
     * the store of {@code storeArgs}; asserts exit 0 (printing the command's output when not).
     */
    static void recomputeExampleWeek(Path out, List<String> storeArgs) {
        PrintStream old = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(List.of("recompute", "--from", "2026-11-09", "--to", "2026-11-15",
                    "--as-of", "2026-11-12T00:00:00+08:00", "--out", out.toString()));
            args.addAll(storeArgs);
            code = KpiCli.run(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isZero();
    }
}
