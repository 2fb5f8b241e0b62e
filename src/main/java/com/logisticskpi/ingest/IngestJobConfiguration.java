package com.logisticskpi.ingest;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.config.AppProperties;

/**
 * The {@code ingest} job and its reusable {@code ingestStep}.
 *
 * <p>The step is a tasklet step that handles one file per repeat ({@link IngestTasklet}). Its own "chunk"
 * transaction is a resourceless one: each file's rows commit through {@link IngestService}'s own
 * transaction (one per file), so a failed file rolls back only itself and the step's bookkeeping never holds a database
 * transaction open across a file.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingest";
    public static final String STEP_NAME = "ingestStep";
    /** Identifying job parameter: the inbox directory (absolute path). */
    public static final String INBOX = "inbox";
    /** Identifying job parameter: the launch instant (ISO-8601, UTC), so every launch is a new instance. */
    public static final String LAUNCHED_AT = "launchedAt";
    /** Non-identifying job parameter: business time zone of this run (default kpi.zone). */
    public static final String ZONE = "zone";

    @Bean
    public IngestTasklet ingestTasklet(IngestService service, AppProperties app) {
        return new IngestTasklet(service, app);
    }

    @Bean(name = STEP_NAME)
    public Step ingestStep(JobRepository jobRepository, IngestTasklet ingestTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet(ingestTasklet, new ResourcelessTransactionManager())
                .build();
    }

    @Bean(name = JOB_NAME)
    public Job ingestJob(JobRepository jobRepository, Step ingestStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(ingestStep).build();
    }
}
