package com.logisticskpi.jobs.recompute;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.logisticskpi.kpi.partition.PartitionedCompute;
import com.logisticskpi.kpi.recompute.RecomputeTasklet;

/**
 * The Spring Batch job {@code recompute}: the KPI engine for [from, to] as of as_of in three steps (recomputePrepare:
 * segments and candidates; recomputeOutcomes: the order outcomes partitioned by order-key range on local threads or
 * remote workers, see kpi.partitioning; recomputeKpis: every figure) and kpi-values.csv and orders-outcome.csv.
 * Identifying parameters: from, to, as_of, slice, zone (no incrementer: the same request twice is the same job
 * instance). This class only composes: the steps are the kpi feature's ({@link PartitionedCompute} and
 * {@link RecomputeTasklet}, which reads the job's parameters itself).
 */
@Configuration
public class RecomputeJobConfiguration {

    public static final String JOB_NAME = "recompute";

    @Bean
    public Job recomputeJob(JobRepository jobRepository, Step recomputePrepareStep, Step recomputeOutcomesStep,
                            Step recomputeStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(recomputePrepareStep).next(recomputeOutcomesStep)
                .next(recomputeStep).build();
    }

    @Bean
    public Step recomputePrepareStep(PartitionedCompute compute) {
        return compute.prepareStep("recomputePrepare", job -> RecomputeTasklet.request(job.getJobParameters()));
    }

    @Bean
    public Step recomputeOutcomesStep(PartitionedCompute compute) {
        return compute.outcomesStep("recomputeOutcomes");
    }

    @Bean
    public Step recomputeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              RecomputeTasklet tasklet) {
        return new StepBuilder("recomputeKpis", jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
