package com.logisticskpi.history;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Recent job executions of every job, read from the BATCH_* tables (same SQL on H2 and MySQL/MariaDB). The read and
 * written totals sum the job's steps; the partitions of a partitioned step ({@code <worker step>:<partition>}) are left
 * out, as their manager step already holds their sums.
 */
@Repository
public class JobHistoryRepository {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static final String RECENT = """
            SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME,
                   (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS READ_TOTAL,
                   (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS WRITE_TOTAL
            FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            ORDER BY e.JOB_EXECUTION_ID DESC
            LIMIT ?""";
    static final String IDENTIFYING_PARAMS = """
            SELECT PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
            WHERE JOB_EXECUTION_ID = ? AND IDENTIFYING = 'Y'""";

    static final String CLEANED = """
            SELECT cleaned_at, cleaned_by, detail FROM leftover_cleanup WHERE job_execution_id = ?
            ORDER BY cleanup_id""";

    static final String SCHEDULED_REPORT = com.logisticskpi.jobs.run.NightlyJobConfiguration.JOB_NAME;

    private final JdbcTemplate jdbc;

    public JobHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What later commands cleaned up after execution {@code executionId}'s process ended (a load left RUNNING, a kpi
     * run no restart can resume), oldest first, one line each: when, by which command, what.
     */
    public List<String> cleanedAfter(long executionId) {
        // always with seconds (LocalDateTime.toString() drops ":00")
        return jdbc.query(CLEANED, (rs, i) -> "cleaned " + SECONDS.format(rs.getObject(1, LocalDateTime.class))
                + " by " + rs.getString(2) + ": " + rs.getString(3), executionId);
    }

    /**
     * The kpi runs of execution {@code executionId}, one line each: run id, how it got its outcomes (FULL, INCREMENTAL:
     * docs/kpi-engine.md "What a night recomputes", REBUILD), how many outcomes it built and how many figures it wrote.
     */
    public List<String> kpiRuns(long executionId) {
        return jdbc.query("SELECT run_id, run_mode, outcomes_rebuilt, order_count, value_count, status FROM kpi_run"
                + " WHERE job_execution_id = ? ORDER BY run_id", (rs, i) -> {
                    String mode = rs.getString(2) == null ? "FULL" : rs.getString(2);
                    long built = rs.getObject(3) == null ? rs.getLong(4) : rs.getLong(3);
                    return "kpi run " + rs.getLong(1) + " " + mode + " " + rs.getString(6) + ": " + built
                            + " outcomes built, " + rs.getLong(5) + " figures";
                }, executionId);
    }

    /** The {@code limit} most recent executions, newest first. */
    public List<JobRun> recent(int limit) {
        List<JobRun> runs = new ArrayList<>();
        jdbc.query(RECENT, rs -> {
            long id = rs.getLong(1);
            runs.add(new JobRun(id, rs.getString(2), rs.getString(3), null,
                    rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class),
                    rs.getLong(6), rs.getLong(7)));
        }, limit);
        List<JobRun> out = new ArrayList<>(runs.size());
        for (JobRun r : runs) {
            Map<String, String> params = new TreeMap<>();
            jdbc.query(IDENTIFYING_PARAMS, rs -> {
                params.put(rs.getString(1), rs.getString(2));
            }, r.executionId());
            StringBuilder p = new StringBuilder();
            params.forEach((k, v) -> p.append(p.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            // the scheduled report job (kpi run) shows the job file's name: nightly, weekly, monthly
            String name = SCHEDULED_REPORT.equals(r.jobName()) && params.containsKey("job") ? params.get("job") : r.jobName();
            out.add(new JobRun(r.executionId(), name, r.status(), p.toString(), r.start(), r.end(),
                    r.readCount(), r.writeCount()));
        }
        return out;
    }
}
