package com.logisticskpi.jobs;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.logisticskpi.config.AppProperties;

/**
 * The {@link RunLock} bean: with {@code kpi.jobs.lock=auto} (default) a {@link DatabaseRunLock} when the datasource is
 * MySQL/MariaDB (several hosts may share it), else a {@link FileRunLock} under {@code <data-dir>/locks}.
 */
@Configuration(proxyBeanMethods = false)
public class RunLockConfiguration {

    @Bean
    RunLock runLock(JobsProperties jobs, AppProperties app, DataSource dataSource, Environment env) {
        return choose(jobs.lock(), env.getProperty("spring.datasource.url", ""), app, dataSource);
    }

    static RunLock choose(String mode, String jdbcUrl, AppProperties app, DataSource dataSource) {
        boolean mysql = jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:");
        return switch (mode) {
            case "database" -> new DatabaseRunLock(dataSource);
            case "file" -> FileRunLock.inDataDir(app.dataDir());
            default -> mysql ? new DatabaseRunLock(dataSource) : FileRunLock.inDataDir(app.dataDir());
        };
    }
}
