package com.logisticskpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.base.Listeners;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.jobs.ingest.IngestJobRunner;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.jobs.ProgressMode;
import com.logisticskpi.jobs.progress.IngestProgress;
import com.logisticskpi.jobs.progress.OutcomeProgress;
import com.logisticskpi.jobs.progress.ProgressReporter;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.OutcomeListener;
import com.logisticskpi.kpi.recompute.RecomputeTasklet;
import com.logisticskpi.testsupport.CliRun;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * Progress of {@code kpi ingest} and {@code kpi recompute} on the bundled sample data: the counts are the real ones
 * (the ingest summary's files and rows; the candidate orders the engine stored), and without a terminal the commands
 * print their result only.
 */
class ProgressCommandTests {

    static final Path INBOX = Path.of("sample-data/inbox");

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final StringWriter terminal = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    /** A hand-driven clock: one second per reading, so rates and ETAs are defined but nothing depends on timing. */
    private ProgressReporter reporter(ProgressMode mode) {
        return ProgressReporter.of(mode, new PrintWriter(terminal), lines::add, () -> clock.addAndGet(1_000_000_000L),
                Duration.ofDays(1));
    }

    @Test
    void ingestCountsTheFilesAndRowsOfItsSummaryAndRecomputeTheCandidateOrders() throws Exception {
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.h2Options(dir))) {
            IngestService service = ctx.getBean(IngestService.class);
            IngestJobRunner.Outcome outcome;
            try (ProgressReporter reporter = reporter(ProgressMode.BAR);
                 IngestProgress progress = IngestProgress.open(reporter, "ingest", service, service.plan(INBOX))) {
                outcome = ctx.getBean(IngestJobRunner.class).run(INBOX, ZoneId.of("Asia/Shanghai"));
            }
            assertThat(outcome.succeeded()).isTrue();
            // independently: the export files of the inbox (every file but the .kpi-keep marker) and the summary's rows
            long files;
            try (Stream<Path> s = Files.list(INBOX)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).count();
            }
            List<FileResult> summary = outcome.summary().files();
            long rows = summary.stream().mapToLong(FileResult::rowsRead).sum();
            assertThat(summary).hasSize((int) files);
            assertThat(files).isEqualTo(140);
            assertThat(rows).isGreaterThan(19_000);
            String done = String.format(java.util.Locale.US, "ingest: done, %,d files, %,d rows in ", files, rows);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith(done);
            // the bar ends full: every file done and every byte read
            assertThat(terminal.toString()).contains(String.format(java.util.Locale.US,
                    "\ringest  [########################] 100%%  %,d/%,d files  %,d rows  ", files, files, rows)).endsWith("\n");

            // recompute: the outcomes phase counts the candidate orders the prepare step stored (counted here by SQL)
            lines.clear();
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long[] stored = {-1};
            KpiEngine engine = ctx.getBean(KpiEngine.class);
            JobExecution execution;
            try (Listeners.Registration r = engine.listen(new OutcomeListener() {
                    @Override
                    public void candidatesSelected(long runId, long candidates) {
                        stored[0] = jdbc.queryForObject("SELECT COUNT(*) FROM kpi_candidate WHERE run_id = ?", Long.class,
                                runId);
                    }
                });
                 ProgressReporter reporter = reporter(ProgressMode.LOG);
                 OutcomeProgress progress = OutcomeProgress.open(reporter, "outcomes", engine, 0)) {
                execution = ctx.getBean(JobOperator.class).start(ctx.getBean("recomputeJob", Job.class),
                        new JobParametersBuilder()
                                .addLong(RecomputeTasklet.P_DATA_VERSION, 1L)
                                .addString(RecomputeTasklet.P_FROM, "2026-11-16")
                                .addString(RecomputeTasklet.P_TO, "2026-11-22")
                                .addString(RecomputeTasklet.P_AS_OF, "2026-11-22T22:00:00Z")
                                .addString(RecomputeTasklet.P_SLICE, "")
                                .addString(RecomputeTasklet.P_ZONE, "Asia/Shanghai")
                                .addString(RecomputeTasklet.P_OUT, dir.resolve("out").toString(), false)
                                .toJobParameters());
                assertThat(progress.candidates()).isEqualTo(stored[0]);
            }
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            long outcomes = new com.logisticskpi.kpi.service.KpiRunState(execution.getExecutionContext()).orders();
            // candidates ⊇ orders with an outcome (a candidate without an OK line gets none)
            assertThat(stored[0]).isGreaterThanOrEqualTo(outcomes).isGreaterThan(4_000);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith(String.format(java.util.Locale.US, "outcomes: done, %,d orders in ", stored[0]));
        }
    }

    @Test
    void withoutATerminalIngestPrintsItsResultOnlyAndABarOnlyWhenAskedFor() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (String name : List.of("orders_20261026.csv", "shipments_20261026.csv", "returns_20261026.csv")) {
            Files.copy(INBOX.resolve(name), inbox.resolve(name));
        }
        // auto without a terminal (System.console() is null here): log lines go to the log file, nothing to the console
        assertThat(System.console()).isNull();
        CliRun.Result auto = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", dir.resolve("a").toString());
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.err()).isEmpty();
        assertThat(auto.out()).startsWith("ingest job execution ").doesNotContain("\r").doesNotContain("ingest:")
                .doesNotContain("rows/s");
        // bar, asked for: drawn on stderr and ended with a newline; stdout is the same summary
        CliRun.Result bar = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", dir.resolve("b").toString(),
                "--progress", "bar");
        assertThat(bar.code()).as(bar.err()).isZero();
        assertThat(bar.err()).startsWith("\ringest  [").contains("100%  3/3 files").endsWith("\n");
        assertThat(bar.out()).isEqualTo(auto.out().replaceFirst("execution \\d+", "execution " + executionId(bar.out())));
        // off: nothing either; a wrong mode is a usage error
        CliRun.Result off = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", dir.resolve("c").toString(),
                "--progress", "off");
        assertThat(off.err()).isEmpty();
        assertThat(CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", dir.resolve("d").toString(),
                "--progress", "loud").code()).isEqualTo(2);
    }

    private static String executionId(String out) {
        return out.replaceFirst("(?s)^ingest job execution (\\d+):.*", "$1");
    }
}
