package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.testsupport.TestDatabases;

/** Against the MariaDB test server (fails, never skips, when it is down). */
class DatabaseRunLockTests {

    static final LocalDate DATE = LocalDate.of(2026, 11, 22);
    static final String JOB = "nightly";

    private static DriverManagerDataSource dataSource(String db) {
        return new DriverManagerDataSource(TestDatabases.mysqlServerUrl() + "/" + db, TestDatabases.mysqlUser(),
                TestDatabases.mysqlPassword());
    }

    @Test
    void aHeldLockIsRefusedToAnotherSessionUntilReleased() {
        String db = TestDatabases.freshMysqlDatabase();
        DatabaseRunLock lock = new DatabaseRunLock(dataSource(db));
        RunLock.Held first = lock.acquire(JOB, DATE);
        assertThat(first.description()).isEqualTo("MySQL lock kpi:nightly-2026-11-22@" + db);
        assertThatThrownBy(() -> lock.acquire(JOB, DATE))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                .hasMessageContaining("job " + JOB + " for 2026-11-22 is already running");
        lock.acquire(JOB, DATE.plusDays(1)).close();                       // another date: independent
        first.close();
        lock.acquire(JOB, DATE).close();
    }

    @Test
    void theServerReleasesTheLockWhenTheHoldingSessionDies() throws Exception {
        String db = TestDatabases.freshMysqlDatabase();
        DriverManagerDataSource ds = dataSource(db);
        // a "process" that takes the lock and dies: its connection ends without RELEASE_LOCK
        Connection dying = ds.getConnection();
        try (PreparedStatement ps = dying.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, DatabaseRunLock.lockName(JOB + "d", DATE, db));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
        DatabaseRunLock lock = new DatabaseRunLock(ds);
        assertThatThrownBy(() -> lock.acquire(JOB + "d", DATE))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED));
        dying.close();
        lock.acquire(JOB + "d", DATE).close();
    }

    @Test
    void twoDatabasesOnOneServerDoNotShareTheirLocks() {
        // named locks are server-wide; the name carries the database, so two installations (or two test JVMs) on
        // one server each run their own nightly job for the same date
        String dbA = TestDatabases.freshMysqlDatabase();
        String dbB = TestDatabases.freshMysqlDatabase();
        DatabaseRunLock a = new DatabaseRunLock(dataSource(dbA));
        DatabaseRunLock b = new DatabaseRunLock(dataSource(dbB));
        try (RunLock.Held runA = a.acquire(JOB, DATE); RunLock.Held runB = b.acquire(JOB, DATE);
             RunLock.Held writesA = a.acquireWrites("run"); RunLock.Held writesB = b.acquireWrites("run")) {
            assertThat(runA.description()).isEqualTo("MySQL lock kpi:nightly-2026-11-22@" + dbA);
            assertThat(runB.description()).isEqualTo("MySQL lock kpi:nightly-2026-11-22@" + dbB);
            assertThat(writesB.description()).isEqualTo("MySQL lock kpi:writes@" + dbB);
            assertThatThrownBy(() -> a.acquire(JOB, DATE)).hasMessageContaining("MySQL lock kpi:nightly-2026-11-22@" + dbA);
        }
    }

    @Test
    void aNameOverSixtyFourCharactersEndsInAHashOfTheFullName() {
        String job = "j".repeat(40);
        String name = DatabaseRunLock.lockName(job, DATE, "d".repeat(30));
        String full = "kpi:" + job + "-2026-11-22@" + "d".repeat(30);
        String hash = Integer.toHexString(full.hashCode());
        assertThat(name).hasSize(64).isEqualTo(full.substring(0, 63 - hash.length()) + "#" + hash);
        assertThat(DatabaseRunLock.lockName(job, DATE, "d".repeat(31))).isNotEqualTo(name);
        assertThat(DatabaseRunLock.lockName("nightly", DATE, "kpi")).isEqualTo("kpi:nightly-2026-11-22@kpi");
    }
}
