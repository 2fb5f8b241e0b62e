package com.logisticskpi.kpi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.stereotype.Repository;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.KpiValueOrder;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.SliceFilter;

/** Reads stored KPI runs: kpi_run, kpi_value and the per-run order_outcome. */
@Repository
public class KpiRunRepository {

    /** One kpi_run row. */
    public record KpiRun(long runId, Long jobExecutionId, Instant createdAt, Instant asOf, ZoneId zone, LocalDate from,
                         LocalDate to, String sliceFilter, String status, long orderCount, long valueCount) {
    }

    private static final String RUN_COLUMNS = "run_id, job_execution_id, created_at, as_of, zone_id, from_date, to_date,"
            + " slice_filter, status, order_count, value_count";

    /** The columns of an order outcome ({@link #outcome(ResultSet)} reads them), for one run: bind run_id first. */
    public static final String OUTCOME_SQL = """
            SELECT order_id, customer_id, order_time, due_time, due_date, state, delivered_at, delivery_date, on_time,
                   accurate, damaged, documents_ok, perfect, is_split, line_count, accurate_line_count, cycle_us,
                   dispatch_us, late_us, warehouse, carrier, region, channel, segment
              FROM order_outcome WHERE run_id = ?
            """;

    private final DataSource dataSource;

    public KpiRunRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<KpiRun> run(long runId) {
        return runs("SELECT " + RUN_COLUMNS + " FROM kpi_run WHERE run_id = ?", runId).stream().findFirst();
    }

    /** The latest completed run of a Spring Batch job execution. */
    public Optional<KpiRun> runOfJobExecution(long jobExecutionId) {
        List<KpiRun> runs = runs("SELECT " + RUN_COLUMNS + " FROM kpi_run WHERE job_execution_id = ? AND status = 'COMPLETED'"
                + " ORDER BY run_id DESC", jobExecutionId);
        return runs.stream().findFirst();
    }

    /** Every figure of a run, sorted as in kpi-values.csv. */
    public List<KpiValue> values(long runId) {
        try (Connection c = dataSource.getConnection()) {
            return values(c, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading kpi_value of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Every figure of a run read on the caller's connection (inside its transaction), sorted as in kpi-values.csv. */
    public static List<KpiValue> values(Connection c, long runId) throws SQLException {
        String sql = "SELECT period_type, period_label, slice_name, slice_value, kpi, numerator, denominator, kpi_val"
                + " FROM kpi_value WHERE run_id = ?";
        List<KpiValue> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KpiValue(PeriodType.fromLabel(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Jdbc.getDouble(rs, "numerator"), Jdbc.getLong(rs, "denominator"),
                            rs.getDouble(8)));
                }
            }
        }
        out.sort(KpiValueOrder.ORDER);
        return out;
    }

    /**
     * Streams the run's order outcomes sorted by order_id (one at a time, bounded memory), optionally only those
     * passing a slice filter.
     */
    public void forEachOutcome(long runId, SliceFilter filter, Consumer<OrderOutcome> consumer) {
        String sql = OUTCOME_SQL + (filter == null ? "" : " AND " + filter.slice().column() + " = ?") + " ORDER BY run_id, order_id";
        try (Connection c = dataSource.getConnection(); Jdbc.LazyReads lazy = Jdbc.lazyReads(c);
             PreparedStatement ps = Jdbc.streaming(c, sql)) {
            ps.setLong(1, runId);
            if (filter != null) {
                ps.setString(2, filter.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(outcome(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading order_outcome of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The run's outcomes in a list (for small runs and tests; prefer {@link #forEachOutcome}). */
    public List<OrderOutcome> outcomes(long runId) {
        List<OrderOutcome> out = new ArrayList<>();
        forEachOutcome(runId, null, out::add);
        return out;
    }

    /** Reads the current row of a result set selected with {@link #OUTCOME_SQL}. */
    public static OrderOutcome outcome(ResultSet rs) throws SQLException {
        return new OrderOutcome(rs.getString("order_id"), rs.getString("customer_id"), Jdbc.getInstant(rs, "order_time"),
                Jdbc.getInstant(rs, "due_time"), Jdbc.getDate(rs, "due_date"), OrderOutcome.State.valueOf(rs.getString("state")),
                Jdbc.getInstant(rs, "delivered_at"), Jdbc.getDate(rs, "delivery_date"), Jdbc.getBoolean(rs, "on_time"),
                Jdbc.getBoolean(rs, "accurate"), Jdbc.getBoolean(rs, "damaged"), Jdbc.getBoolean(rs, "documents_ok"),
                Jdbc.getBoolean(rs, "perfect"), Jdbc.getBoolean(rs, "is_split"), rs.getInt("line_count"),
                rs.getInt("accurate_line_count"), hours(Jdbc.getLong(rs, "cycle_us")), hours(Jdbc.getLong(rs, "dispatch_us")),
                hours(Jdbc.getLong(rs, "late_us")), rs.getString("warehouse"), rs.getString("carrier"), rs.getString("region"),
                rs.getString("channel"), rs.getString("segment"));
    }

    private static Double hours(Long micros) {
        return micros == null ? null : micros / 3_600_000_000d;
    }

    private List<KpiRun> runs(String sql, long id) {
        List<KpiRun> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KpiRun(rs.getLong("run_id"), Jdbc.getLong(rs, "job_execution_id"), Jdbc.getInstant(rs, "created_at"),
                            Jdbc.getInstant(rs, "as_of"), ZoneId.of(rs.getString("zone_id")), Jdbc.getDate(rs, "from_date"),
                            Jdbc.getDate(rs, "to_date"), rs.getString("slice_filter"), rs.getString("status"),
                            rs.getLong("order_count"), rs.getLong("value_count")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading kpi_run " + id + ": " + e.getMessage(), e);
        }
        return out;
    }
}
