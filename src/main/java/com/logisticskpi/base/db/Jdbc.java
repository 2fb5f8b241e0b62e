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

    /**
     * On H2, lets sorted results of up to {@code rows} rows stay in memory (MAX_MEMORY_ROWS, a database-wide setting)
     * until {@link LazyReads#close()} restores the value before; nothing on MySQL/MariaDB. H2 spills a sorted result
     * above its limit (40,000 rows by default) to a temporary file and reads it back, which cost the figures of a
     * month of 10,000-order days half their time (bench/README.md, issue 10).
     */
    public static LazyReads sortsInMemory(Connection c, int rows) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("h2")) {
            return () -> { };
        }
        String before;
        try (java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'MAX_MEMORY_ROWS'")) {
            before = rs.next() ? rs.getString(1) : null;
        }
        long listed = before == null ? -1 : Long.parseLong(before.trim());
        if (listed > rows) {
            return () -> { }; // set higher by someone else: kept
        }
        if (listed < rows) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET MAX_MEMORY_ROWS " + rows);
            }
        }
        // the value before, or H2's own default when none was set (or a process that died here left ours behind)
        long restore = listed > 0 && listed < rows ? listed : h2DefaultMaxMemoryRows();
        return () -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET MAX_MEMORY_ROWS " + restore);
            }
        };
    }

    /** H2's default MAX_MEMORY_ROWS (it scales with the heap), or its documented 40,000 if it cannot be read. */
    private static long h2DefaultMaxMemoryRows() {
        try {
            return Class.forName("org.h2.engine.SysProperties").getField("MAX_MEMORY_ROWS").getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 40_000;
        }
    }

    /** Restores the connection's default (eager) query execution. */
    public interface LazyReads extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
