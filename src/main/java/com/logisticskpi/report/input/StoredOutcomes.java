package com.logisticskpi.report.input;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.store.KpiRunRepository;

/**
 * Streams a stored run's {@code order_outcome} rows for the workbook through database cursors (one order in memory
 * at a time). Every {@link Iterable} handed out opens a new cursor per {@code iterator()}; a cursor closes itself
 * when read to the end, and {@link #close()} closes whatever is still open (the provider calls it when the
 * workbook is written, whatever happened).
 */
final class StoredOutcomes implements AutoCloseable {

    /** The delivered cohort of a month (by the local month label of the delivery date). */
    static final String DELIVERED_IN_MONTH = KpiRunRepository.OUTCOME_SQL
            + " AND state = 'DELIVERED' AND del_month = ? ORDER BY run_id, order_id";
    /**
     * The orders of a month: due in it or delivered in it. Exceptions are filtered from these in Java with
     * {@link OrderOutcome#isException()} (one definition), the longest late first.
     */
    static final String OF_MONTH_BY_HOURS_LATE = KpiRunRepository.OUTCOME_SQL
            + " AND (due_month = ? OR del_month = ?)"
            + " ORDER BY CASE WHEN late_us IS NULL THEN 1 ELSE 0 END, late_us DESC, order_id";
    static final String OF_MONTH = KpiRunRepository.OUTCOME_SQL + " AND (due_month = ? OR del_month = ?) ORDER BY run_id, order_id";

    private final DataSource dataSource;
    private final long runId;
    private final String month;
    private final List<Cursor> open = new ArrayList<>();
    private boolean closed;

    StoredOutcomes(DataSource dataSource, long runId, String month) {
        this.dataSource = dataSource;
        this.runId = runId;
        this.month = month;
    }

    /** The delivered cohort of the month (histogram). */
    Iterable<OrderOutcome> delivered() {
        return () -> open(DELIVERED_IN_MONTH, o -> true, month);
    }

    /** The month's exception orders, hours late descending, then order id. */
    Iterable<OrderOutcome> exceptions() {
        return () -> open(OF_MONTH_BY_HOURS_LATE, OrderOutcome::isException, month, month);
    }

    /** Every outcome of the month's due and delivered cohorts, by order id. */
    Iterable<OrderOutcome> ofMonth() {
        return () -> open(OF_MONTH, o -> true, month, month);
    }

    private synchronized Iterator<OrderOutcome> open(String sql, Predicate<OrderOutcome> keep, String... params) {
        if (closed) {
            throw new IllegalStateException("the stored outcomes of run " + runId + " are only readable inside withInput");
        }
        Cursor c = new Cursor(sql, keep, params);
        open.add(c);
        return c;
    }

    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException first = null;
        for (Cursor c : open) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** One forward-only cursor over order_outcome rows. */
    private final class Cursor implements Iterator<OrderOutcome> {
        private final Predicate<OrderOutcome> keep;
        private Connection connection;
        private Jdbc.LazyReads lazy;
        private PreparedStatement statement;
        private ResultSet rows;
        private OrderOutcome next;
        private boolean done;

        Cursor(String sql, Predicate<OrderOutcome> keep, String... params) {
            this.keep = keep;
            try {
                connection = dataSource.getConnection();
                lazy = Jdbc.lazyReads(connection);
                statement = Jdbc.streaming(connection, sql);
                statement.setLong(1, runId);
                for (int i = 0; i < params.length; i++) {
                    statement.setString(i + 2, params[i]);
                }
                rows = statement.executeQuery();
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("reading order_outcome of run " + runId + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                try {
                    if (rows.next()) {
                        OrderOutcome o = KpiRunRepository.outcome(rows);
                        if (keep.test(o)) {
                            next = o;
                        }
                    } else {
                        close();
                    }
                } catch (SQLException e) {
                    close();
                    throw new IllegalStateException("reading order_outcome of run " + runId + ": " + e.getMessage(), e);
                }
            }
            return next != null;
        }

        @Override
        public OrderOutcome next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            OrderOutcome o = next;
            next = null;
            return o;
        }

        void close() {
            if (done) {
                return;
            }
            done = true;
            SQLException failure = null;
            for (AutoCloseable r : new AutoCloseable[] {rows, statement, lazy, connection}) {
                if (r != null) {
                    try {
                        r.close();
                    } catch (Exception e) {
                        failure = failure == null ? new SQLException(e.getMessage(), e) : failure;
                    }
                }
            }
            if (failure != null) {
                throw new IllegalStateException("closing a cursor of run " + runId + ": " + failure.getMessage(), failure);
            }
        }
    }
}
