package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.KpiValue;

/** The run tables' bookkeeping: kpi_run (insert, COMPLETED, FAILED), kpi_value, and the purge of old runs' details. */
final class RunTables {

    private RunTables() {
    }

    static long insertRun(Connection c, KpiRequest r, Long jobExecutionId, Instant createdAt) throws SQLException {
        String sql = "INSERT INTO kpi_run (job_execution_id, created_at, as_of, zone_id, from_date, to_date, slice_filter, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING')";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.setLong(ps, 1, jobExecutionId);
            Jdbc.setInstant(ps, 2, createdAt);
            Jdbc.setInstant(ps, 3, r.asOf());
            ps.setString(4, r.zone().getId());
            Jdbc.setDate(ps, 5, r.from());
            Jdbc.setDate(ps, 6, r.to());
            ps.setString(7, r.filter() == null ? null : r.filter().toString());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void insertValues(Connection c, long runId, List<KpiValue> values, int batchSize) throws SQLException {
        String sql = "INSERT INTO kpi_value (run_id, period_type, period_label, slice_name, slice_value, kpi, numerator,"
                + " denominator, kpi_val) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JdbcBatch b = new JdbcBatch(ps, batchSize);
            for (KpiValue v : values) {
                ps.setLong(1, runId);
                ps.setString(2, v.periodType().label());
                ps.setString(3, v.period());
                ps.setString(4, v.slice());
                ps.setString(5, v.sliceValue());
                ps.setString(6, v.kpi());
                Jdbc.setDouble(ps, 7, v.numerator());
                Jdbc.setLong(ps, 8, v.denominator());
                ps.setDouble(9, v.value());
                b.add();
            }
            b.flush();
        }
    }

    static void markDone(Connection c, long runId, long orders, long values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE kpi_run SET status = 'COMPLETED', order_count = ?, value_count = ? WHERE run_id = ?")) {
            ps.setLong(1, orders);
            ps.setLong(2, values);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    /** Deletes the per-order details of finished runs older than the {@code keep} most recent runs. */
    static void purgeDetails(Connection c, long runId, int keep) throws SQLException {
        long threshold;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT run_id FROM kpi_run WHERE run_id <= ? ORDER BY run_id DESC LIMIT 1 OFFSET ?")) {
            ps.setLong(1, runId);
            ps.setInt(2, keep - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                threshold = rs.getLong(1);
            }
        }
        for (String table : new String[] {"order_outcome", "kpi_return", "kpi_segment", "kpi_candidate"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id IN (SELECT run_id"
                    + " FROM kpi_run WHERE run_id < ? AND status <> 'RUNNING')")) {
                ps.setLong(1, threshold);
                ps.executeUpdate();
            }
        }
    }

    static void markFailed(Connection c, long runId) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kpi_run SET status = 'FAILED' WHERE run_id = ?")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // best effort
        }
    }

    /** Records how the run gets its outcomes and, for a run on the store, the ingest watermark it saw. */
    static void setMode(Connection c, long runId, RunMode mode, Long fileWatermark) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kpi_run SET run_mode = ?, file_watermark = ? WHERE run_id = ?")) {
            ps.setString(1, mode.name());
            Jdbc.setLong(ps, 2, fileWatermark);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    /** How the run gets its outcomes (runs stored before run_mode existed are FULL). */
    static RunMode mode(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT run_mode FROM kpi_run WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                String mode = rs.next() ? rs.getString(1) : null;
                return mode == null ? RunMode.FULL : RunMode.valueOf(mode);
            }
        }
    }

    static long fileWatermark(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT file_watermark FROM kpi_run WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A stored run's status and its [from, to]. */
    record StatusAndRange(String status, java.time.LocalDate from, java.time.LocalDate to) {
    }

    /** The status and [from, to] of a run, or null when there is no such run. */
    static StatusAndRange statusAndRange(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status, from_date, to_date FROM kpi_run WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StatusAndRange(rs.getString(1), Jdbc.getDate(rs, "from_date"),
                        Jdbc.getDate(rs, "to_date")) : null;
            }
        }
    }

    static void setRebuilt(Connection c, long runId, long rebuilt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kpi_run SET outcomes_rebuilt = ? WHERE run_id = ?")) {
            ps.setLong(1, rebuilt);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    static long outcomeCount(Connection c, long runId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM order_outcome WHERE run_id = ?", runId);
    }

    static long count(Connection c, String sql, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
