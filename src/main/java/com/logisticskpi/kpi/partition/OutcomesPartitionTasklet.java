package com.logisticskpi.kpi.partition;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.logisticskpi.base.partition.PartitionWorker;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.service.KpiRunState;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.OrderKeyRange;

/**
 * The worker step of a partitioned KPI computation: builds the order outcomes of one order-key range of a prepared
 * kpi run ({@link KpiEngine#buildOutcomes}, one transaction, idempotent), with the run id, the request and the range
 * taken from the partition's execution context. Runs on a local thread or in a {@code ./kpi worker} process; it
 * records who ran it ({@link PartitionWorker#WORKER}) and passes the run checkpoint {@code outcomes:<n>} before the
 * process's n-th partition.
 */
public class OutcomesPartitionTasklet implements Tasklet {

    /** The run checkpoint passed before each partition ({@link com.logisticskpi.base.RunCheckpoint}). */
    public static final String HOOK = "outcomes";
    private static final Logger LOG = LoggerFactory.getLogger(OutcomesPartitionTasklet.class);

    private final KpiEngine engine;
    private final AppProperties app;
    private final JobRepository jobRepository;
    private final AtomicInteger calls = new AtomicInteger();

    public OutcomesPartitionTasklet(KpiEngine engine, AppProperties app, JobRepository jobRepository) {
        this.engine = engine;
        this.app = app;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext ctx = step.getExecutionContext();
        KpiRunState state = new KpiRunState(ctx);
        long runId = state.preparedRunId();
        KpiRequest request = state.request();
        OrderKeyRange range = KpiRunContext.range(ctx);
        String worker = PartitionWorker.startOnThisWorker(step, jobRepository, HOOK, calls.incrementAndGet(), app.dataDir());
        long orders = engine.buildOutcomes(runId, request, range);
        contribution.incrementWriteCount(orders);
        LOG.info("partition {} (kpi run {}, orders {}): {} outcomes built by {}", step.getStepName(), runId, range, orders,
                worker);
        return RepeatStatus.FINISHED;
    }
}
