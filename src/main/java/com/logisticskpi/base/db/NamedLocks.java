package com.logisticskpi.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * MySQL / MariaDB named locks ({@code GET_LOCK}), the one implementation behind the run locks (jobs) and the merge
 * locks (ingest). A lock belongs to the session that took it: {@link #tryLock} holds it on a connection of its own
 * that stays open until {@link Held#close()}, and the server releases it when that connection ends (process killed,
 * host gone, network cut).
 *
 * <p>Named locks are global to the server, not to a database: {@link #scopedName} ends every name in
 * {@code @<database>}, so two installations (or two test JVMs) with their own database on one server never meet.
 */
public final class NamedLocks {

    /** The longest lock name MySQL and MariaDB accept. */
    public static final int MAX_NAME_LENGTH = 64;

    static final String GET_LOCK = "SELECT GET_LOCK(?, ?)";
    static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(?)";
    static final String HOLDER = "SELECT IS_USED_LOCK(?)";

    private final DataSource dataSource;
    private volatile String database;

    public NamedLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * {@code kpi:<what>@<database>}, e.g. {@code kpi:nightly-2026-11-22@kpi}; a name longer than MySQL's 64
     * characters keeps its start and ends in {@code #<hash of the full name>}.
     */
    public String scopedName(String what) throws SQLException {
        return scopedName(what, databaseName());
    }

    /** {@link #scopedName(String)} for a known database name (null or empty: no {@code @} part). */
    public static String scopedName(String what, String database) {
        String full = "kpi:" + what + (database == null || database.isEmpty() ? "" : "@" + database);
        if (full.length() <= MAX_NAME_LENGTH) {
            return full;
        }
        String hash = Integer.toHexString(full.hashCode());
        return full.substring(0, MAX_NAME_LENGTH - 1 - hash.length()) + "#" + hash;
    }

    /** The current database ({@code SELECT DATABASE()}), read once. */
    public String databaseName() throws SQLException {
        String db = database;
        if (db == null) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT DATABASE()");
                 ResultSet rs = ps.executeQuery()) {
                db = rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
            database = db;
        }
        return db;
    }

    /**
     * Takes the lock {@code name}, waiting at most {@code waitSeconds} (0: not at all). Returns the held lock, or
     * null when another session holds it.
     */
    public Held tryLock(String name, int waitSeconds) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(GET_LOCK)) {
                ps.setString(1, name);
                ps.setInt(2, waitSeconds);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    if (!rs.wasNull() && v == 1) {                 // 0 = held elsewhere, NULL = error
                        return new Held(name, c);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        closeQuietly(c);
        return null;
    }

    /** The connection id of the session holding {@code name}, or null when it is free. */
    public String holder(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server drops the lock with the session anyway
        }
    }

    /** A held named lock; {@link #close()} releases it and closes its connection. */
    public static final class Held implements AutoCloseable {
        private final String name;
        private final Connection connection;

        private Held(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        public String name() {
            return name;
        }

        @Override
        public void close() {
            try (PreparedStatement ps = connection.prepareStatement(RELEASE_LOCK)) {
                ps.setString(1, name);
                ps.executeQuery().close();
            } catch (SQLException ignored) {
                // closing the session below releases it as well
            }
            closeQuietly(connection);
        }
    }
}
