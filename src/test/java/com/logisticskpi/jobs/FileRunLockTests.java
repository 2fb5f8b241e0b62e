package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

class FileRunLockTests {

    static final LocalDate DATE = LocalDate.of(2026, 11, 22);

    @TempDir
    Path locks;

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndFreedWhenThatProcessIsKilled() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", classpath, RunLockHolder.class.getName(),
                locks.toString(), "nightly", DATE.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return "read failed: " + e;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(line).startsWith("HELD file ").endsWith("nightly-2026-11-22.lock");

            FileRunLock lock = new FileRunLock(locks);
            assertThatThrownBy(() -> lock.acquire("nightly", DATE))
                    .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                    .hasMessageContaining("job nightly for 2026-11-22 is already running")
                    .hasMessageContaining("pid " + child.pid());                   // who holds it, from the lock file
            // another date of the same job is not blocked
            lock.acquire("nightly", DATE.minusDays(1)).close();

            child.destroyForcibly();                                                   // SIGKILL: no clean-up code runs
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.exists(lock.fileFor("nightly", DATE))).isTrue();         // the file stays, the lock is gone
            try (RunLock.Held held = lock.acquire("nightly", DATE)) {
                assertThat(held.description()).isEqualTo("file " + lock.fileFor("nightly", DATE));
                assertThat(Files.readString(lock.fileFor("nightly", DATE))).startsWith("pid " + ProcessHandle.current().pid() + " ");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aSecondRunInTheSameProcessIsRefusedUntilTheFirstEnds() {
        FileRunLock lock = FileRunLock.inDataDir(locks);
        RunLock.Held first = lock.acquire("weekly", DATE);
        assertThat(lock.fileFor("weekly", DATE)).isEqualTo(locks.resolve("locks").resolve("weekly-2026-11-22.lock"));
        assertThatThrownBy(() -> lock.acquire("weekly", DATE))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED));
        lock.acquire("nightly", DATE).close();                                         // other job: independent
        first.close();
        lock.acquire("weekly", DATE).close();
    }

    @Test
    void jobNamesCannotEscapeTheLockDirectory() {
        assertThatThrownBy(() -> new FileRunLock(locks).acquire("../x", DATE))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
