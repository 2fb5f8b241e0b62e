package com.logisticskpi.jobs.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.RunCheckpoints;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.service.ReportKpis;

/**
 * The last of the three compute steps (computePrepare, the partitioned computeOutcomes, this one): every KPI of the
 * kpi run prepared for the run's report ({@link KpiService#finishForReportDate}: the period's last date, as of the
 * run's fixed {@code as_of}) and the KPI run id in the job's {@link RunState}. A restart of this step
 * finishes the same kpi run (or reads it back when it was already completed), so the same figures.
 */
@Component
public class ComputeTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeTasklet.class);

    private final KpiService kpiService;
    private final StepProgress progress;
    private final AppProperties app;

    public ComputeTasklet(KpiService kpiService, StepProgress progress, AppProperties app) {
        this.kpiService = kpiService;
        this.progress = progress;
        this.app = app;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
        RunState state = RunState.of(job);
        ReportKpis kpis = kpiService.finishForReportDate(state.preparedRunId(), state.request(), run.period().lastDate());
        RunCheckpoints.reached(NightlyJobConfiguration.COMPUTE, 1, app.dataDir());
        state.finished(kpis.runId());
        contribution.incrementWriteCount(kpis.values().size());
        progress.advance(step, kpis.values().size());
        LOG.info("compute: kpi run {} for {} as of {}: {} figures", kpis.runId(), run.period().label(), run.asOf(),
                kpis.values().size());
        return RepeatStatus.FINISHED;
    }
}
