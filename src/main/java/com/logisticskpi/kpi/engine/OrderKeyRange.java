package com.logisticskpi.kpi.engine;

/**
 * A half-open range of order ids [{@code from}, {@code to}) in the database's order of the order_id column; a null
 * bound is open. The outcome stage of a run can be split into such ranges and each built separately (in parallel
 * threads or on other machines): an order's outcome depends only on its own rows and the run's segments, so the
 * union of the ranges' outcomes equals the outcomes built in one pass.
 */
public record OrderKeyRange(String from, String to) {

    /** Every order. */
    public static final OrderKeyRange ALL = new OrderKeyRange(null, null);

    /** SQL condition on {@code column} for this range, with one '?' per non-null bound (from first). */
    String condition(String column) {
        StringBuilder sb = new StringBuilder();
        if (from != null) {
            sb.append(" AND ").append(column).append(" >= ?");
        }
        if (to != null) {
            sb.append(" AND ").append(column).append(" < ?");
        }
        return sb.toString();
    }

    /** Binds the non-null bounds starting at {@code index}; returns the next free index. */
    int bind(java.sql.PreparedStatement ps, int index) throws java.sql.SQLException {
        int i = index;
        if (from != null) {
            ps.setString(i++, from);
        }
        if (to != null) {
            ps.setString(i++, to);
        }
        return i;
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "" : from) + ", " + (to == null ? "" : to) + ")";
    }
}
