package com.logisticskpi.jobs.run;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.delivery.step.DeliverStep;
import com.logisticskpi.delivery.step.DeliveryOrder;
import com.logisticskpi.ingest.archive.ArchiveOrder;
import com.logisticskpi.ingest.archive.ArchiveStep;
import com.logisticskpi.ingest.partition.PartitionedIngest;
import com.logisticskpi.jobs.JobDefinition;
import com.logisticskpi.kpi.partition.PartitionedCompute;
import com.logisticskpi.kpi.partition.ReportFiguresStep;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.report.step.ReportStep;
import com.logisticskpi.report.step.ReportStepInput;

/**
 * The scheduled report job ({@code ./kpi run jobs/nightly.yml}; weekly and monthly use the same job with their
 * period): ingest (partitioned by file) -> compute (computePrepare, computeOutcomes partitioned by order-key range, compute) -> report ->
 * deliver -> archive, one Spring Batch job whose identifying parameters are
 * the job name and the business date (see {@link RunParameters}). This class only composes: each step is published
 * by its feature (ingest.partition, kpi.partition, report.step, delivery.step, ingest.archive) and reads what it needs
 * of the run as a small input record of its own, which the functions here build from {@link RunParameters.Run}; the
 * steps hand each other data through the typed run state ({@link RunState}) and show their progress through
 * {@link StepProgress}, attached here as a listener. A step that completed is not run again when a failed execution
 * is restarted, so a restart continues at the failed step.
 *
 * <p>The steps' "chunk" transactions are resourceless: each piece of work commits through its own service (one
 * transaction per ingested file, the KPI engine's own transactions), so no database transaction stays open across a
 * long step; the step bookkeeping goes through the job repository.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    /** The Spring Batch job name (BATCH_JOB_INSTANCE.JOB_NAME); the job file's name is the {@code job} parameter. */
    public static final String JOB_NAME = "scheduledReport";
    public static final String INGEST = "ingest";
    public static final String COMPUTE_PREPARE = "computePrepare";
    public static final String COMPUTE_OUTCOMES = "computeOutcomes";
    /** The figures step (the last of the three compute steps). */
    public static final String COMPUTE = "compute";
    public static final String REPORT = "report";
    public static final String DELIVER = "deliver";
    public static final String ARCHIVE = "archive";

    @Bean(name = JOB_NAME)
    public Job scheduledReportJob(JobRepository jobRepository, RunLogListener runLog, Step nightlyIngestStep,
                                  Step nightlyComputePrepareStep, Step nightlyComputeOutcomesStep, Step nightlyComputeStep, Step nightlyReportStep, Step nightlyDeliverStep,
                                  Step nightlyArchiveStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLog)
                .start(nightlyIngestStep)
                .next(nightlyComputePrepareStep)
                .next(nightlyComputeOutcomesStep)
                .next(nightlyComputeStep)
                .next(nightlyReportStep)
                .next(nightlyDeliverStep)
                .next(nightlyArchiveStep)
                .build();
    }

    /** One partition per inbox file: the orders files, then the others (local threads or remote workers). */
    @Bean
    public Step nightlyIngestStep(PartitionedIngest ingest, StepProgress progress) {
        return ingest.ingestStep(INGEST, progress);
    }

    /** The kpi run of the report: the period's last date back to the 13th month, as of the run's fixed as_of. */
    @Bean
    public Step nightlyComputePrepareStep(PartitionedCompute compute, KpiService kpiService, StepProgress progress) {
        return compute.prepareNightlyStep(COMPUTE_PREPARE, job -> {
            RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
            return kpiService.reportRequest(run.period().lastDate(), run.asOf(), run.zone(), null);
        }, progress);
    }

    /** The order outcomes, partitioned by order-key range (local threads or remote workers: kpi.partitioning). */
    @Bean
    public Step nightlyComputeOutcomesStep(PartitionedCompute compute, StepProgress progress) {
        return compute.outcomesStep(COMPUTE_OUTCOMES, progress);
    }

    /** Every figure of the kpi run ({@code kpi.partition.ReportFiguresStep}), for the period's last date. */
    @Bean
    public Step nightlyComputeStep(ReportFiguresStep figures, StepProgress progress) {
        return figures.step(COMPUTE, job -> {
            RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
            return new ReportFiguresStep.Input(run.period().lastDate(), run.period().label());
        }, progress);
    }

    /** The workbook, charts, CSVs and manifest ({@code report.step.ReportStep}) in the run's output directory. */
    @Bean
    public Step nightlyReportStep(ReportStep report, StepProgress progress) {
        return report.step(REPORT, job -> {
            RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
            return new ReportStepInput(run.period().lastDate(), run.period().type(), run.asOf(), run.zone(),
                    run.definition().locale(), run.definition().template(), run.outDir());
        }, progress);
    }

    /** The mail ({@code delivery.step.DeliverStep}) to the job's recipients, with the job's SMTP settings. */
    @Bean
    public Step nightlyDeliverStep(DeliverStep deliver, StepProgress progress) {
        return deliver.step(DELIVER, job -> {
            RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
            JobDefinition def = run.definition();
            return new DeliveryOrder(run.period().lastDate(), run.period().type(), run.asOf(), run.zone(), def.locale(),
                    def.template(), def.recipients(), def.subjectFor(run.period()), def.smtp(), def.attachmentMaxBytes());
        }, progress);
    }

    /**
     * The loaded inbox files to {@code <archive-dir>/<period>/} ({@code ingest.archive.ArchiveStep}), then the job's
     * retention ({@link RunRetention}) in the same step.
     */
    @Bean
    public Step nightlyArchiveStep(ArchiveStep archive, RunRetention retention, StepProgress progress) {
        return archive.step(ARCHIVE, job -> {
            RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
            Path target = run.definition().archiveDir().resolve(run.period().label()).toAbsolutePath().normalize();
            return new ArchiveOrder(run.inbox(), target, () -> retention.apply(run));
        }, progress);
    }
}
