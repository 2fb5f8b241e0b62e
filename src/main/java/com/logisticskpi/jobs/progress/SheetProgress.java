package com.logisticskpi.jobs.progress;

import com.logisticskpi.base.Listeners;
import com.logisticskpi.report.workbook.ReportWriter;
import com.logisticskpi.report.workbook.SheetListener;

/**
 * The workbook phase of a report: <b>sheets</b> written of the workbook's sheets (eleven, Exceptions last: its rows are
 * streamed into the file at the end), rate in sheets/s, ETA from sheets. Fed by {@link ReportWriter}'s listener. It
 * opens when the writer starts the workbook, so the time spent before (reading the figures) is not counted in it.
 */
public final class SheetProgress implements SheetListener, AutoCloseable {

    private final ProgressReporter reporter;
    private final String name;
    private final Listeners.Registration registration;
    private ProgressReporter.Phase phase;

    private SheetProgress(ProgressReporter reporter, String name, ReportWriter writer) {
        this.reporter = reporter;
        this.name = name;
        this.registration = writer.listen(this);
    }

    /** Listens to {@code writer} until closed. */
    public static SheetProgress open(ProgressReporter reporter, String name, ReportWriter writer) {
        return new SheetProgress(reporter, name, writer);
    }

    /** The phase, or null before a workbook started. */
    public synchronized ProgressReporter.Phase phase() {
        return phase;
    }

    @Override
    public synchronized void workbookStarted(int sheets) {
        if (phase != null) {
            phase.done();
        }
        phase = reporter.start(name, "sheets", sheets);
    }

    @Override
    public synchronized void sheetWritten(String sheet) {
        if (phase != null) {
            phase.advance(1);
        }
    }

    /** Stops listening and ends the phase (when it opened). */
    @Override
    public synchronized void close() {
        registration.close();
        if (phase != null) {
            phase.done();
        }
    }
}
