package com.logisticskpi.jobs.ingest;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.ingest.partition.PartitionedIngest;

/**
 * The {@code ingest} job of {@code kpi ingest}: the ingest feature's step partitioned by file
 * ({@link PartitionedIngest}, the nightly job's ingest too), its files loaded one by one in the inbox's order, each
 * in its own transaction (all-or-nothing).
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingest";
    public static final String STEP_NAME = "ingestStep";
    /** Identifying job parameter: the inbox directory (absolute path). */
    public static final String INBOX = PartitionedIngest.INBOX;
    /** Identifying job parameter: the launch instant (ISO-8601, UTC), so every launch is a new instance. */
    public static final String LAUNCHED_AT = "launchedAt";
    /** Non-identifying job parameter: business time zone of this run (default kpi.zone). */
    public static final String ZONE = PartitionedIngest.ZONE;

    @Bean(name = STEP_NAME)
    public Step ingestStep(PartitionedIngest ingest) {
        return ingest.sequentialIngestStep(STEP_NAME);
    }

    @Bean(name = JOB_NAME)
    public Job ingestJob(JobRepository jobRepository, Step ingestStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(ingestStep).build();
    }
}
