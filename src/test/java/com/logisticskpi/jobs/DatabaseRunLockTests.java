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
    /** lock names are server-wide: make them unique to this JVM so parallel builds do not meet */
    static final String JOB = "t" + ProcessHandle.current().pid();

    private static DriverManagerDataSource dataSource() {
        String db = TestDatabases.freshMysqlDatabase();
        return new DriverManagerDataSource(TestDatabases.mysqlServerUrl() + "/" + db, TestDatabases.mysqlUser(),
                TestDatabases.mysqlPassword());
    }

    @Test
    void aHeldLockIsRefusedToAnotherSessionUntilReleased() {
        DatabaseRunLock lock = new DatabaseRunLock(dataSource());
        RunLock.Held first = lock.acquire(JOB, DATE);
        assertThat(first.description()).isEqualTo("MySQL lock kpi:" + JOB + "-2026-11-22");
        assertThatThrownBy(() -> lock.acquire(JOB, DATE))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                .hasMessageContaining("job " + JOB + " for 2026-11-22 is already running");
        lock.acquire(JOB, DATE.plusDays(1)).close();                       // another date: independent
        first.close();
        lock.acquire(JOB, DATE).close();
    }

    @Test
    void theServerReleasesTheLockWhenTheHoldingSessionDies() throws Exception {
        DriverManagerDataSource ds = dataSource();
        // a "process" that takes the lock and dies: its connection ends without RELEASE_LOCK
        Connection dying = ds.getConnection();
        try (PreparedStatement ps = dying.prepareStatement(DatabaseRunLock.GET_LOCK)) {
            ps.setString(1, DatabaseRunLock.lockName(JOB + "d", DATE));
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
}
