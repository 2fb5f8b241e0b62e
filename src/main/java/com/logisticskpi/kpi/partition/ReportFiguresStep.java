package com.logisticskpi.kpi.partition;

import java.time.LocalDate;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.RunCheckpoints;
import com.logisticskpi.base.TaskletSteps;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.service.KpiRunState;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.service.ReportKpis;

/**
 * The last of the three compute steps of a report job ({@link PartitionedCompute#prepareStep}, the partitioned
 * {@link PartitionedCompute#outcomesStep}, this one): every KPI of the kpi run prepared for the report
 * ({@link KpiService#finishForReportDate}: the report date, as of the run's fixed {@code as_of}) and the KPI run id in
 * the job's {@link KpiRunState}. A restart of this step finishes the same kpi run (or reads it back when it was already
 * completed), so the same figures. Its write count is the number of figures (what a progress listener shows).
 */
@Component
public class ReportFiguresStep {

    /** The run checkpoint this step announces once, after the figures are computed ({@code compute:1}). */
    public static final String CHECKPOINT = "compute";
    private static final Logger LOG = LoggerFactory.getLogger(ReportFiguresStep.class);

    /** What the step needs of its job: the report date and the period's label (for the log line). */
    public record Input(LocalDate reportDate, String periodLabel) {
    }

    private final JobRepository jobRepository;
    private final KpiService kpiService;
    private final AppProperties app;

    public ReportFiguresStep(JobRepository jobRepository, KpiService kpiService, AppProperties app) {
        this.jobRepository = jobRepository;
        this.kpiService = kpiService;
        this.app = app;
    }

    /** The step {@code name}, reading its {@link Input} from the job execution through {@code inputOf}. */
    public Step step(String name, Function<JobExecution, Input> inputOf, StepExecutionListener... listeners) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
            Input input = inputOf.apply(job);
            KpiRunState state = new KpiRunState(job.getExecutionContext());
            ReportKpis kpis = kpiService.finishForReportDate(state.preparedRunId(), state.request(), input.reportDate());
            RunCheckpoints.reached(CHECKPOINT, 1, app.dataDir());
            state.finished(kpis.runId());
            contribution.incrementWriteCount(kpis.values().size());
            LOG.info("compute: kpi run {} for {} as of {}: {} figures", kpis.runId(), input.periodLabel(),
                    state.request().asOf(), kpis.values().size());
            return RepeatStatus.FINISHED;
        };
        return TaskletSteps.of(name, jobRepository, tasklet, listeners);
    }
}
