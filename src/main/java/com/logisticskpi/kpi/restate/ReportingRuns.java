package com.logisticskpi.kpi.restate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.logisticskpi.base.db.Jdbc;

/**
 * The KPI runs whose figures went out in a report (docs/kpi-engine.md, "As reported and restatements"): a completed,
 * unsliced kpi run prepared by the scheduled report job ({@code ./kpi run}, Spring Batch job {@value #JOB_NAME}) of
 * which a report step completed in some execution of the same job instance (a restart finishes the same kpi run).
 * Runs of {@code recompute}, {@code explain} and ad-hoc {@code ./kpi report} calls were never mailed to anyone and
 * are not reports: a quality team recomputing a range never restates anything by doing so.
 */
@Repository
public class ReportingRuns {

    /** The scheduled report job's name (NightlyJobConfiguration.JOB_NAME; the jobs layer is not imported here). */
    static final String JOB_NAME = "scheduledReport";
    static final String REPORT_STEP = "report";

    private static final String SELECT = """
            SELECT r.run_id, r.job_execution_id, r.as_of, r.zone_id, r.to_date,
                   (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                     WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'job') AS job
              FROM kpi_run r
              JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = r.job_execution_id
              JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
             WHERE r.status = 'COMPLETED' AND r.slice_filter IS NULL AND i.JOB_NAME = '%s'
               AND EXISTS (SELECT 1 FROM BATCH_STEP_EXECUTION s
                             JOIN BATCH_JOB_EXECUTION e2 ON e2.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                            WHERE e2.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND s.STEP_NAME = '%s' AND s.STATUS = 'COMPLETED')
            """.formatted(JOB_NAME, REPORT_STEP);

    private final JdbcTemplate jdbc;

    public ReportingRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The reporting run {@code runId}, if it is one. */
    public Optional<ReportingRun> of(long runId) {
        return jdbc.query(SELECT + " AND r.run_id = ?", ReportingRuns::row, runId).stream().findFirst();
    }

    /**
     * The last report before the run {@code runId} (prepared before it, as of no later than {@code asOf}): the report
     * whose figures a later run is compared with.
     */
    public Optional<ReportingRun> previous(long runId, java.time.Instant asOf) {
        return jdbc.query(SELECT + " AND r.run_id < ? AND r.as_of <= ? ORDER BY r.as_of DESC, r.run_id DESC",
                (ps) -> {
                    ps.setLong(1, runId);
                    Jdbc.setInstant(ps, 2, asOf);
                }, ReportingRuns::row).stream().findFirst();
    }

    /** Every reporting run of a report date on or after {@code since} (null: every one), oldest first. */
    public List<ReportingRun> since(LocalDate since) {
        if (since == null) {
            return jdbc.query(SELECT + " ORDER BY r.run_id", ReportingRuns::row);
        }
        return jdbc.query(SELECT + " AND r.to_date >= ? ORDER BY r.run_id", ps -> Jdbc.setDate(ps, 1, since),
                ReportingRuns::row);
    }

    /** The newest reporting run. */
    public Optional<ReportingRun> latest() {
        return jdbc.query(SELECT + " ORDER BY r.run_id DESC", ReportingRuns::row).stream().findFirst();
    }

    private static ReportingRun row(ResultSet rs, int n) throws SQLException {
        String job = rs.getString("job");
        return new ReportingRun(rs.getLong("run_id"), rs.getLong("job_execution_id"), job == null ? "?" : job,
                Jdbc.getDate(rs, "to_date"), Jdbc.getInstant(rs, "as_of"), ZoneId.of(rs.getString("zone_id")));
    }
}
