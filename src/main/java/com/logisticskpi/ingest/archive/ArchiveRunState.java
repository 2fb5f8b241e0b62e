package com.logisticskpi.ingest.archive;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The archive step's part of a job's typed run state: one line saying what archiving did (key
 * {@code archive.status}, as stored by earlier versions).
 */
public final class ArchiveRunState {

    private static final String ARCHIVE = "archive.status";

    private final ExecutionContext context;

    public ArchiveRunState(ExecutionContext context) {
        this.context = context;
    }

    /** The state of a job execution. */
    public static ArchiveRunState of(JobExecution job) {
        return new ArchiveRunState(job.getExecutionContext());
    }

    /** One line saying what archiving did. */
    public void archive(String status) {
        context.putString(ARCHIVE, status);
    }

    public Optional<String> archive() {
        return Optional.ofNullable(context.containsKey(ARCHIVE) ? context.getString(ARCHIVE) : null);
    }
}
