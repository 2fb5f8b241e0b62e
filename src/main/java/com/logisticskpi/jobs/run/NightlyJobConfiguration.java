package com.logisticskpi.jobs.run;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.logisticskpi.ingest.partition.PartitionedIngest;
import com.logisticskpi.kpi.partition.PartitionedCompute;
import com.logisticskpi.kpi.service.KpiService;

/**
 * The scheduled report job ({@code ./kpi run jobs/nightly.yml}; weekly and monthly use the same job with their
 * period): ingest (partitioned by file) -> compute (computePrepare, computeOutcomes partitioned by order-key range, compute) -> report ->
 * deliver -> archive, one Spring Batch job whose identifying parameters are
 * the job name and the business date (see {@link RunParameters}). Every step is a tasklet step; a step that completed
 * is not run again when a failed execution is restarted, so a restart continues at the failed step.
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
        return compute.prepareStep(COMPUTE_PREPARE, job -> {
            RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
            return kpiService.reportRequest(run.period().lastDate(), run.asOf(), run.zone(), null);
        }, progress);
    }

    /** The order outcomes, partitioned by order-key range (local threads or remote workers: kpi.partitioning). */
    @Bean
    public Step nightlyComputeOutcomesStep(PartitionedCompute compute, StepProgress progress) {
        return compute.outcomesStep(COMPUTE_OUTCOMES, progress);
    }

    @Bean
    public Step nightlyComputeStep(JobRepository jobRepository, ComputeTasklet tasklet, StepProgress progress) {
        return step(COMPUTE, jobRepository, tasklet, progress);
    }

    @Bean
    public Step nightlyReportStep(JobRepository jobRepository, ReportTasklet tasklet, StepProgress progress) {
        return step(REPORT, jobRepository, tasklet, progress);
    }

    @Bean
    public Step nightlyDeliverStep(JobRepository jobRepository, DeliverTasklet tasklet, StepProgress progress) {
        return step(DELIVER, jobRepository, tasklet, progress);
    }

    @Bean
    public Step nightlyArchiveStep(JobRepository jobRepository, ArchiveTasklet tasklet, StepProgress progress) {
        return step(ARCHIVE, jobRepository, tasklet, progress);
    }

    private static Step step(String name, JobRepository repo, org.springframework.batch.core.step.tasklet.Tasklet tasklet,
                             StepProgress progress) {
        return new StepBuilder(name, repo).tasklet(tasklet, new ResourcelessTransactionManager()).listener(progress).build();
    }
}
