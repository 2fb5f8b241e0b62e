package com.logisticskpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;
import com.logisticskpi.testsupport.TestDatabases;

class SchemaMigrationTests {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDatabaseIsCreatedUnderTheDataDirAndMigrated() {
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.h2Options(dataDir))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            List<String> tables = jdbc.queryForList(
                    "select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'", String.class);
            assertThat(tables).contains("order_line", "shipment_line", "return_line", "survey_response",
                    "survey_answer", "ingest_file", "batch_job_execution");
        }
        assertThat(dataDir.resolve("db/kpi.mv.db")).exists();
    }

    @Test
    void mysqlSchemaIsMigratedWithUtf8mb4() {
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.mysqlOptions(dataDir))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            String collation = jdbc.queryForObject(
                    "select table_collation from information_schema.tables where table_schema = database() and table_name = 'order_line'",
                    String.class);
            assertThat(collation).isEqualTo("utf8mb4_bin");
            assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_INSTANCE_SEQ", Integer.class)).isEqualTo(1);
        }
    }
}
