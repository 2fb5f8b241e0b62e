package com.logisticskpi.jobs.run;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.jobs.JobsProperties;
import com.logisticskpi.jobs.Retention;

/**
 * The scheduled job's retention, run by the archive step once the loaded files are archived: only what the product
 * wrote — files listed in the runs' manifests under the run's output base, and reject files of recorded export files —
 * older than the job's {@code retention-days}.
 */
@Component
public class RunRetention {

    static final String RECORDED_FILE = "SELECT 1 FROM ingest_file WHERE file_name = ? LIMIT 1";

    private final JdbcTemplate jdbc;
    private final JobsProperties jobs;
    private final AppProperties app;

    public RunRetention(JdbcTemplate jdbc, JobsProperties jobs, AppProperties app) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.app = app;
    }

    /** Applies retention for {@code run}; the line for the archive step's status. */
    public String apply(RunParameters.Run run) {
        Retention retention = new Retention(jobs.retentionPatterns());
        Instant now = Instant.now();
        Retention.Result purged = retention.purgeOutputs(run.outDir().getParent(), run.definition().retentionDays(), now)
                .plus(retention.purgeRejects(app.rejectsDir(), name -> !jdbc.queryForList(RECORDED_FILE, Integer.class,
                        name).isEmpty(), run.definition().retentionDays(), now));
        return "retention deleted " + purged.deleted().size() + " old file(s)";
    }
}
