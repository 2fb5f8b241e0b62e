package com.logisticskpi.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * {@code <data-dir>/locks/<job>-<date>.lock} held with {@link FileChannel#tryLock()}: an OS advisory lock (fcntl on
 * Linux), released by the kernel when the process exits or is killed. The file stays (removing it would race with
 * a process that just opened it); its content (pid, host, start time) is only for people looking at it.
 * Works between processes on one host; a shared network file system is not a reliable place for it.
 */
public class FileRunLock implements RunLock {

    private final Path locksDir;

    public FileRunLock(Path locksDir) {
        this.locksDir = locksDir;
    }

    /** The lock directory of a data dir: {@code <data-dir>/locks}. */
    public static FileRunLock inDataDir(Path dataDir) {
        return new FileRunLock(dataDir.resolve("locks"));
    }

    public Path fileFor(String job, LocalDate date) {
        return locksDir.resolve(RunLock.key(job, date) + ".lock");
    }

    @Override
    public Held acquire(String job, LocalDate date) {
        Path file = fileFor(job, date);
        return take(file, "", holder -> "job " + job + " for " + date + " is already running"
                + (holder.isEmpty() ? "" : " (" + holder + ")") + "; lock " + file);
    }

    @Override
    public Held acquireWrites(String what) {
        Path file = locksDir.resolve(WRITES + ".lock");
        return take(file, what + ": ", holder -> "another kpi command is writing to this data directory"
                + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait until it ends (lock " + file + ")");
    }

    private Held take(Path file, String label, java.util.function.UnaryOperator<String> busy) {
        FileChannel channel = null;
        try {
            Files.createDirectories(locksDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;                                   // held by this very JVM
            }
            if (lock == null) {
                String holder = holderOf(file);
                channel.close();
                throw new KpiException(ExitCode.LOCKED, busy.apply(holder));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((label + "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new FileHeld(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KpiException(ExitCode.FAILED, "cannot take the lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holderOf(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private record FileHeld(Path file, FileChannel channel, FileLock lock) implements Held {
        @Override
        public String description() {
            return "file " + file;
        }

        @Override
        public void close() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } catch (IOException ignored) {
                // closing the channel below releases it as well
            }
            closeQuietly(channel);
        }
    }
}
