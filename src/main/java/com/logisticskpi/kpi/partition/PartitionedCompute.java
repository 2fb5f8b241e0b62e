package com.logisticskpi.kpi.partition;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.TaskletSteps;
import com.logisticskpi.base.partition.PartitionHandlerFactory;
import com.logisticskpi.base.partition.PartitioningProperties;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.service.KpiRunState;

/**
 * The partitioned KPI computation the jobs are built from (nightly {@code scheduledReport} and {@code recompute}):
 * <ol>
 *   <li>a prepare step ({@link KpiEngine#prepare}: segments and candidate orders; the run id and the request go to
 *   the job's execution context),</li>
 *   <li>a partitioned step running {@link OutcomesPartitionConfiguration#OUTCOMES_WORKER_STEP} once per order-key range, on
 *   local threads or on remote workers ({@link PartitionHandlerFactory}),</li>
 *   <li>the job's finish step ({@code KpiService.finish}: every figure from the stored outcomes): the report jobs'
 *   {@link ReportFiguresStep}, the recompute job's {@code kpi.recompute.RecomputeTasklet}.</li>
 * </ol>
 * The outcome of an order depends only on its own rows and the run's segments, so the figures are the same whatever
 * the number of partitions and wherever they run.
 */
@Component
public class PartitionedCompute {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedCompute.class);

    private final JobRepository jobRepository;
    private final KpiEngine engine;
    private final PartitionHandlerFactory handlers;
    private final PartitioningProperties properties;
    private final Step outcomesWorkerStep;

    public PartitionedCompute(JobRepository jobRepository, KpiEngine engine, PartitionHandlerFactory handlers,
                              PartitioningProperties properties,
                              @Qualifier(OutcomesPartitionConfiguration.OUTCOMES_WORKER_STEP) Step outcomesWorkerStep) {
        this.jobRepository = jobRepository;
        this.engine = engine;
        this.handlers = handlers;
        this.properties = properties;
        this.outcomesWorkerStep = outcomesWorkerStep;
    }

    /** The prepare step: a kpi run for the request {@code requestOf} gives for the job execution. */
    public Step prepareStep(String name, Function<JobExecution, KpiRequest> requestOf, StepExecutionListener... listeners) {
        return prepareStep(name, requestOf, false, listeners);
    }

    /** The prepare step of a report job: a nightly run on the outcome store ({@link KpiEngine#prepareNightly}). */
    public Step prepareNightlyStep(String name, Function<JobExecution, KpiRequest> requestOf,
                                   StepExecutionListener... listeners) {
        return prepareStep(name, requestOf, true, listeners);
    }

    private Step prepareStep(String name, Function<JobExecution, KpiRequest> requestOf, boolean nightly,
                             StepExecutionListener... listeners) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
            KpiRequest request = requestOf.apply(job);
            long runId = nightly ? engine.prepareNightly(request, job.getId()) : engine.prepare(request, job.getId());
            new KpiRunState(job.getExecutionContext()).prepared(runId, request);
            LOG.info("kpi run {} prepared for {}..{} as of {}; outcomes in {} partitions on {}", runId, request.from(),
                    request.to(), request.asOf(), properties.partitions(), handlers.describe());
            return RepeatStatus.FINISHED;
        };
        return TaskletSteps.of(name, jobRepository, tasklet, listeners);
    }

    /** The partitioned outcomes step (manager side). */
    public Step outcomesStep(String name, StepExecutionListener... listeners) {
        PartitionHandler handler = handlers.handler(outcomesWorkerStep, properties.partitions());
        var b = new StepBuilder(name, jobRepository)
                .partitioner(OutcomesPartitionConfiguration.OUTCOMES_WORKER_STEP, grid -> {
                    throw new IllegalStateException("partitions come from the splitter");
                })
                .splitter(new OutcomesSplitter(jobRepository, engine, OutcomesPartitionConfiguration.OUTCOMES_WORKER_STEP))
                .partitionHandler(handler)
                .gridSize(properties.partitions());
        for (StepExecutionListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }
}
