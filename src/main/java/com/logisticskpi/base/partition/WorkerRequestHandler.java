package com.logisticskpi.base.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.batch.core.step.StepLocator;

/**
 * The worker side of a partition request: Spring Batch's {@link StepExecutionRequestHandler} (locate the worker step
 * by name, execute the partition's step execution from the shared job repository), run only when the partition is
 * still waiting to start. A request whose partition is already running, finished or failed is skipped: that happens
 * when the broker redelivers the request of a worker that died (its partition stays STARTED until the manager's
 * timeout marks it FAILED and a restart creates a new partition execution) or delivers a request again after a
 * network failure, and running it twice would race with the restart.
 */
class WorkerRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRequestHandler.class);

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler delegate = new StepExecutionRequestHandler();

    WorkerRequestHandler(JobRepository jobRepository, StepLocator steps) {
        this.jobRepository = jobRepository;
        delegate.setJobRepository(jobRepository);
        delegate.setStepLocator(steps);
    }

    void handle(StepExecutionRequest request) {
        StepExecution current = jobRepository.getStepExecution(request.getStepExecutionId());
        if (current == null) {
            LOG.warn("partition request {}: no such step execution in this job repository (another database?): skipped",
                    request);
            return;
        }
        if (current.getStatus() != BatchStatus.STARTING) {
            LOG.warn("partition request {}: partition {} is {} (redelivered request): skipped", request,
                    current.getStepName(), current.getStatus());
            return;
        }
        LOG.info("partition {} (step execution {}) starting", current.getStepName(), current.getId());
        StepExecution done = delegate.handle(request);
        if (done.getStatus() != BatchStatus.COMPLETED) {
            LOG.warn("partition {} ended {}: {}", done.getStepName(), done.getStatus(), done.getFailureExceptions());
            StepExecution stored = jobRepository.getStepExecution(done.getId());
            if (stored != null && stored.getStatus().isRunning()) {
                // the step itself could not record its failure: record it so the manager sees it
                stored.setStatus(BatchStatus.FAILED);
                stored.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED);
                stored.setEndTime(java.time.LocalDateTime.now());
                jobRepository.update(stored);
            }
        } else {
            LOG.info("partition {} completed", done.getStepName());
        }
    }
}
