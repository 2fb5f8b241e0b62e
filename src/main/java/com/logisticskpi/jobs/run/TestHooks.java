package com.logisticskpi.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only hook for the crash tests: with the system property {@code kpi.test.pause-at=<step>:<call>} (e.g.
 * {@code ingest:2} = when the ingest step is about to handle its second file, {@code compute:1} = after the KPI engine
 * stored its run) the step writes the marker file {@code <data-dir>/pause-<step>} and then sleeps until the process is
 * killed. Without the property (every real run) this does nothing.
 */
public final class TestHooks {

    public static final String PROPERTY = "kpi.test.pause-at";
    private static final Logger LOG = LoggerFactory.getLogger(TestHooks.class);

    private TestHooks() {
    }

    public static void pauseIfRequested(String step, int call, Path dataDir) {
        String at = System.getProperty(PROPERTY);
        if (at == null || !at.equals(step + ":" + call)) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("pause-" + step), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the pause marker", e);
        }
        LOG.warn("test hook: pausing in step {} (call {}) until killed", step, call);
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("test pause interrupted");
            }
        }
    }
}
