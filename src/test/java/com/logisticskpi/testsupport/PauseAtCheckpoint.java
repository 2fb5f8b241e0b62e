package com.logisticskpi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.logisticskpi.base.RunCheckpoint;

/**
 * The crash tests' run checkpoint (registered in src/test/resources/META-INF/services, so only on the test class
 * path): with the system property {@code kpi.test.pause-at=<step>:<call>} (e.g. {@code ingest:2} = when the ingest
 * step is about to handle its second file, {@code compute:1} = after the KPI engine stored its run) the process writes
 * the marker file {@code <data-dir>/pause-<step>} and then sleeps until it is killed. Without the property it does
 * nothing.
 */
public final class PauseAtCheckpoint implements RunCheckpoint {

    public static final String PROPERTY = "kpi.test.pause-at";
    private static final Logger LOG = LoggerFactory.getLogger(PauseAtCheckpoint.class);

    @Override
    public void reached(String step, int call, Path dataDir) {
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
        LOG.warn("test checkpoint: pausing in step {} (call {}) until killed", step, call);
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
