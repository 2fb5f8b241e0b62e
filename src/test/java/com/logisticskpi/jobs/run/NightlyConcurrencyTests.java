package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.testsupport.TestDatabases;

/**
 * Two processes launch the same job and date at once on a shared MariaDB database (the multi-host setup): the
 * database run lock lets exactly one run, the other exits 4 at once, and nothing is stored twice.
 */
class NightlyConcurrencyTests {

    @TempDir
    Path tmp;

    @Test
    void twoProcessesSameJobAndDateOneCompletesTheOtherExitsFour() throws Exception {
        String db = TestDatabases.freshMysqlDatabase();
        String url = TestDatabases.mysqlServerUrl() + "/" + db;
        Map<String, String> env = Map.of("KPI_DB_URL", url, "KPI_DB_USER", TestDatabases.mysqlUser(), "KPI_DB_PASSWORD",
                TestDatabases.mysqlPassword());
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path job = NightlyKit.jobFile(tmp.resolve("jobs"), "nightly", inbox, null);
        String[] cmd = {"run", job.toString(), "--data-dir", tmp.resolve("data").toString(), "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF};
        NightlyKit.Child a = NightlyKit.Child.start(tmp, "a", List.of(), env, cmd);
        NightlyKit.Child b = NightlyKit.Child.start(tmp, "b", List.of(), env, cmd);
        NightlyKit.Result ra = a.await(Duration.ofMinutes(3));
        NightlyKit.Result rb = b.await(Duration.ofMinutes(3));

        NightlyKit.Result winner = ra.exitCode() == 0 ? ra : rb;
        NightlyKit.Result loser = ra.exitCode() == 0 ? rb : ra;
        assertThat(winner.exitCode()).as(ra.all() + "\n---\n" + rb.all()).isZero();
        assertThat(loser.exitCode()).as(loser.all()).isEqualTo(4);
        assertThat(loser.err()).contains("kpi run: job nightly for 2026-11-22 is already running", "MySQL lock kpi:nightly-2026-11-22@" + db);
        assertThat(loser.out()).doesNotContain("COMPLETED");

        try (Connection c = DriverManager.getConnection(url, TestDatabases.mysqlUser(), TestDatabases.mysqlPassword());
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM ingest_file")).isEqualTo(15); // 5 kinds x 3 days
            assertThat(count(s, "SELECT COUNT(*) FROM ingest_file WHERE status = 'LOADED'")).isEqualTo(15);
            assertThat(count(s, "SELECT COUNT(*) FROM kpi_run")).isEqualTo(1);
            long orders = count(s, "SELECT COUNT(*) FROM order_line");
            assertThat(orders).isPositive()
                    .isEqualTo(count(s, "SELECT COUNT(*) FROM (SELECT DISTINCT order_id, line_no FROM order_line) d"));
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT run_id, period_type, period_label, slice_name, slice_value, kpi,"
                    + " COUNT(*) n FROM kpi_value GROUP BY run_id, period_type, period_label, slice_name, slice_value, kpi"
                    + " HAVING COUNT(*) > 1) d")).isZero();
        } finally {
            try (Connection c = DriverManager.getConnection(TestDatabases.mysqlServerUrl() + "/", TestDatabases.mysqlUser(),
                    TestDatabases.mysqlPassword()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    @Test
    void withTheEmbeddedDatabaseTheSecondProcessExitsFourToo() throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path job = NightlyKit.jobFile(tmp.resolve("jobs"), "nightly", inbox, null);
        String[] cmd = {"run", job.toString(), "--data-dir", tmp.resolve("data").toString(), "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF};
        NightlyKit.Child a = NightlyKit.Child.start(tmp, "a", List.of(), Map.of(), cmd);
        NightlyKit.Child b = NightlyKit.Child.start(tmp, "b", List.of(), Map.of(), cmd);
        NightlyKit.Result ra = a.await(Duration.ofMinutes(3));
        NightlyKit.Result rb = b.await(Duration.ofMinutes(3));
        NightlyKit.Result winner = ra.exitCode() == 0 ? ra : rb;
        NightlyKit.Result loser = ra.exitCode() == 0 ? rb : ra;
        assertThat(winner.exitCode()).as(ra.all() + "\n---\n" + rb.all()).isZero();
        assertThat(loser.exitCode()).as(loser.all()).isEqualTo(4);
        // H2 lets one process open the database: the loser is stopped there (or, if it got in first, by the run lock)
        assertThat(loser.err()).containsAnyOf("kpi run: the embedded database is in use by another kpi process",
                "kpi run: job nightly for 2026-11-22 is already running");
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(tmp.resolve("data")), "sa", "");
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM ingest_file")).isEqualTo(15); // 5 kinds x 3 days
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
