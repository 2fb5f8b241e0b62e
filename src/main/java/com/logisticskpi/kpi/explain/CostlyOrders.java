package com.logisticskpi.kpi.explain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.store.KpiRunRepository;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * The orders that cost a driver KPI the most in one period and slice value: the late orders (due in the period,
 * delivered late or overdue), or the inaccurate, damaged, documents-failed, imperfect, split or slow ones (delivered
 * in the period), or those with a return requested in the period; latest first (hours late, then cycle hours), at
 * most {@link #LIMIT}. Read from the run's stored order outcomes; column names come from fixed tables here and from
 * {@link Slice}, every value is a bound parameter.
 */
public final class CostlyOrders {

    public static final int LIMIT = 10;

    /** The failure condition of a KPI and the cohort column (without its day/week/month suffix) it is counted by. */
    private record Failure(String cohort, String condition) {
    }

    private static final Map<String, Failure> FAILURES = Map.of(
            Kpi.ON_TIME_RATE.id(), new Failure("due_", "state <> 'PENDING' AND (on_time IS NULL OR on_time = FALSE)"),
            Kpi.ORDER_ACCURACY.id(), new Failure("del_", "state = 'DELIVERED' AND (accurate IS NULL OR accurate = FALSE)"),
            Kpi.LINE_ACCURACY.id(), new Failure("del_", "state = 'DELIVERED' AND accurate_line_count < line_count"),
            Kpi.DAMAGE_RATE.id(), new Failure("del_", "state = 'DELIVERED' AND damaged = TRUE"),
            Kpi.DOCUMENTATION_ACCURACY.id(), new Failure("del_", "state = 'DELIVERED' AND (documents_ok IS NULL OR documents_ok = FALSE)"),
            Kpi.PERFECT_ORDER_RATE.id(), new Failure("del_", "state = 'DELIVERED' AND (perfect IS NULL OR perfect = FALSE)"),
            Kpi.SPLIT_SHIPMENT_RATE.id(), new Failure("del_", "state = 'DELIVERED' AND is_split = TRUE"),
            Kpi.CYCLE_WITHIN_TARGET_RATE.id(), new Failure("del_", "state = 'DELIVERED' AND (within_target IS NULL OR within_target = FALSE)"),
            Kpi.RETURN_RATE.id(), new Failure(null, "EXISTS (SELECT 1 FROM kpi_return r WHERE r.run_id = order_outcome.run_id"
                    + " AND r.order_id = order_outcome.order_id AND r.req_%s = ?)"));

    /** What {@link #find} returns: how many orders failed, and the costliest of them. */
    public record Result(long count, List<OrderOutcome> orders) {
    }

    private CostlyOrders() {
    }

    public static boolean knows(String kpi) {
        return FAILURES.containsKey(kpi);
    }

    /** The failed orders of {@code kpi} in the period with {@code slice} = {@code value}; empty for an unknown KPI. */
    public static Result find(DataSource ds, long runId, String kpi, PeriodType type, String period, Slice slice, String value) {
        Failure f = FAILURES.get(kpi);
        if (f == null) {
            return new Result(0, List.of());
        }
        String where = f.cohort() == null ? " AND " + f.condition().formatted(type.label())
                : " AND " + f.cohort() + type.label() + " = ? AND " + f.condition();
        where += " AND " + slice.column() + " = ?";
        String list = KpiRunRepository.OUTCOME_SQL + where
                + " ORDER BY COALESCE(late_us, 0) DESC, COALESCE(cycle_us, 0) DESC, order_id LIMIT " + LIMIT;
        String count = "SELECT COUNT(*) FROM order_outcome WHERE run_id = ?" + where;
        try (Connection c = ds.getConnection()) {
            long n;
            try (PreparedStatement ps = c.prepareStatement(count)) {
                bind(ps, runId, period, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            }
            List<OrderOutcome> orders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(list)) {
                bind(ps, runId, period, value);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(KpiRunRepository.outcome(rs));
                    }
                }
            }
            return new Result(n, orders);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the orders behind " + kpi + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, long runId, String period, String value) throws SQLException {
        ps.setLong(1, runId);
        ps.setString(2, period);
        ps.setString(3, value);
    }
}
