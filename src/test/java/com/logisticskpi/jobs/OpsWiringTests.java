package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.cli.AppContext;
import com.logisticskpi.delivery.DeliveryProperties;
import com.logisticskpi.testsupport.TestDatabases;

/** The ops beans and settings in a real application context. */
class OpsWiringTests {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDatabaseGetsAFileLockUnderTheDataDirAndTheDefaultSettings() {
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.h2Options(dataDir))) {
            RunLock lock = ctx.getBean(RunLock.class);
            assertThat(lock).isInstanceOf(FileRunLock.class);
            try (RunLock.Held held = lock.acquire("nightly", LocalDate.of(2026, 11, 22))) {
                assertThat(held.description()).isEqualTo("file " + dataDir.toAbsolutePath().normalize()
                        .resolve("locks").resolve("nightly-2026-11-22.lock"));
                assertThatThrownBy(() -> lock.acquire("nightly", LocalDate.of(2026, 11, 22)))
                        .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED));
            }
            JobsProperties jobs = ctx.getBean(JobsProperties.class);
            assertThat(jobs.lock()).isEqualTo("auto");
            assertThat(jobs.progressInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(jobs.retentionPatterns()).isEqualTo(Retention.DEFAULT_PATTERNS);
            DeliveryProperties d = ctx.getBean(DeliveryProperties.class);
            assertThat(d.port()).isEqualTo(25);
            assertThat(d.attachmentMaxSize()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(d.passwordEnv()).isEqualTo("KPI_SMTP_PASSWORD");
            assertThat(d.retry()).isEqualTo(new DeliveryProperties.Retry(3, Duration.ofSeconds(5)));
        }
    }

    @Test
    void mysqlGetsTheDatabaseLockSoSeveralHostsShareIt() {
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.mysqlOptions(dataDir))) {
            RunLock lock = ctx.getBean(RunLock.class);
            assertThat(lock).isInstanceOf(DatabaseRunLock.class);
            String job = "w" + ProcessHandle.current().pid();
            try (RunLock.Held held = lock.acquire(job, LocalDate.of(2026, 11, 22))) {
                String db = new JdbcTemplate(ctx.getBean(DataSource.class)).queryForObject("SELECT DATABASE()", String.class);
                assertThat(held.description()).isEqualTo("MySQL lock kpi:" + job + "-2026-11-22@" + db);
            }
        }
    }
}
