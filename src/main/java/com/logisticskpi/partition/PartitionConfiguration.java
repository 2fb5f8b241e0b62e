package com.logisticskpi.partition;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The worker steps of the partitioned steps (present in every process: the launching one runs them on local threads,
 * a {@code ./kpi worker} runs them for remote managers) and the default, local partition handler.
 */
@Configuration(proxyBeanMethods = false)
public class PartitionConfiguration {

    /** Bean and step name of the worker step building one order-key range's outcomes. */
    public static final String OUTCOMES_WORKER_STEP = "kpiOutcomes";
    /** Bean and step name of the worker step loading one inbox file. */
    public static final String INGEST_WORKER_STEP = "ingestFile";

    @Bean(name = INGEST_WORKER_STEP)
    public Step ingestFileWorkerStep(JobRepository jobRepository, IngestService service, AppProperties app) {
        return new StepBuilder(INGEST_WORKER_STEP, jobRepository)
                .tasklet(new IngestFileTasklet(service, app, jobRepository), new ResourcelessTransactionManager())
                .build();
    }

    @Bean(name = OUTCOMES_WORKER_STEP)
    public Step kpiOutcomesWorkerStep(JobRepository jobRepository, KpiEngine engine, AppProperties app) {
        return new StepBuilder(OUTCOMES_WORKER_STEP, jobRepository)
                .tasklet(new OutcomesPartitionTasklet(engine, app, jobRepository), new ResourcelessTransactionManager())
                .build();
    }

    @Bean
    @ConditionalOnExpression("'${kpi.partitioning.mode:local}' != 'remote'")
    public PartitionHandlerFactory localPartitionHandlerFactory(PartitioningProperties properties) {
        return new LocalPartitionHandlerFactory(properties.threads());
    }

    /**
     * A partition's engine work holds two connections (a streaming read and the writes) and the step bookkeeping a
     * third: the connection pool grows to fit the configured threads so that parallel partitions never wait for each
     * other's connections.
     */
    @Bean
    public static BeanPostProcessor partitionPoolSize(org.springframework.core.env.Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof HikariDataSource ds) {
                    int threads = env.getProperty("kpi.partitioning.threads", Integer.class, 0);
                    if (threads <= 0) {
                        threads = Runtime.getRuntime().availableProcessors();
                    }
                    int needed = 2 * threads + 2;
                    if (ds.getMaximumPoolSize() < needed) {
                        ds.setMaximumPoolSize(needed);
                    }
                }
                return bean;
            }
        };
    }
}
