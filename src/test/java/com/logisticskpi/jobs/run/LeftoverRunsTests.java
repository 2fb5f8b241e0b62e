package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process killed with SIGKILL (child JVM) leaves behind is cleaned by the next writing command, and
 * {@code ./kpi history} says so under the killed execution: an ingest_file row left RUNNING in the middle of a file's
 * load becomes INTERRUPTED (the file is loaded again), and a kpi_run left RUNNING by a killed outcomes step becomes
 * ABANDONED with its per-order details deleted once a {@code --rerun} replaced its execution — while a run that its
 * execution can still resume is kept. Figures are compared with an uninterrupted run's kpi-values.csv.
 */
class LeftoverRunsTests {

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path tmp;

    static Path source;
    static String baselineCsv;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        source = tmp.resolve("source");
        NightlyKit.generateInbox(source);
        baselineCsv = uninterruptedRun(source, tmp.resolve("baseline"));
    }

    /** The kpi-values.csv of an uninterrupted run over a copy of {@code inbox}. */
    private static String uninterruptedRun(Path inbox, Path dir) throws Exception {
        NightlyKit.Result r = NightlyKit.Child.start(dir, "run", List.of(), Map.of(), NightlyKit.runCommand(inbox, dir))
                .await(TIMEOUT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return Files.readString(NightlyKit.outDir(dir.resolve("jobs")).resolve("kpi-values.csv"));
    }

    @Test
    void aLoadKilledMidFileIsRecoveredAndLoadedAgain() throws Exception {
        // 600 orders a day: an orders file of more than 1,000 rows, so the killed load has written a chunk of rows
        // (StoredRowWriter.CHUNK) into its transaction before the kill
        Path big = tmp.resolve("source-600");
        assertThat(com.logisticskpi.cli.KpiCli.run("generate", "--out", big.toString(), "--start-date", "2026-11-20",
                "--days", "3", "--orders-per-day", "600", "--seed", "11")).isZero();
        String bigBaselineCsv = uninterruptedRun(big, tmp.resolve("baseline-600"));
        Path dir = tmp.resolve("load-crash");
        String[] cmd = NightlyKit.runCommand(big, dir);
        // one ingest thread: the load pauses after its 1,200th data record, 1,000 rows written but not committed
        NightlyKit.Child child = NightlyKit.Child.start(dir, "killed",
                List.of("-Dkpi.test.pause-at=ingest-rows:1200", "-Dkpi.partitioning.threads=1"), Map.of(), cmd);
        child.killWhenPaused(dir.resolve("data").resolve("pause-ingest-rows"), TIMEOUT);
        List<String[]> running = rows(dir, "SELECT file_id, file_name, job_execution_id FROM ingest_file"
                + " WHERE status = 'RUNNING'");
        assertThat(running).as("the file being loaded when the process was killed").hasSize(1);
        String fileId = running.get(0)[0];
        String fileName = running.get(0)[1];
        String killedExecution = running.get(0)[2];
        assertThat(count(dir, "SELECT rows_read FROM ingest_file WHERE file_id = " + fileId)).isZero();
        assertThat(count(dir, "SELECT (SELECT COUNT(*) FROM order_line WHERE src_file_id = " + fileId + ")"
                + " + (SELECT COUNT(*) FROM shipment_line WHERE src_file_id = " + fileId + ")"))
                .as("none of the killed load's rows is stored").isZero();

        NightlyKit.Result again = NightlyKit.Child.start(dir, "again", List.of(), Map.of(), cmd).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("resumed the run of nightly");
        assertThat(Files.readString(NightlyKit.outDir(dir.resolve("jobs")).resolve("kpi-values.csv"))).isEqualTo(bigBaselineCsv);
        assertThat(rows(dir, "SELECT status, message FROM ingest_file WHERE file_id = " + fileId).get(0))
                .containsExactly("INTERRUPTED", "the process ended during the load; nothing of it was stored");
        assertThat(count(dir, "SELECT COUNT(*) FROM ingest_file WHERE status = 'LOADED' AND file_name = '" + fileName + "'"))
                .as("loaded again by the resumed run").isEqualTo(1);
        assertThat(count(dir, "SELECT COUNT(*) FROM ingest_file WHERE status = 'RUNNING'")).isZero();

        NightlyKit.Result history = NightlyKit.inProcess("history", "--data-dir", dir.resolve("data").toString());
        assertThat(history.exitCode()).as(history.all()).isZero();
        assertThat(history.out()).containsPattern(Pattern.compile("(?m)^\\s+" + killedExecution + "\\s+nightly\\s+FAILED .*\\n"
                + "\\s+left over, cleaned [-0-9: ]{19} by run nightly 2026-11-22: execution " + killedExecution
                + " left STARTED, now FAILED: the process ended during the run \\(a restart resumes it\\)\\n"
                + "\\s+left over, cleaned \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d by run nightly 2026-11-22: file "
                + Pattern.quote(fileName) + " left RUNNING, now INTERRUPTED: the process ended during the load; nothing of"
                + " it was stored \\(the next ingest loads it again\\)$"));
    }

    @Test
    void aRunKilledInItsOutcomesIsKeptForItsRestartAndAbandonedByAReRun() throws Exception {
        Path dir = tmp.resolve("outcomes-crash");
        String[] cmd = command(dir);
        NightlyKit.Child child = NightlyKit.Child.start(dir, "killed", List.of("-Dkpi.partitioning.threads=1",
                "-Dkpi.engine.outcome-chunk-size=50", "-Dkpi.test.pause-at=outcome-chunk:2"), Map.of(), cmd);
        child.killWhenPaused(dir.resolve("data").resolve("pause-outcome-chunk"), TIMEOUT);
        List<String[]> running = rows(dir, "SELECT run_id, job_execution_id FROM kpi_run WHERE status = 'RUNNING'");
        assertThat(running).hasSize(1);
        String runId = running.get(0)[0];
        String killedExecution = running.get(0)[1];
        // the nightly builds its outcomes into the outcome store (run id 0; docs/kpi-engine.md), here from empty
        long outcomes = count(dir, "SELECT COUNT(*) FROM order_outcome WHERE run_id = 0");
        long candidates = count(dir, "SELECT COUNT(*) FROM kpi_candidate WHERE run_id = " + runId);
        assertThat(outcomes).as("two committed chunks").isPositive();
        assertThat(count(dir, "SELECT COUNT(*) FROM order_outcome WHERE run_id = " + runId)).isZero();
        assertThat(candidates).isGreaterThan(outcomes);

        // another writing command in between: the run's execution can still resume it, so it is kept as it is
        NightlyKit.Result ingest = NightlyKit.inProcess("ingest", "--inbox", dir.resolve("inbox").toString(),
                "--data-dir", dir.resolve("data").toString());
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        assertThat(rows(dir, "SELECT status FROM kpi_run WHERE run_id = " + runId).get(0)).containsExactly("RUNNING");
        assertThat(count(dir, "SELECT COUNT(*) FROM order_outcome WHERE run_id = 0")).isEqualTo(outcomes);

        long details = 0;
        for (String table : List.of("order_outcome", "kpi_return", "kpi_segment", "kpi_candidate", "kpi_value", "kpi_driver")) {
            details += count(dir, "SELECT COUNT(*) FROM " + table + " WHERE run_id = " + runId);
        }

        // a re-run replaces the killed execution: it is abandoned, its run is a left-over and is cleaned
        String[] rerun = command(dir, "--rerun");
        NightlyKit.Result again = NightlyKit.Child.start(dir, "rerun", List.of(), Map.of(), rerun).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        Path out = NightlyKit.outDir(dir.resolve("jobs")).resolveSibling(NightlyKit.DATE + "-rerun1");
        assertThat(Files.readString(out.resolve("kpi-values.csv"))).isEqualTo(baselineCsv);
        assertThat(rows(dir, "SELECT status FROM kpi_run WHERE run_id = " + runId).get(0)).containsExactly("ABANDONED");
        for (String table : List.of("order_outcome", "kpi_candidate", "kpi_segment", "kpi_return", "kpi_value", "kpi_driver")) {
            assertThat(count(dir, "SELECT COUNT(*) FROM " + table + " WHERE run_id = " + runId)).as(table).isZero();
        }
        assertThat(rows(dir, "SELECT status FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + killedExecution)
                .get(0)).containsExactly("ABANDONED");

        NightlyKit.Result history = NightlyKit.inProcess("history", "--data-dir", dir.resolve("data").toString());
        assertThat(history.exitCode()).as(history.all()).isZero();
        assertThat(history.out()).containsPattern(Pattern.compile("(?m)^\\s+" + killedExecution
                + "\\s+nightly\\s+ABANDONED .*\\n"
                + "\\s+left over, cleaned [-0-9: ]{19} by ingest: execution " + killedExecution
                + " left STARTED, now FAILED: the process ended during the run \\(a restart resumes it\\)\\n"
                + "\\s+left over, cleaned [-0-9: ]{19} by run nightly 2026-11-22 --rerun:"
                + " kpi run " + runId + " \\(\\d{4}-\\d\\d-\\d\\d\\.\\.2026-11-22\\) left RUNNING, now ABANDONED: execution "
                + killedExecution + " \\(ABANDONED\\) cannot resume it; " + details + " detail rows deleted$"));

        // the abandoned execution is not resumed: the same command without --rerun, and ./kpi restart, say why
        NightlyKit.Result plain = NightlyKit.inProcess(cmd);
        assertThat(plain.exitCode()).as(plain.all()).isEqualTo(2);
        assertThat(plain.all()).contains("was abandoned when a re-run replaced it; add --rerun");
        NightlyKit.Result restart = NightlyKit.inProcess("restart", killedExecution, "--data-dir",
                dir.resolve("data").toString());
        assertThat(restart.exitCode()).as(restart.all()).isEqualTo(2);
        assertThat(restart.all()).contains("was abandoned when a re-run replaced it");

        // a remote worker still running when its coordinator died writes into the abandoned run: the next writing
        // command deletes those rows and says so
        update(dir, "INSERT INTO kpi_candidate (run_id, order_id) VALUES (" + runId + ", 'LATE-1'), (" + runId
                + ", 'LATE-2')");
        NightlyKit.Result sweep = NightlyKit.inProcess("recompute", "--from", "2026-11-22", "--to", "2026-11-22",
                "--as-of", "2026-11-23T00:00:00Z", "--data-dir", dir.resolve("data").toString(), "--out",
                dir.resolve("sweep-out").toString());
        assertThat(sweep.exitCode()).as(sweep.all()).isZero();
        assertThat(count(dir, "SELECT COUNT(*) FROM kpi_candidate WHERE run_id = " + runId)).isZero();
        assertThat(rows(dir, "SELECT detail FROM leftover_cleanup WHERE item = 'kpi_run' AND item_id = " + runId
                + " ORDER BY cleanup_id DESC").get(0)[0]).isEqualTo("kpi run " + runId
                + " (ABANDONED): 2 detail rows written after it was abandoned (a worker still running) deleted");
    }

    private static void update(Path dir, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void aRecomputeKilledInItsOutcomesIsResumedByTheSameCommand() throws Exception {
        Path data = tmp.resolve("baseline").resolve("data");          // the baseline run's stored exports
        String[] cmd = {"recompute", "--from", "2026-11-20", "--to", "2026-11-22", "--as-of", "2026-11-23T00:00:00Z",
                "--data-dir", data.toString(), "--out", tmp.resolve("recompute-out").toString()};
        Path logs = tmp.resolve("recompute-crash");
        NightlyKit.Child child = NightlyKit.Child.start(logs, "killed", List.of("-Dkpi.partitioning.threads=1",
                "-Dkpi.engine.outcome-chunk-size=50", "-Dkpi.test.pause-at=outcome-chunk:1"), Map.of(), cmd);
        child.killWhenPaused(data.resolve("pause-outcome-chunk"), TIMEOUT);
        Files.delete(data.resolve("pause-outcome-chunk"));
        List<String[]> running = rows(data.getParent(), "SELECT run_id, job_execution_id FROM kpi_run"
                + " WHERE status = 'RUNNING'");
        assertThat(running).hasSize(1);
        String runId = running.get(0)[0];
        String killedExecution = running.get(0)[1];

        // the same command: the execution the dead process left STARTED is recovered and resumed with its run
        NightlyKit.Result again = NightlyKit.Child.start(logs, "again", List.of(), Map.of(), cmd).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(rows(data.getParent(), "SELECT status FROM kpi_run WHERE run_id = " + runId).get(0))
                .containsExactly("COMPLETED");
        assertThat(count(data.getParent(), "SELECT COUNT(*) FROM kpi_run WHERE status = 'RUNNING'")).isZero();
        NightlyKit.Result history = NightlyKit.inProcess("history", "--data-dir", data.toString());
        assertThat(history.out()).containsPattern(Pattern.compile("(?m)^\\s+" + killedExecution
                + "\\s+recompute\\s+FAILED .*\\n\\s+left over, cleaned [-0-9: ]{19} by recompute"
                + " 2026-11-20\\.\\.2026-11-22: execution " + killedExecution + " left STARTED, now FAILED"));
    }

    private static String[] command(Path dir, String... extra) throws IOException {
        return NightlyKit.runCommand(source, dir, extra);
    }

    private static long count(Path dir, String sql) throws Exception {
        return Long.parseLong(rows(dir, sql).get(0)[0]);
    }

    private static List<String[]> rows(Path dir, String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
