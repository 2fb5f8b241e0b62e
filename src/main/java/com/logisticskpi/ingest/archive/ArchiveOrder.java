package com.logisticskpi.ingest.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the archive step needs of its job: the inbox the run ingested, the directory its loaded files go to (the
 * period's archive directory), and the clean-up the job does once they are archived ({@link AfterArchive}).
 */
public record ArchiveOrder(Path inbox, Path targetDir, AfterArchive afterwards) {

    /**
     * Work the job does after the files are archived, in the same step (the scheduled job's retention): it returns one
     * line for the step's status, and an exception fails the step like a failed move.
     */
    @FunctionalInterface
    public interface AfterArchive {

        /** Nothing to do after archiving. */
        AfterArchive NONE = () -> null;

        /** One line for the step's status, or null for none. */
        String run() throws IOException;
    }
}
