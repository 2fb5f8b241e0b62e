package com.logisticskpi.kpi.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A JDBC batch of one prepared statement, executed every {@code size} rows and by {@link #flush}. */
final class JdbcBatch {

    final PreparedStatement ps;
    private final int size;
    private int pending;

    JdbcBatch(PreparedStatement ps, int size) {
        this.ps = ps;
        this.size = size;
    }

    void add() throws SQLException {
        ps.addBatch();
        if (++pending >= size) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            pending = 0;
        }
    }
}
