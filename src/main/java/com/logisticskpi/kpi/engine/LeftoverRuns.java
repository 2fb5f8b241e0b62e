package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import com.logisticskpi.base.Leftover;

/**
 * The kpi_run rows left RUNNING by a run whose process died or whose step failed, and their abandonment: status
 * {@code ABANDONED} and their per-order details (outcomes, returns, segments, candidates, figures) deleted. Which
 * of them may be abandoned is the caller's decision (a run a restartable job execution can still resume must stay);
 * call it only while holding the writer lock, when no other process writes runs.
 */
@Component
public class LeftoverRuns {

    /** The details of a run, every one keyed by run_id. */
    static final String[] DETAIL_TABLES = {"order_outcome", "kpi_return", "kpi_segment", "kpi_candidate", "kpi_value",
            "kpi_driver"};

    /** A kpi_run still RUNNING. */
    public record RunningRun(long runId, Long jobExecutionId, LocalDate from, LocalDate to) {
    }

    private final DataSource dataSource;

    public LeftoverRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every RUNNING kpi_run, oldest first. */
    public List<RunningRun> running() {
        List<RunningRun> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT run_id, job_execution_id, from_date, to_date FROM kpi_run"
                     + " WHERE status = 'RUNNING' ORDER BY run_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long execution = rs.getLong(2);
                Long executionId = rs.wasNull() ? null : execution;
                runs.add(new RunningRun(rs.getLong(1), executionId, rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the running kpi runs: " + e.getMessage(), e);
        }
        return runs;
    }

    /**
     * Deletes detail rows that belong to runs already ABANDONED: a remote worker still running when its coordinator
     * died can write a range's outcomes after the run was abandoned. They count in no figure (no run reads an
     * abandoned run's rows), but they would stay on disk. One entry per run that had any; empty when none had.
     */
    public List<Leftover> sweepAbandoned() {
        // one grouped look per table (index on run_id), however many runs were ever abandoned; deletes only where found
        Map<Long, Long> found = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String table : DETAIL_TABLES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT run_id, COUNT(*) FROM " + table
                        + " WHERE run_id IN (SELECT run_id FROM kpi_run WHERE status = 'ABANDONED') GROUP BY run_id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.merge(rs.getLong(1), rs.getLong(2), Long::sum);
                    }
                }
            }
            List<Leftover> swept = new ArrayList<>();
            for (Map.Entry<Long, Long> run : found.entrySet()) {
                long deleted = 0;
                for (String table : DETAIL_TABLES) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                        ps.setLong(1, run.getKey());
                        deleted += ps.executeUpdate();
                    }
                }
                swept.add(new Leftover("kpi_run", run.getKey(), null, "kpi run " + run.getKey() + " (ABANDONED): "
                        + deleted + " detail rows written after it was abandoned (a worker still running) deleted"));
            }
            return swept;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sweep the abandoned kpi runs: " + e.getMessage(), e);
        }
    }

    /** Marks the run ABANDONED (if still RUNNING) and deletes its details, in one transaction; null if it was not. */
    public Leftover abandon(RunningRun run, String why) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE kpi_run SET status = 'ABANDONED' WHERE run_id = ? AND status = 'RUNNING'")) {
                    ps.setLong(1, run.runId());
                    updated = ps.executeUpdate();
                }
                long deleted = 0;
                if (updated == 1) {
                    for (String table : DETAIL_TABLES) {
                        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                            ps.setLong(1, run.runId());
                            deleted += ps.executeUpdate();
                        }
                    }
                }
                c.commit();
                return updated == 1 ? new Leftover("kpi_run", run.runId(), run.jobExecutionId(), "kpi run "
                        + run.runId() + " (" + run.from() + ".." + run.to() + ") left RUNNING, now ABANDONED: " + why
                        + "; " + deleted + " detail rows deleted") : null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot abandon kpi run " + run.runId() + ": " + e.getMessage(), e);
        }
    }
}
