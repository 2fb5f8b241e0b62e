package com.logisticskpi.kpi.recompute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.SliceFilter;

/**
 * The values a slice takes among the orders of a run (every candidate order of the range, whatever the filter): a
 * {@code --slice} value outside them is a typo, not an empty result.
 */
@Component
public class SliceValues {

    /** {@code %s} is {@link Slice#column()}, a fixed identifier, never user input. */
    static final String DISTINCT_VALUES = "SELECT DISTINCT %s FROM order_outcome WHERE run_id = ? ORDER BY 1";

    private final DataSource dataSource;

    public SliceValues(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The distinct values of {@code slice} among the run's orders, sorted. */
    public List<String> of(long runId, Slice slice) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(DISTINCT_VALUES.formatted(slice.column()))) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the " + slice.label() + " values of run " + runId + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Throws {@link UnknownSliceValueException} when the filter's value is not among the run's values. */
    public void check(long runId, SliceFilter filter) {
        List<String> known = of(runId, filter.slice());
        if (!known.contains(filter.value())) {
            throw new UnknownSliceValueException(filter, known);
        }
    }

    /** A {@code --slice} value no order of the range has; the message lists the values that exist. */
    public static final class UnknownSliceValueException extends RuntimeException {
        public UnknownSliceValueException(SliceFilter filter, List<String> known) {
            super("no order of the range has " + filter + "; known " + filter.slice().label() + " values: "
                    + (known.isEmpty() ? "none (no orders in the range)" : String.join(", ", known)));
        }
    }
}
