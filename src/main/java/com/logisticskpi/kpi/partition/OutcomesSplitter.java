package com.logisticskpi.kpi.partition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.service.KpiRunState;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.OrderKeyRange;

/**
 * Splits the outcome stage of the kpi run prepared earlier in the same job (its id and request are in the job's
 * execution context) into order-key ranges of about equal size ({@link KpiEngine#partition}): one partition per
 * range, named {@code <worker step>:rangeNNN}, its context holding the run id, the request and the range. On a restart
 * the candidate orders are unchanged, so the same ranges come out under the same names: completed partitions are not
 * run again, failed ones are (Spring Batch's {@link SimpleStepExecutionSplitter} rules).
 */
final class OutcomesSplitter implements StepExecutionSplitter {

    private final JobRepository jobRepository;
    private final KpiEngine engine;
    private final String workerStepName;

    OutcomesSplitter(JobRepository jobRepository, KpiEngine engine, String workerStepName) {
        this.jobRepository = jobRepository;
        this.engine = engine;
        this.workerStepName = workerStepName;
    }

    @Override
    public String getStepName() {
        return workerStepName;
    }

    @Override
    public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
        KpiRunState job = new KpiRunState(stepExecution.getJobExecution().getExecutionContext());
        if (!job.hasPreparedRun()) {
            throw new JobExecutionException("no prepared kpi run in the job's execution context");
        }
        long runId = job.preparedRunId();
        KpiRequest request = job.request();
        return new SimpleStepExecutionSplitter(jobRepository, workerStepName, grid -> {
            List<OrderKeyRange> ranges = engine.partition(runId, grid);
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            for (int i = 0; i < ranges.size(); i++) {
                ExecutionContext ctx = new ExecutionContext();
                new KpiRunState(ctx).prepared(runId, request);
                KpiRunContext.putRange(ctx, ranges.get(i));
                contexts.put(String.format(java.util.Locale.ROOT, "range%03d", i), ctx);
            }
            return contexts;
        }).split(stepExecution, gridSize);
    }
}
