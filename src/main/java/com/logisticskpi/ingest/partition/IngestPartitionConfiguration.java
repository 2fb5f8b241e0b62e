package com.logisticskpi.ingest.partition;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.base.TaskletSteps;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.IngestService;

/**
 * The ingest feature's worker step: loads one inbox file (one partition of {@link PartitionedIngest}'s step). Each
 * file's load is its own transaction (all-or-nothing), so the step itself needs no transaction manager.
 */
@Configuration(proxyBeanMethods = false)
public class IngestPartitionConfiguration {

    /** Bean and step name of the worker step loading one inbox file. */
    public static final String INGEST_WORKER_STEP = "ingestFile";

    @Bean(name = INGEST_WORKER_STEP)
    public Step ingestFileWorkerStep(JobRepository jobRepository, IngestService service, AppProperties app) {
        return TaskletSteps.of(INGEST_WORKER_STEP, jobRepository, new IngestFileTasklet(service, app, jobRepository));
    }
}
