package com.logisticskpi.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** What one ingest run did, file by file in load order. */
public record IngestSummary(List<FileResult> files) {

    public IngestSummary {
        files = List.copyOf(files);
    }

    public List<FileResult> failedFiles() {
        return files.stream().filter(FileResult::failed).toList();
    }

    public boolean hasFailures() {
        return files.stream().anyMatch(FileResult::failed);
    }

    /** One line naming every failed file and its cause (for the CLI and the job's exit message). */
    public String failureLine() {
        return failedFiles().stream().map(FileResult::message).collect(Collectors.joining("; "));
    }
}
