package com.logisticskpi.ingest;

/** ingest_file.status values. */
public final class FileStatus {

    /** Being loaded (left behind only when the process died mid-load). */
    public static final String RUNNING = "RUNNING";
    /** Merged into the stored exports. */
    public static final String LOADED = "LOADED";
    /** Not loaded: the stored exports are as before the file. The message names the cause. */
    public static final String FAILED = "FAILED";
    /**
     * Was RUNNING when its process died: nothing of it was stored (its transaction was rolled back with the
     * process); set by the next writing command (IngestLeftovers), and the file is loaded again by the next ingest.
     */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** Same name and content already LOADED earlier: nothing to do. */
    public static final String SKIPPED = "SKIPPED";

    private FileStatus() {
    }
}
