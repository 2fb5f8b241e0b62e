package com.logisticskpi.jobs.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.logisticskpi.ingest.DataQualityRepository;
import com.logisticskpi.ingest.IngestException;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.IngestSummary;

/** Launches the {@code ingest} job synchronously with the JobOperator and returns the run's data quality. */
@Component
public class IngestJobRunner {

    /** A finished ingest run. */
    public record Outcome(long jobExecutionId, BatchStatus status, IngestSummary summary, String failure) {
        public boolean succeeded() {
            return status == BatchStatus.COMPLETED && !summary.hasFailures();
        }
    }

    private final JobOperator jobOperator;
    private final Job job;
    private final IngestService service;
    private final DataQualityRepository quality;

    public IngestJobRunner(JobOperator jobOperator, @Qualifier(IngestJobConfiguration.JOB_NAME) Job job, IngestService service,
                           DataQualityRepository quality) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.service = service;
        this.quality = quality;
    }

    /**
     * Runs the job for an inbox.
     *
     * @throws IngestException before launching when the inbox is missing or holds no export file
     */
    public Outcome run(Path inbox, ZoneId zone) {
        Path dir = inbox.toAbsolutePath().normalize();
        service.plan(dir); // fail fast, with the reason, on a missing or empty inbox
        JobParameters params = new JobParametersBuilder()
                .addString(IngestJobConfiguration.INBOX, dir.toString(), true)
                .addString(IngestJobConfiguration.LAUNCHED_AT, Instant.now().toString(), true)
                .addString(IngestJobConfiguration.ZONE, zone.getId(), false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(job, params);
        } catch (Exception e) {
            throw new IngestException("ingest job could not start: " + e.getMessage(), e);
        }
        IngestSummary summary = new IngestSummary(quality.forJobExecution(execution.getId()));
        String failure = null;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> errors = execution.getAllFailureExceptions();
            failure = summary.hasFailures() ? summary.failureLine()
                    : errors.isEmpty() ? "job ended " + execution.getStatus() : errors.get(0).getMessage();
        }
        return new Outcome(execution.getId(), execution.getStatus(), summary, failure);
    }
}
