package com.logisticskpi.base.partition;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * Spring Batch's {@link MessageChannelPartitionHandler} in its "poll the shared job repository" mode (workers send no
 * reply: they record their partitions' outcome in the job repository), plus what a dead worker needs: when a
 * partition has not finished within {@code kpi.partitioning.timeout}, it is marked FAILED in the job repository (a
 * partition left STARTED could never be restarted: Spring Batch refuses to restart a step it believes is still
 * running) and the step fails naming the lost partitions. Restarting the job then runs exactly the failed partitions
 * again; workers skip a request whose partition is no longer waiting to start ({@link WorkerRequestHandler}).
 */
class LostPartitionsHandler extends MessageChannelPartitionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LostPartitionsHandler.class);

    private final JobRepository jobRepository;
    private final Duration timeout;

    LostPartitionsHandler(JobRepository jobRepository, Duration timeout) {
        this.jobRepository = jobRepository;
        this.timeout = timeout;
        setJobRepository(jobRepository);
        setTimeout(timeout.toMillis());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
            throws Exception {
        try {
            return super.doHandle(managerStepExecution, partitions);
        } catch (TimeoutException e) {
            List<String> lost = new ArrayList<>();
            for (StepExecution p : partitions) {
                StepExecution current = jobRepository.getStepExecution(p.getId());
                if (current != null && current.getStatus().isRunning()) {
                    String by;
                    if (current.getExecutionContext().containsKey(PartitionWorker.WORKER)) {
                        by = " (started by worker " + current.getExecutionContext().getString(PartitionWorker.WORKER) + ")";
                    } else if (current.getStatus() == BatchStatus.STARTING) {
                        by = " (no worker took it)";
                    } else {
                        by = " (started by a worker)";
                    }
                    current.setStatus(BatchStatus.FAILED);
                    current.setExitStatus(ExitStatus.FAILED.addExitDescription("no result within kpi.partitioning.timeout "
                            + timeout + by));
                    current.setEndTime(LocalDateTime.now());
                    jobRepository.update(current);
                    lost.add(current.getStepName() + by);
                }
            }
            LOG.error("partitioned step {}: {} partition(s) did not finish within {}: {}", managerStepExecution.getStepName(),
                    lost.size(), timeout, lost);
            throw new IllegalStateException(lost.size() + " partition(s) did not finish within kpi.partitioning.timeout "
                    + timeout + " (worker dead or none running?): " + String.join(", ", lost)
                    + "; they are marked FAILED, restart the job to run them again");
        }
    }
}
