package com.logisticskpi.kpi.partition;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.engine.KpiEngine;

/**
 * The KPI feature's worker step: builds the outcomes of one order-key range (one partition of
 * {@link PartitionedCompute#outcomesStep}). The engine writes each range in its own transaction.
 */
@Configuration(proxyBeanMethods = false)
public class OutcomesPartitionConfiguration {

    /** Bean and step name of the worker step building one order-key range's outcomes. */
    public static final String OUTCOMES_WORKER_STEP = "kpiOutcomes";

    @Bean(name = OUTCOMES_WORKER_STEP)
    public Step kpiOutcomesWorkerStep(JobRepository jobRepository, KpiEngine engine, AppProperties app) {
        return new StepBuilder(OUTCOMES_WORKER_STEP, jobRepository)
                .tasklet(new OutcomesPartitionTasklet(engine, app, jobRepository), new ResourcelessTransactionManager())
                .build();
    }
}
