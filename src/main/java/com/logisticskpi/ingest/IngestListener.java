package com.logisticskpi.ingest;

/**
 * What {@link IngestService} tells while it loads files (register with {@link IngestService#listen}): each file's
 * start with its size, its rows and bytes as they are read, and its result. Called on the thread that loads the file;
 * files load in parallel in the partitioned ingest, so an implementation must be thread-safe. Every load of a file
 * passes through here, whichever step or job runs it; a remote worker's loads are seen only by listeners in that
 * worker's process.
 */
public interface IngestListener {

    /** A file's load starts; {@code bytes} is its size. */
    default void fileStarted(InboxFile file, long bytes) {
    }

    /** Since the last call for this file: {@code rows} more data records and {@code bytes} more bytes read. */
    default void rowsRead(InboxFile file, long rows, long bytes) {
    }

    /** The file is done (loaded, skipped as already loaded, or failed). */
    default void fileFinished(InboxFile file, FileResult result) {
    }
}
