package com.logisticskpi.jobs;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * One run at a time per job and business date, across processes. {@link FileRunLock} (an OS file lock, for one
 * host) and {@link DatabaseRunLock} (MySQL/MariaDB {@code GET_LOCK}, for several hosts sharing the database).
 * Both are released by the OS / the server when the process dies, so a killed run never leaves a stale lock.
 */
public interface RunLock {

    /**
     * Takes the lock for {@code job} and {@code date}, without waiting.
     *
     * @throws KpiException with {@link ExitCode#LOCKED} when another run holds it
     */
    Held acquire(String job, LocalDate date);

    /** The name of the lock every writing command takes ({@link #acquireWrites}). */
    String WRITES = "writes";

    /**
     * Takes the one lock of this data directory (file lock) or database (MySQL lock {@code kpi:writes}) that every
     * command writing stored data holds for its writing phase — {@code ingest}, {@code recompute}, {@code run},
     * {@code restart} — without waiting. {@code what} names the command for the holder's description.
     *
     * @throws KpiException with {@link ExitCode#LOCKED} and one line naming the holder when another command holds it
     */
    Held acquireWrites(String what);

    /** A held lock; {@link #close()} releases it. */
    interface Held extends AutoCloseable {
        /** e.g. {@code file /data/locks/nightly-2026-11-22.lock} or {@code MySQL lock kpi:nightly:2026-11-22} */
        String description();

        @Override
        void close();
    }

    Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** {@code nightly-2026-11-22}: the lock's name, after checking the job name is a plain name. */
    static String key(String job, LocalDate date) {
        if (job == null || !JOB_NAME.matcher(job).matches()) {
            throw new KpiException(ExitCode.USAGE, "job name '" + job + "' is not valid (letters, digits, '-', '_')");
        }
        return job + "-" + date;
    }
}
