package com.logisticskpi.jobs;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Function;

import javax.sql.DataSource;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.base.db.NamedLocks;

/**
 * MySQL / MariaDB named locks ({@link NamedLocks}) for several hosts sharing one database: the run lock
 * {@code kpi:<job>-<date>@<database>} and the writes lock {@code kpi:writes@<database>}, both taken without waiting.
 * Named locks are global to the server; the {@code @<database>} part keeps two installations (or two test JVMs) with
 * their own database on one server apart.
 */
public class DatabaseRunLock implements RunLock {

    private final NamedLocks locks;

    public DatabaseRunLock(DataSource dataSource) {
        this.locks = new NamedLocks(dataSource);
    }

    /** {@code kpi:nightly-2026-11-22@kpi} (a name over 64 characters ends in a hash, see {@link NamedLocks}). */
    static String lockName(String job, LocalDate date, String database) {
        return NamedLocks.scopedName(RunLock.key(job, date), database);
    }

    @Override
    public Held acquire(String job, LocalDate date) {
        String key = RunLock.key(job, date);
        return take(() -> locks.scopedName(key), holder -> "job " + job + " for " + date + " is already running"
                + (holder == null ? "" : " (database connection " + holder + ")"));
    }

    @Override
    public Held acquireWrites(String what) {
        return take(() -> locks.scopedName(WRITES), holder -> "another kpi command is writing to this database"
                + (holder == null ? "" : " (database connection " + holder + ")") + "; wait until it ends");
    }

    private interface LockName {
        String get() throws SQLException;
    }

    private Held take(LockName lockName, Function<String, String> busy) {
        String name = "?";
        try {
            name = lockName.get();
            NamedLocks.Held held = locks.tryLock(name, 0);
            if (held == null) {
                throw new KpiException(ExitCode.LOCKED, busy.apply(locks.holder(name)) + "; MySQL lock " + name);
            }
            return new DbHeld(held);
        } catch (SQLException e) {
            throw new KpiException(ExitCode.FAILED, "cannot take the run lock " + name + " in the database: " + e.getMessage(), e);
        }
    }

    private record DbHeld(NamedLocks.Held lock) implements Held {
        @Override
        public String description() {
            return "MySQL lock " + lock.name();
        }

        @Override
        public void close() {
            lock.close();
        }
    }
}
