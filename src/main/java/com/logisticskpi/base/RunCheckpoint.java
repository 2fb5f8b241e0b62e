package com.logisticskpi.base;

import java.nio.file.Path;

/**
 * An observer of the named points a run passes (for example {@code ingest:2} = the ingest step is about to load its
 * second file, {@code compute:1} = the KPI engine stored its run). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/com.logisticskpi.base.RunCheckpoint}); the product ships
 * none. The crash tests register one on their class path that pauses the process at a chosen point so that it can be
 * killed there.
 */
public interface RunCheckpoint {

    /**
     * Called when a run reaches {@code step} for the {@code call}-th time in this process.
     *
     * @param dataDir the run's data directory (where an observer may leave a marker file)
     */
    void reached(String step, int call, Path dataDir);
}
