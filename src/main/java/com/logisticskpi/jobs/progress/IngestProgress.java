package com.logisticskpi.jobs.progress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.logisticskpi.base.Listeners;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.ingest.InboxFile;
import com.logisticskpi.ingest.IngestListener;
import com.logisticskpi.ingest.IngestService;

/**
 * The ingest phase: <b>files</b> done of the files of the inbox's plan, the <b>rows</b> read so far (no total: a
 * file's rows are known only once it is read), the rate in rows/s, and the percentage and ETA from the <b>bytes</b>
 * read of the plan's total bytes (a file skipped as already loaded counts its bytes at once). When a file ends its rows
 * are set to the file's own count, so the phase ends with exactly the rows the ingest summary reports (the sum of
 * "rows read" over the files). Fed by {@link IngestService}'s listener, whichever step loads the files.
 */
public final class IngestProgress implements IngestListener, AutoCloseable {

    private final ProgressReporter.Phase phase;
    private final long totalBytes;
    private final Map<String, long[]> seen = new ConcurrentHashMap<>(); // file -> {rows, bytes} told so far
    private final Listeners.Registration registration;
    private long bytesDone;

    private IngestProgress(ProgressReporter reporter, String name, IngestService service, List<InboxFile> plan) {
        this.totalBytes = plan.stream().mapToLong(IngestService::sizeOf).sum();
        this.phase = reporter.start(name, "files", plan.size());
        phase.rows(0);
        this.registration = service.listen(this);
    }

    /** Starts the phase {@code name} for the files of {@code plan} and listens to {@code service} until closed. */
    public static IngestProgress open(ProgressReporter reporter, String name, IngestService service, List<InboxFile> plan) {
        return new IngestProgress(reporter, name, service, plan);
    }

    public ProgressReporter.Phase phase() {
        return phase;
    }

    @Override
    public void rowsRead(InboxFile file, long rows, long bytes) {
        long[] s = seen.computeIfAbsent(file.fileName(), k -> new long[2]);
        synchronized (this) {
            s[0] += rows;
            s[1] += bytes;
            bytesDone += bytes;
            phase.rows(rows);
            phase.work(bytesDone, totalBytes);
        }
    }

    @Override
    public void fileFinished(InboxFile file, FileResult result) {
        long[] s = seen.computeIfAbsent(file.fileName(), k -> new long[2]);
        long size = IngestService.sizeOf(file);
        synchronized (this) {
            phase.rows(result.rowsRead() - s[0]);       // a failed file's last rows were not told
            bytesDone += Math.max(0, size - s[1]);      // skipped files, and the bytes after the last report
            s[0] = result.rowsRead();
            s[1] = Math.max(s[1], size);
            phase.work(bytesDone, totalBytes);
            phase.advance(1);
        }
    }

    /** Stops listening and ends the phase. */
    @Override
    public void close() {
        registration.close();
        phase.done();
    }
}
