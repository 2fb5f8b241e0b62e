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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL (child JVM) during ingest, and another during compute, is completed by running the same
 * command again: the execution the dead process left STARTED is recovered, the run resumes at the killed step with
 * the first launch's as_of, and its kpi-values.csv and database contents equal those of an uninterrupted run.
 * The kill lands in the right step through the test hook {@code -Dkpi.test.pause-at=<step>:<call>} (testsupport.PauseAtCheckpoint, a RunCheckpoint on the test class path).
 */
class NightlyCrashTests {

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path tmp;

    static Path source;
    static String baselineCsv;
    static List<String> baselineDump;
    static List<String> baselineOutcomes;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        source = tmp.resolve("source");
        NightlyKit.generateInbox(source);
        Path dir = tmp.resolve("baseline");
        NightlyKit.Result r = NightlyKit.Child.start(dir, "run", List.of(), Map.of(), command(dir)).await(TIMEOUT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        baselineCsv = Files.readString(NightlyKit.outDir(dir.resolve("jobs")).resolve("kpi-values.csv"));
        baselineDump = NightlyKit.dumpH2(dir.resolve("data"), r.kpiRunId());
        baselineOutcomes = outcomes(dir, r.kpiRunId());
    }

    @Test
    void killedDuringIngestTheSameCommandCompletesWithTheSameResult() throws Exception {
        Path dir = tmp.resolve("ingest-crash");
        String[] cmd = command(dir);
        // one ingest thread: the pause then holds the whole ingest, so exactly three files are loaded at the kill (with
        // more threads the others go on loading while one pauses); the resumed run uses the default threads
        NightlyKit.Child child = NightlyKit.Child.start(dir, "killed",
                List.of("-Dkpi.test.pause-at=ingest:4", "-Dkpi.partitioning.threads=1"), Map.of(), cmd);
        child.killWhenPaused(dir.resolve("data").resolve("pause-ingest"), TIMEOUT);
        // three files were loaded, the fourth not yet; the execution is left STARTED
        assertThat(statusOf(dir)).isEqualTo("STARTED");
        assertThat(loadedFiles(dir)).isEqualTo(3);

        NightlyKit.Result again = NightlyKit.Child.start(dir, "again", List.of(), Map.of(), cmd).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("resumed the run of nightly for 2026-11-22 (as of 2026-11-22T22:00:00Z)",
                "): COMPLETED");
        assertThat(again.out()).containsPattern("\\(execution \\d+\\): COMPLETED");
        assertSameResult(dir, again);
    }

    @Test
    void killedDuringComputeTheSameCommandCompletesWithTheSameResult() throws Exception {
        Path dir = tmp.resolve("compute-crash");
        String[] cmd = command(dir);
        NightlyKit.Child child = NightlyKit.Child.start(dir, "killed", List.of("-Dkpi.test.pause-at=compute:1"), Map.of(), cmd);
        child.killWhenPaused(dir.resolve("data").resolve("pause-compute"), TIMEOUT);
        assertThat(statusOf(dir)).isEqualTo("STARTED");
        assertThat(loadedFiles(dir)).isEqualTo(15); // 5 kinds x 3 days

        NightlyKit.Result again = NightlyKit.Child.start(dir, "again", List.of(), Map.of(), cmd).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("resumed the run of nightly").containsPattern("\\(execution \\d+\\): COMPLETED");
        // the ingest step completed before the kill: it is not run again, nothing is loaded twice
        assertThat(loadedFiles(dir)).isEqualTo(15); // 5 kinds x 3 days
        assertSameResult(dir, again);
    }

    @Test
    void killedOutcomePartitionResumesAfterItsLastCommittedChunk() throws Exception {
        Path dir = tmp.resolve("outcome-chunk-crash");
        String[] cmd = command(dir);
        // one partition (one thread) of chunks of 50 orders; killed after its second chunk was committed
        List<String> props = List.of("-Dkpi.partitioning.threads=1", "-Dkpi.engine.outcome-chunk-size=50");
        List<String> killedProps = new java.util.ArrayList<>(props);
        killedProps.add("-Dkpi.test.pause-at=outcome-chunk:2");
        NightlyKit.Child child = NightlyKit.Child.start(dir, "killed", killedProps, Map.of(), cmd);
        child.killWhenPaused(dir.resolve("data").resolve("pause-outcome-chunk"), TIMEOUT);
        assertThat(statusOf(dir)).isEqualTo("STARTED");
        List<long[]> killed = partitionCounts(dir);
        assertThat(killed).as("one partition, two chunks of 50 orders committed").hasSize(1);
        assertThat(killed.get(0)[0]).isEqualTo(100);
        long committedOutcomes = killed.get(0)[1];
        assertThat(committedOutcomes).isPositive().isLessThanOrEqualTo(100);
        assertThat(storedOutcomes(dir)).as("the outcomes committed with the two chunks").isEqualTo(committedOutcomes);

        NightlyKit.Result again = NightlyKit.Child.start(dir, "again", props, Map.of(), cmd).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("resumed the run of nightly").containsPattern("\\(execution \\d+\\): COMPLETED");
        List<long[]> both = partitionCounts(dir);
        assertThat(both).hasSize(2);
        long rangeOrders = both.get(0)[0] + both.get(1)[0];
        long rangeOutcomes = baselineOutcomes.size();
        // the restarted partition read only the orders after the committed chunks, and wrote only their outcomes
        assertThat(both.get(1)[0]).isEqualTo(rangeOrders - 100).isLessThan(rangeOrders);
        assertThat(both.get(1)[1]).isEqualTo(rangeOutcomes - committedOutcomes).isLessThan(rangeOutcomes);
        // no outcome twice, none missing: the run's outcomes are exactly those of the uninterrupted run
        assertThat(outcomes(dir, again.kpiRunId())).isEqualTo(baselineOutcomes);
        assertSameResult(dir, again);
    }

    /** Read and write counts of the outcome partitions' step executions, oldest first. */
    private static List<long[]> partitionCounts(Path dir) throws Exception {
        List<long[]> counts = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT READ_COUNT, WRITE_COUNT FROM BATCH_STEP_EXECUTION"
                     + " WHERE STEP_NAME LIKE 'kpiOutcomes:%' ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                counts.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return counts;
    }

    private static long storedOutcomes(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM order_outcome")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The outcomes of a kpi run, one line per stored row, ordered by order id (run id left out). */
    private static List<String> outcomes(Path dir, long runId) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM order_outcome WHERE run_id = " + runId + " ORDER BY order_id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (!rs.getMetaData().getColumnName(i).equalsIgnoreCase("run_id")) {
                        row.append(rs.getString(i)).append('|');
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static void assertSameResult(Path dir, NightlyKit.Result again) throws Exception {
        assertThat(Files.readString(NightlyKit.outDir(dir.resolve("jobs")).resolve("kpi-values.csv"))).isEqualTo(baselineCsv);
        assertThat(NightlyKit.dumpH2(dir.resolve("data"), again.kpiRunId())).isEqualTo(baselineDump);
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
            rs.next();
            assertThat(rs.getString(1)).as("the killed execution, recovered").isEqualTo("FAILED");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            assertThat(rs.next()).isFalse();
        }
    }

    private static String[] command(Path dir) throws IOException {
        return NightlyKit.runCommand(source, dir);
    }

    private static String statusOf(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long loadedFiles(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dir.resolve("data")), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ingest_file WHERE status = 'LOADED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
