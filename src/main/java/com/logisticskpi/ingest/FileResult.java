package com.logisticskpi.ingest;

import java.time.LocalDate;
import java.util.Map;

/**
 * The outcome of one file in a run (also one row of the data-quality figures).
 *
 * @param fileId          ingest_file.file_id
 * @param kind            orders, shipments, returns or surveys
 * @param fileName        the file's name
 * @param businessDate    the date in the name (null when it has none)
 * @param status          {@link FileStatus}
 * @param rowsRead        data records read (blank lines not counted)
 * @param rowsLoaded      rows now stored from this file
 * @param rowsSuperseded  rows of this file replaced by a later row of the same file, stored rows this file
 *                        replaced, and rows of this file not applied because a later file already holds the key
 * @param rowsRejected    rows written to the reject file
 * @param orphans         loaded shipment/return rows whose order line (for a whole-order return: order) is unknown
 * @param rejectsByReason rejected rows per reason code (sorted by code)
 * @param message         failure cause, or information (extra columns ignored, ...); null when there is nothing
 */
public record FileResult(long fileId, ExportKind kind, String fileName, LocalDate businessDate, String status,
                         long rowsRead, long rowsLoaded, long rowsSuperseded, long rowsRejected, long orphans,
                         Map<String, Long> rejectsByReason, String message) {

    public FileResult {
        rejectsByReason = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rejectsByReason));
    }

    public boolean failed() {
        return FileStatus.FAILED.equals(status);
    }
}
