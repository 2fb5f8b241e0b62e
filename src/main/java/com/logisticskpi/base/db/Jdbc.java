package com.logisticskpi.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** JDBC helpers following the project convention: DATETIME(6) = UTC instant, bound as a UTC literal, read as a UTC LocalDateTime. */
public final class Jdbc {

    private Jdbc() {
    }

    /**
     * Binds a UTC instant as a DATETIME(6) literal ({@link com.logisticskpi.base.db.DbTime}): Connector/J 9.7 on
     * MariaDB truncates LocalDateTime parameters to whole seconds (a date-only promise, 23:59:59.999999 local, was
     * stored in order_outcome.due_time as 23:59:59 on MariaDB only).
     */
    public static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        com.logisticskpi.base.db.DbTime.bind(ps, i, t);
    }

    public static Instant getInstant(ResultSet rs, int col) throws SQLException {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    public static Instant getInstant(ResultSet rs, String col) throws SQLException {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    public static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }

    public static LocalDate getDate(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    public static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    public static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    public static Double getDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    public static Long getLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static void setBoolean(PreparedStatement ps, int i, Boolean v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, v);
        }
    }

    public static Boolean getBoolean(ResultSet rs, String col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }

    /** A forward-only statement that streams rows instead of loading the whole result (MySQL needs fetch size MIN_VALUE). */
    public static PreparedStatement streaming(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        ps.setFetchSize(product.contains("mysql") || product.contains("mariadb") ? Integer.MIN_VALUE : 1000);
        return ps;
    }

    /**
     * Switches an H2 connection to lazy query execution until {@link LazyReads#close()}: a query whose order an index
     * gives (or that needs no order) then hands its rows over as the scan finds them instead of first copying the
     * whole result into a temporary result (spilled to a temporary file above H2's in-memory row limit). Only for a
     * connection that reads; nothing on MySQL/MariaDB (fetch size MIN_VALUE streams there already).
     */
    public static LazyReads lazyReads(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("h2")) {
            return () -> { };
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return () -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        };
    }

    /** Restores the connection's default (eager) query execution. */
    public interface LazyReads extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
