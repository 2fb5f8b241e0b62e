package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.jobs.ingest.IngestJobConfiguration;
import com.logisticskpi.jobs.ingest.IngestJobRunner;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The ingest job (the partitioned-by-file ingest step, files one by one): parameters, step bean, failed status, and a
 * restart that loads the fixed file only.
 */
class IngestJobTests {

    @TempDir
    Path dataDir;
    @TempDir
    Path inbox;

    @Test
    void failedFileFailsTheJobAndARestartLoadsItOnceFixed() throws Exception {
        IngestTestKit.write(inbox, "orders_20261110.csv", """
                order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity
                A1,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,1
                """);
        IngestTestKit.write(inbox, "shipments_20261111.csv", "shipment_id,order_id\nP1,A1\n");
        try (ConfigurableApplicationContext ctx = AppContext.start(TestDatabases.h2Options(dataDir))) {
            assertThat(ctx.getBean("ingestStep", Step.class).getName()).isEqualTo("ingestStep");
            Job job = ctx.getBean(IngestJobConfiguration.JOB_NAME, Job.class);
            assertThat(job.getJobParametersIncrementer()).isNull();

            IngestJobRunner.Outcome first = ctx.getBean(IngestJobRunner.class).run(inbox, ZoneId.of("Asia/Shanghai"));
            assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(first.succeeded()).isFalse();
            assertThat(first.failure()).isEqualTo("shipments_20261111.csv: missing required columns line_no, sku, quantity, "
                    + "carrier, ship_time, status");
            JobRepository repo = ctx.getBean(JobRepository.class);
            JobExecution execution = repo.getJobExecution(first.jobExecutionId());
            assertThat(execution.getJobParameters().getParameter(IngestJobConfiguration.INBOX).identifying()).isTrue();
            assertThat(execution.getJobParameters().getParameter(IngestJobConfiguration.LAUNCHED_AT).identifying()).isTrue();
            assertThat(execution.getJobParameters().getParameter(IngestJobConfiguration.ZONE).identifying()).isFalse();
            // the manager step holds the sums of its partitions, one per file
            assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName() + ":" + s.getStatus())
                    .containsExactlyInAnyOrder("ingestStep:FAILED", "ingestFile:orders_20261110.csv:COMPLETED",
                            "ingestFile:shipments_20261111.csv:FAILED");
            assertThat(execution.getStepExecutions()).filteredOn(s -> s.getStepName().equals("ingestStep"))
                    .singleElement().satisfies(s -> {
                        assertThat(s.getReadCount()).isEqualTo(1);
                        assertThat(s.getWriteCount()).isEqualTo(1);
                    });
            assertThat(execution.getStepExecutions())
                    .filteredOn(s -> s.getStepName().equals("ingestFile:shipments_20261111.csv")).singleElement()
                    .satisfies(s -> assertThat(s.getExitStatus().getExitDescription())
                            .isEqualTo("failed: shipments_20261111.csv: missing required columns line_no, sku, quantity, "
                                    + "carrier, ship_time, status"));

            // the export is fixed in place; the restart runs the failed file's partition only (the orders file's
            // partition completed) and loads the shipments
            IngestTestKit.write(inbox, "shipments_20261111.csv", """
                    shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,status
                    P1,A1,1,S1,1,SF,2026-11-11 08:00:00,IN_TRANSIT
                    """);
            JobExecution restarted = ctx.getBean(JobOperator.class).restart(execution);
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(execution.getJobInstance().getInstanceId());
            assertThat(ctx.getBean(DataQualityRepository.class).forJobExecution(restarted.getId()))
                    .extracting(FileResult::fileName, FileResult::status).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("shipments_20261111.csv", "LOADED"));
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from ingest_file where file_name = 'orders_20261110.csv'"
                    + " and status = 'LOADED'", Integer.class)).as("the orders file loaded once").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from order_line", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from shipment_line", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(2);
        }
    }
}
