package com.logisticskpi.jobs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.Leftover;
import com.logisticskpi.base.db.DbTime;
import com.logisticskpi.ingest.IngestLeftovers;
import com.logisticskpi.kpi.engine.LeftoverRuns;

/**
 * Cleans what a process that died left behind; every writing command calls it right after taking the writer lock
 * ({@link RunLock#acquireWrites}), when no other process can be loading a file or building a run:
 * <ul>
 * <li>job executions left STARTED (or STARTING, STOPPING) are recovered: FAILED, like {@code JobOperator.recover}
 * (every job is launched under the writer lock, so none of them has a live process); a restart can resume them;</li>
 * <li>ingest_file rows left RUNNING become INTERRUPTED (their rows were rolled back with the process; the file is
 * loaded again by the next ingest);</li>
 * <li>kpi_run rows left RUNNING are ABANDONED, their per-order details deleted, unless a job execution can still
 * resume them: the newest run of a job instance that has not completed and whose last execution is not ABANDONED
 * stays for {@code ./kpi restart} / the same command (its outcome partitions resume after their last chunk). A run
 * without a job execution (an engine call outside a job) is left alone.</li>
 * </ul>
 * Each cleaned item is recorded in leftover_cleanup, which {@code ./kpi history} shows under the execution that left it.
 */
@Component
public class LeftoverCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverCleanup.class);
    static final String INSERT = "INSERT INTO leftover_cleanup (cleaned_at, cleaned_by, job_execution_id, item, item_id,"
            + " detail) VALUES (?, ?, ?, ?, ?, ?)";

    private final IngestLeftovers ingest;
    private final LeftoverRuns runs;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final JobOperator jobOperator;

    public LeftoverCleanup(IngestLeftovers ingest, LeftoverRuns runs, JobRepository jobRepository, JdbcTemplate jdbc,
                           JobOperator jobOperator) {
        this.jobOperator = jobOperator;
        this.ingest = ingest;
        this.runs = runs;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** Cleans and records the left-overs; {@code cleanedBy} names the command (e.g. "run nightly 2026-11-22"). */
    public List<Leftover> clean(String cleanedBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Leftover> cleaned = new ArrayList<>(recoverExecutions());
        cleaned.addAll(ingest.recover(now));
        Map<Long, Long> newestResumable = new HashMap<>();     // job instance id -> its newest RUNNING run
        List<LeftoverRuns.RunningRun> running = runs.running();
        for (LeftoverRuns.RunningRun r : running) {
            JobExecution e = execution(r.jobExecutionId());
            if (e != null && resumable(e)) {
                newestResumable.merge(e.getJobInstance().getInstanceId(), r.runId(), Math::max);
            }
        }
        for (LeftoverRuns.RunningRun r : running) {
            if (r.jobExecutionId() == null) {
                continue;
            }
            JobExecution e = execution(r.jobExecutionId());
            Long keep = e == null ? null : newestResumable.get(e.getJobInstance().getInstanceId());
            if (keep != null && keep == r.runId()) {
                LOG.info("kpi run {} left RUNNING by execution {} ({}): kept, a restart of that execution resumes it",
                        r.runId(), e.getId(), e.getStatus());
                continue;
            }
            String why = e == null ? "its job execution " + r.jobExecutionId() + " no longer exists"
                    : "execution " + e.getId() + " (" + e.getStatus() + ") cannot resume it";
            Leftover done = runs.abandon(r, why);
            if (done != null) {
                cleaned.add(done);
            }
        }
        cleaned.addAll(runs.sweepAbandoned());
        for (Leftover l : cleaned) {
            LOG.warn("left over by a process that ended: {} (cleaned by {})", l.detail(), cleanedBy);
            jdbc.update(INSERT, DbTime.literal(now), clip(cleanedBy, 200), l.jobExecutionId(), l.item(), l.itemId(),
                    clip(l.detail(), 1000));
        }
        return cleaned;
    }

    /** Marks the executions a dead process left running FAILED (their steps too). */
    private List<Leftover> recoverExecutions() {
        List<Leftover> recovered = new ArrayList<>();
        for (String job : jobRepository.getJobNames()) {
            for (JobExecution e : jobRepository.findRunningJobExecutions(job)) {
                BatchStatus was = e.getStatus();
                jobOperator.recover(e);
                recovered.add(new Leftover("job_execution", e.getId(), e.getId(), "execution " + e.getId() + " left "
                        + was + ", now FAILED: the process ended during the run (a restart resumes it)"));
            }
        }
        return recovered;
    }

    /** Its job instance has not completed and its last execution is not ABANDONED: a restart resumes it. */
    private boolean resumable(JobExecution e) {
        JobExecution last = null;
        for (JobExecution x : jobRepository.getJobExecutions(e.getJobInstance())) {
            if (x.getStatus() == BatchStatus.COMPLETED) {
                return false;
            }
            if (last == null || x.getId() > last.getId()) {
                last = x;
            }
        }
        return last != null && last.getStatus() != BatchStatus.ABANDONED;
    }

    private JobExecution execution(Long id) {
        if (id == null) {
            return null;
        }
        try {
            return jobRepository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException gone) {
            return null;
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
