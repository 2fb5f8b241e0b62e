package com.logisticskpi.kpi.drivers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Repository;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.PeriodType;

/** The kpi_driver rows of a run: written by the engine with its figures, read back by the report and {@code kpi explain}. */
@Repository
public class DriverStore {

    private static final String COLUMNS = "period_type, period_label, previous_label, kpi, slice_name, slice_value, numerator,"
            + " denominator, prev_numerator, prev_denominator, rate_effect, mix_effect, change_contrib, target_gap";

    private final DataSource dataSource;

    public DriverStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a run's rows on the caller's connection (inside its transaction), in batches of {@code batchSize}. */
    public static void insert(Connection c, long runId, List<DriverRow> rows, int batchSize) throws SQLException {
        String sql = "INSERT INTO kpi_driver (run_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (DriverRow r : rows) {
                ps.setLong(1, runId);
                ps.setString(2, r.periodType().label());
                ps.setString(3, r.period());
                ps.setString(4, r.previousPeriod());
                ps.setString(5, r.kpi());
                ps.setString(6, r.slice());
                ps.setString(7, r.sliceValue());
                ps.setDouble(8, r.numerator());
                ps.setLong(9, r.denominator());
                ps.setDouble(10, r.previousNumerator());
                ps.setLong(11, r.previousDenominator());
                ps.setDouble(12, r.rateEffect());
                ps.setDouble(13, r.mixEffect());
                ps.setDouble(14, r.changeContribution());
                Jdbc.setDouble(ps, 15, r.targetGapContribution());
                ps.addBatch();
                if (++pending == batchSize) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Every driver row of a run, in {@link DriverAnalysis#ORDER}. */
    public List<DriverRow> rows(long runId) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading kpi_driver of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Every driver row of a run read on the caller's connection, in {@link DriverAnalysis#ORDER}. */
    public static List<DriverRow> rows(Connection c, long runId) throws SQLException {
        List<DriverRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kpi_driver WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DriverRow(PeriodType.fromLabel(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getLong(8),
                            rs.getDouble(9), rs.getLong(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13),
                            Jdbc.getDouble(rs, "target_gap")));
                }
            }
        }
        out.sort(DriverAnalysis.ORDER);
        return out;
    }
}
