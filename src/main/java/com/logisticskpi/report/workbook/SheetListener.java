package com.logisticskpi.report.workbook;

/**
 * What {@link ReportWriter} tells while it writes a workbook (register with {@link ReportWriter#listen}): how many
 * sheets it will write, then each sheet as it is done (its charts drawn; the Exceptions sheet once its rows are
 * streamed into the file, the last and often the longest part).
 */
public interface SheetListener {

    /** A workbook of {@code sheets} sheets is started. */
    default void workbookStarted(int sheets) {
    }

    /** The sheet {@code name} (its English name, e.g. "Summary") is written. */
    default void sheetWritten(String name) {
    }
}
