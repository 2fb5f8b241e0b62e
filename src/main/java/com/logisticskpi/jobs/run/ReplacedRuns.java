package com.logisticskpi.jobs.run;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/** The unfinished runs of a job and date that a {@code --rerun} replaces (call it holding the run lock). */
final class ReplacedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacedRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    ReplacedRuns(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /**
     * A re-run replaces the earlier runs of the job and date that did not finish: their last executions (FAILED, or
     * STARTED by a process that is gone: the run lock is ours) become ABANDONED, so the kpi runs they prepared are
     * left-overs ({@link com.logisticskpi.jobs.LeftoverCleanup}) and {@code ./kpi restart} no longer resumes them.
     * {@code rerun} is the re-run number about to start or resume; the runs before it are the first launch (null)
     * and 1..rerun-1.
     */
    void abandon(String name, LocalDate date, long rerun) {
        for (long n = 0; n < rerun; n++) {
            JobExecution e = jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME,
                    RunParameters.identifying(name, date, n == 0 ? null : n));
            if (e == null || e.getStatus() == BatchStatus.COMPLETED || e.getStatus() == BatchStatus.ABANDONED) {
                continue;
            }
            if (e.getStatus().isRunning() || e.getStatus() == BatchStatus.UNKNOWN) {
                e = jobOperator.recover(e);
            }
            try {
                jobOperator.abandon(e);
                LOG.warn("execution {} of {} for {} (was {}) abandoned: a re-run replaces it", e.getId(), name, date,
                        e.getStatus());
            } catch (JobExecutionAlreadyRunningException running) {
                throw new KpiException(ExitCode.LOCKED, "execution " + e.getId() + " is still running: " + running.getMessage());
            }
        }
    }
}
