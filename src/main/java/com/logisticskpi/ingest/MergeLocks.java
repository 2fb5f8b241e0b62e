package com.logisticskpi.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.logisticskpi.base.db.NamedLocks;

/**
 * Serializes the loads of one export kind (files of different kinds load in parallel). A load writes its rows into the
 * stored table while it reads the file, in one transaction, deciding per key whether the file's row wins ("the latest
 * file wins"); two overlapping loads of one kind could both keep a row, so they take turns. Within this process a fair
 * lock per kind; on MySQL/MariaDB also the named lock {@code kpi:merge:<kind>@<database>} ({@link NamedLocks}) held on
 * its own connection around the whole load transaction (released after the commit), so remote workers on other hosts
 * serialize too.
 * The embedded H2 database is used by one process only, so the process lock is enough there. A named lock rather
 * than a locked table row: a row lock wait is cut off by the lock timeout (10 s on H2, 50 s on InnoDB), while
 * waiting for a long load of the same kind is normal.
 */
final class MergeLocks {

    /** How long a merge waits for the named lock of its kind (seconds). */
    static final int NAMED_LOCK_WAIT_SECONDS = 3600;

    private final DataSource dataSource;
    private final NamedLocks namedLocks;
    private final Map<ExportKind, ReentrantLock> local = new EnumMap<>(ExportKind.class);
    private volatile Boolean mysql;

    MergeLocks(DataSource dataSource) {
        this.dataSource = dataSource;
        this.namedLocks = new NamedLocks(dataSource);
        for (ExportKind k : ExportKind.values()) {
            local.put(k, new ReentrantLock(true));
        }
    }

    /** Runs {@code load} (which commits its own transaction) while no other load of {@code kind} runs. */
    <T> T call(ExportKind kind, java.util.function.Supplier<T> load) {
        ReentrantLock lock = local.get(kind);
        lock.lock();
        try {
            if (!isMysql()) {
                return load.get();
            }
            String name = null;
            try {
                name = namedLocks.scopedName("merge:" + kind.label());
                try (NamedLocks.Held held = namedLocks.tryLock(name, NAMED_LOCK_WAIT_SECONDS)) {
                    if (held == null) {
                        throw new IngestException("could not take the merge lock " + name + " within "
                                + NAMED_LOCK_WAIT_SECONDS + " s");
                    }
                    return load.get();
                }
            } catch (SQLException e) {
                throw new IngestException("merge lock " + name + ": " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isMysql() {
        Boolean m = mysql;
        if (m == null) {
            try (Connection c = dataSource.getConnection()) {
                String url = c.getMetaData().getURL();
                m = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
            } catch (SQLException e) {
                throw new IngestException("cannot reach the database: " + e.getMessage(), e);
            }
            mysql = m;
        }
        return m;
    }
}
