package com.logisticskpi.base;

/**
 * An item a process that died left behind, as the next writing command cleaned it.
 *
 * @param item           the table: {@code ingest_file} or {@code kpi_run}
 * @param itemId         its row's id (file_id, run_id)
 * @param jobExecutionId the job execution that left it (null when it had none)
 * @param detail         what it was and what was done, one line for a reader of {@code ./kpi history}
 */
public record Leftover(String item, long itemId, Long jobExecutionId, String detail) {
}
