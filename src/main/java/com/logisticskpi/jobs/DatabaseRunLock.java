package com.logisticskpi.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * MySQL / MariaDB named lock ({@code GET_LOCK('kpi:<job>-<date>', 0)}) for several hosts sharing one database.
 * The lock belongs to the session: it is held on a connection of its own that stays open until {@link Held#close()},
 * and the server releases it when that connection ends (process killed, host gone, network cut).
 */
public class DatabaseRunLock implements RunLock {

    static final String GET_LOCK = "SELECT GET_LOCK(?, 0)";
    static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(?)";
    static final String HOLDER = "SELECT IS_USED_LOCK(?)";

    private final DataSource dataSource;

    public DatabaseRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String lockName(String job, LocalDate date) {
        return "kpi:" + RunLock.key(job, date);          // at most 4 + 64 + 11 characters; MySQL allows 64
    }

    @Override
    public Held acquire(String job, LocalDate date) {
        String name = lockName(job, date);
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return take(name, holder -> "job " + job + " for " + date + " is already running"
                + (holder == null ? "" : " (database connection " + holder + ")"));
    }

    @Override
    public Held acquireWrites(String what) {
        return take(writesLockName(databaseName()), holder -> "another kpi command is writing to this database"
                + (holder == null ? "" : " (database connection " + holder + ")") + "; wait until it ends");
    }

    /**
     * {@code kpi:writes@<database>}: named locks are global to the server, the writes lock is per database (two
     * installations on one server do not block each other). Names longer than MySQL's 64 characters end in a hash.
     */
    static String writesLockName(String database) {
        String full = "kpi:" + WRITES + (database == null || database.isEmpty() ? "" : "@" + database);
        if (full.length() <= 64) {
            return full;
        }
        String hash = Integer.toHexString(full.hashCode());
        return full.substring(0, 63 - hash.length()) + "#" + hash;
    }

    private String databaseName() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT DATABASE()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new KpiException(ExitCode.FAILED, "cannot read the database name for the writes lock: " + e.getMessage(), e);
        }
    }

    private Held take(String name, java.util.function.Function<String, String> busy) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            boolean got;
            try (PreparedStatement ps = c.prepareStatement(GET_LOCK)) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    got = !rs.wasNull() && v == 1;           // 0 = held elsewhere, NULL = error
                }
            }
            if (!got) {
                String holder = holder(c, name);
                c.close();
                throw new KpiException(ExitCode.LOCKED, busy.apply(holder) + "; MySQL lock " + name);
            }
            return new DbHeld(name, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new KpiException(ExitCode.FAILED, "cannot take the run lock " + name + " in the database: " + e.getMessage(), e);
        }
    }

    private static String holder(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the server drops the lock with the session anyway
            }
        }
    }

    private record DbHeld(String name, Connection connection) implements Held {
        @Override
        public String description() {
            return "MySQL lock " + name;
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
