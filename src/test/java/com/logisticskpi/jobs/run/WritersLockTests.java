package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.testsupport.TestDatabases;

/**
 * One writer at a time (issue 15, items 5 and 8): while a run is in its ingest step (a child JVM held there by the test
 * hook), an {@code ingest} and a {@code recompute} of the same data directory (H2) or database (MariaDB) exit 4 with
 * one line naming the holder — no stack trace, nothing loaded twice. A database that does not answer is one line
 * naming host and port; the stack trace goes to the log only.
 */
class WritersLockTests {

    static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path tmp;

    @Test
    void onH2AnIngestAndARecomputeDuringARunExitFourInOneLine() throws Exception {
        Path source = tmp.resolve("source");
        NightlyKit.generateInbox(source);
        Path data = tmp.resolve("data");
        NightlyKit.Child run = NightlyKit.Child.start(tmp, "run", List.of("-Dkpi.test.pause-at=ingest:1"), Map.of(),
                NightlyKit.runCommand(source, tmp));
        try {
            awaitMarker(run, data.resolve("pause-ingest"));

            NightlyKit.Result ingest = NightlyKit.inProcess("ingest", "--inbox", source.toString(), "--data-dir",
                    data.toString());
            assertThat(ingest.exitCode()).as(ingest.all()).isEqualTo(4);
            assertThat(ingest.err()).startsWith("kpi ingest: the embedded database is in use by another kpi process (data"
                    + " dir " + data.toAbsolutePath() + ": a run, ingest or recompute); wait until it ends");
            assertThat(ingest.err().lines().count()).isEqualTo(1);
            assertThat(ingest.out()).isEmpty();

            NightlyKit.Result recompute = NightlyKit.inProcess("recompute", "--from", "2026-11-20", "--to", "2026-11-22",
                    "--data-dir", data.toString());
            assertThat(recompute.exitCode()).as(recompute.all()).isEqualTo(4);
            assertThat(recompute.err().lines().count()).isEqualTo(1);
            assertThat(recompute.err()).startsWith("kpi recompute: the embedded database is in use by another kpi process");
            // the holder is named: the writes lock file of the run (pid, host, since)
            assertThat(Files.readString(data.resolve("locks").resolve("writes.lock")))
                    .startsWith("run nightly 2026-11-22: pid " + run.process.pid());
            assertThat(Files.readString(data.resolve("logs").resolve("kpi.log"))).contains("start failed");
        } finally {
            run.process.destroyForcibly().waitFor();
        }
    }

    @Test
    void onMariaDbAnIngestAndARecomputeDuringARunExitFourNamingTheConnection() throws Exception {
        String db = TestDatabases.freshMysqlDatabase();
        String url = TestDatabases.mysqlServerUrl() + "/" + db;
        Path config = Files.writeString(tmp.resolve("mysql.yml"), """
                spring:
                  datasource:
                    url: %s
                    username: %s
                    password: "%s"
                """.formatted(url, TestDatabases.mysqlUser(), TestDatabases.mysqlPassword()));
        Path source = tmp.resolve("source");
        NightlyKit.generateInbox(source);
        Path data = tmp.resolve("data");
        // a job name of its own: the per-date lock is a server-wide MySQL name, other suites may run "nightly"
        String jobName = "wl" + ProcessHandle.current().pid();
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        Path job = NightlyKit.jobFile(tmp.resolve("jobs"), jobName, inbox, null);
        NightlyKit.Child run = NightlyKit.Child.start(tmp, "run", List.of("-Dkpi.test.pause-at=ingest:1"),
                Map.of("KPI_DB_URL", url, "KPI_DB_USER", TestDatabases.mysqlUser(), "KPI_DB_PASSWORD",
                        TestDatabases.mysqlPassword()), "run", job.toString(), "--data-dir", data.toString(), "--date",
                NightlyKit.DATE, "--as-of", NightlyKit.AS_OF);
        try {
            awaitMarker(run, data.resolve("pause-ingest"));
            Path other = tmp.resolve("other-data");                 // another host's data dir, same database
            NightlyKit.Result ingest = NightlyKit.inProcess("ingest", "--inbox", source.toString(), "--data-dir",
                    other.toString(), "--profile", "mysql", "--config", config.toString());
            assertThat(ingest.exitCode()).as(ingest.all()).isEqualTo(4);
            assertThat(ingest.err()).matches("kpi ingest: another kpi command is writing to this database \\(database "
                    + "connection \\d+\\); wait until it ends; MySQL lock kpi:writes@" + db + "\\R");
            NightlyKit.Result recompute = NightlyKit.inProcess("recompute", "--from", "2026-11-20", "--to", "2026-11-22",
                    "--data-dir", other.toString(), "--profile", "mysql", "--config", config.toString());
            assertThat(recompute.exitCode()).as(recompute.all()).isEqualTo(4);
            assertThat(recompute.err()).startsWith("kpi recompute: another kpi command is writing to this database");
            try (var c = java.sql.DriverManager.getConnection(url, TestDatabases.mysqlUser(), TestDatabases.mysqlPassword());
                 var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM ingest_file WHERE job_execution_id IS NULL"
                         + " OR job_execution_id <> 1")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the refused ingest loaded nothing").isZero();
            }
        } finally {
            run.process.destroyForcibly().waitFor();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsOneLineNamingHostAndPort() throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yml"), """
                spring:
                  datasource:
                    url: jdbc:mysql://127.0.0.1:1/kpi?connectTimeout=2000
                    username: kpi
                    password: "nope"
                """);
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path data = tmp.resolve("data");
        NightlyKit.Result r = NightlyKit.inProcess("ingest", "--inbox", inbox.toString(), "--data-dir", data.toString(),
                "--profile", "mysql", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("kpi ingest: cannot connect to the database 127.0.0.1:1/kpi (")
                .endsWith("check that the server runs and KPI_DB_URL / spring.datasource.url" + System.lineSeparator());
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.all()).doesNotContain("\tat ", "nope");
        assertThat(Files.readString(data.resolve("logs").resolve("kpi.log"))).contains("start failed", "\tat ");
    }

    private static void awaitMarker(NightlyKit.Child child, Path marker) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(marker)) {
            if (!child.process.isAlive()) {
                throw new AssertionError("the run ended before pausing\n" + Files.readString(child.stdout)
                        + Files.readString(child.stderr));
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the run never reached its ingest step\n" + Files.readString(child.stderr));
            }
            Thread.sleep(200);
        }
    }
}
