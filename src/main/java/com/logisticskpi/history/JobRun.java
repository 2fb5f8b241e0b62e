package com.logisticskpi.history;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One job execution from the Spring Batch metadata.
 *
 * @param executionId          BATCH_JOB_EXECUTION.JOB_EXECUTION_ID
 * @param jobName              the job
 * @param status               batch status (COMPLETED, FAILED, STARTED ...)
 * @param identifyingParameters identifying parameters as name=value, comma-separated, sorted by name
 * @param start                start time as Spring Batch records it (the JVM's local time), null if not started
 * @param end                  end time, null while running
 * @param readCount            sum of the step executions' read counts
 * @param writeCount           sum of the step executions' write counts
 */
public record JobRun(long executionId, String jobName, String status, String identifyingParameters,
                     LocalDateTime start, LocalDateTime end, long readCount, long writeCount) {

    /** Run time, or null when the execution has not both started and ended. */
    public Duration duration() {
        return start == null || end == null ? null : Duration.between(start, end);
    }
}
