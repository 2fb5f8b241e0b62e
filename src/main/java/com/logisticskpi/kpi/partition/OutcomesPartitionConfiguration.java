package com.logisticskpi.kpi.partition;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

import com.logisticskpi.base.RunCheckpoints;
import com.logisticskpi.base.partition.PartitionWorker;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.kpi.engine.OutcomeBuilder;
import com.logisticskpi.kpi.engine.OutcomeStage;

/**
 * The KPI feature's worker step: the outcomes of one order-key range (one partition of
 * {@link PartitionedCompute#outcomesStep}) as a chunk-oriented step. Its reader, processor and writer are
 * {@code @StepScope} beans bound to the partition's execution context (run id, request, range). Each chunk of
 * {@code kpi.engine.outcome-chunk-size} orders (default 1000) is written and its last order id saved in the step's
 * context in one transaction, so a failed or killed partition resumes after its last committed chunk.
 * <p>
 * Run checkpoints ({@link com.logisticskpi.base.RunCheckpoint}): {@code outcomes:<n>} before the process's n-th
 * partition, {@code outcome-chunk:<n>} after its n-th committed chunk.
 */
@Configuration(proxyBeanMethods = false)
public class OutcomesPartitionConfiguration {

    /** Bean and step name of the worker step building one order-key range's outcomes. */
    public static final String OUTCOMES_WORKER_STEP = "kpiOutcomes";
    /** The run checkpoint passed before each partition. */
    public static final String PARTITION_CHECKPOINT = "outcomes";
    /** The run checkpoint passed after each committed chunk. */
    public static final String CHUNK_CHECKPOINT = "outcome-chunk";

    private static final Logger LOG = LoggerFactory.getLogger(OutcomesPartitionConfiguration.class);

    /** Partitions and committed chunks of this process (the checkpoints count them). */
    private final AtomicInteger partitions = new AtomicInteger();
    private final AtomicInteger chunks = new AtomicInteger();

    @Bean(name = OUTCOMES_WORKER_STEP)
    public Step kpiOutcomesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      OutcomeOrderReader outcomeOrderReader, OutcomeProcessor outcomeProcessor,
                                      OutcomeWriter outcomeWriter, AppProperties app,
                                      @Value("${kpi.engine.outcome-chunk-size:" + OutcomeStage.CHUNK + "}") int chunkSize) {
        // READ COMMITTED keeps InnoDB from taking gap locks that would deadlock with the neighbouring ranges' inserts
        DefaultTransactionAttribute tx = new DefaultTransactionAttribute();
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new StepBuilder(OUTCOMES_WORKER_STEP, jobRepository)
                .<OrderRows, OutcomeBuilder.Built>chunk(chunkSize)
                .reader(outcomeOrderReader)
                .processor(outcomeProcessor)
                .writer(outcomeWriter)
                .transactionManager(transactionManager)
                .transactionAttribute(tx)
                .listener(workerListener(jobRepository, app))
                .build();
    }

    @Bean
    @StepScope
    public OutcomeOrderReader outcomeOrderReader(DataSource dataSource, @Value("#{stepExecution}") StepExecution step,
                                                 @Value("${kpi.engine.outcome-chunk-size:" + OutcomeStage.CHUNK + "}") int chunkSize) {
        OutcomePartition p = OutcomePartition.of(step.getExecutionContext());
        return new OutcomeOrderReader(dataSource, p.runId(), p.range(), chunkSize);
    }

    @Bean
    @StepScope
    public OutcomeProcessor outcomeProcessor(KpiEngineProperties properties, @Value("#{stepExecution}") StepExecution step) {
        return new OutcomeProcessor(OutcomeStage.builder(OutcomePartition.of(step.getExecutionContext()).request(), properties));
    }

    @Bean
    @StepScope
    public OutcomeWriter outcomeWriter(DataSource dataSource, KpiEngineProperties properties, AppProperties app,
                                       KpiEngine engine, @Value("#{stepExecution}") StepExecution step) {
        OutcomePartition partition = OutcomePartition.of(step.getExecutionContext());
        // progress counts candidates (read), not outcomes: an order without an OK line is read and filtered out
        long[] reported = {step.getReadCount()};
        return new OutcomeWriter(dataSource, partition, properties.batchSize(), outcomes -> {
            long read = step.getReadCount();
            engine.candidatesBuilt(partition.runId(), read - reported[0]);
            reported[0] = read;
            RunCheckpoints.reached(CHUNK_CHECKPOINT, chunks.incrementAndGet(), app.dataDir());
        });
    }

    /** Records who runs the partition and passes {@code outcomes:<n>} before it; logs what it did after. */
    private StepExecutionListener workerListener(JobRepository jobRepository, AppProperties app) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution step) {
                PartitionWorker.startOnThisWorker(step, jobRepository, PARTITION_CHECKPOINT, partitions.incrementAndGet(),
                        app.dataDir());
            }

            @Override
            public ExitStatus afterStep(StepExecution step) {
                OutcomePartition p = OutcomePartition.of(step.getExecutionContext());
                LOG.info("partition {} (kpi run {}, orders {}): {} orders read, {} outcomes built by {}",
                        step.getStepName(), p.runId(), p.range(), step.getReadCount(), step.getWriteCount(),
                        step.getExecutionContext().getString(PartitionWorker.WORKER, "?"));
                return null;
            }
        };
    }
}
