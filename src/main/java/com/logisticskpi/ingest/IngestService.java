package com.logisticskpi.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.config.SurveyProperties;

/**
 * The ingest of the four nightly exports (public API; the {@code ingest} job's step and the nightly job use it).
 * Files load one by one in {@link #plan(Path) plan order}, each atomically in its own transaction: a failed file
 * leaves the stored exports as they were and the next file still loads.
 */
@Service
public class IngestService {

    private final IngestProperties properties;
    private final InboxScanner scanner;
    private final FileLoader loader;
    private final com.logisticskpi.base.Listeners<IngestListener> listeners = new com.logisticskpi.base.Listeners<>();

    /**
     * Without the inbox's age and final-line checks (a caller that controls its own inbox, e.g. a test); links are
     * still not followed. The application uses the configured {@link InboxProperties}.
     */
    public IngestService(DataSource dataSource, PlatformTransactionManager transactionManager,
                         IngestProperties properties, SurveyProperties survey, AppProperties app) {
        this(dataSource, transactionManager, properties, survey, app, PlausibilityProperties.defaults(),
                new InboxProperties(java.time.Duration.ZERO, false, "skip"));
    }

    public IngestService(DataSource dataSource, PlatformTransactionManager transactionManager,
                         IngestProperties properties, SurveyProperties survey, AppProperties app,
                         PlausibilityProperties plausibility, InboxProperties inbox) {
        this(dataSource, transactionManager, properties, survey, app, plausibility, inbox,
                FileLoader.DEFAULT_COMMIT_ROWS, null);
    }

    /**
     * @param commitRows {@code kpi.ingest.commit-rows}: a file of more lines is written in bounded transactions of
     *                   that many rows, with an undo log that takes a failed or killed load back (0 = every file in
     *                   one transaction)
     * @param compaction compacts the embedded store at the end of a process that wrote a big file (null: never)
     */
    @org.springframework.beans.factory.annotation.Autowired
    public IngestService(DataSource dataSource, PlatformTransactionManager transactionManager,
                         IngestProperties properties, SurveyProperties survey, AppProperties app,
                         PlausibilityProperties plausibility, InboxProperties inbox,
                         @org.springframework.beans.factory.annotation.Value("${kpi.ingest.commit-rows:"
                                 + FileLoader.DEFAULT_COMMIT_ROWS + "}") int commitRows,
                         BigLoadCompaction compaction) {
        this.properties = properties;
        this.scanner = new InboxScanner(properties, inbox);
        this.loader = new FileLoader(dataSource, transactionManager, properties, survey, app.rejectsDir(), plausibility,
                commitRows, compaction == null ? () -> { } : compaction::request);
    }

    /**
     * The export files of an inbox in load order (orders, shipments, returns, surveys; each by business date in
     * the name, then name).
     *
     * @throws IngestException when the inbox is not a directory or holds no export file
     */
    public List<InboxFile> plan(Path inbox) {
        List<InboxFile> files = scanner.scan(inbox);
        if (files.isEmpty()) {
            String globs = java.util.Arrays.stream(ExportKind.values()).map(properties::glob)
                    .collect(Collectors.joining(", "));
            throw new IngestException("no export files in inbox " + inbox + " (looked for " + globs + ")");
        }
        return files;
    }

    /**
     * The files of the inbox that a load leaves, one line each with why (name escaped): links, files still being
     * written, files without a final line break, names that match no export pattern. Empty when there are none.
     */
    public List<String> skipped(Path inbox) {
        return java.nio.file.Files.isDirectory(inbox) ? scanner.scanAll(inbox, java.time.Instant.now()).skipped() : List.of();
    }

    /**
     * Loads every export file of the inbox.
     *
     * @param inbox          the directory holding the files
     * @param zone           business time zone for timestamps without offset and date-only promises
     * @param jobExecutionId the Spring Batch job execution the load belongs to (stored on ingest_file), or null
     * @return per-file outcome; failed files are in it (status FAILED), they do not throw
     * @throws IngestException when the inbox is missing or empty
     */
    public IngestSummary ingest(Path inbox, ZoneId zone, Long jobExecutionId) {
        List<FileResult> results = new ArrayList<>();
        for (InboxFile file : plan(inbox)) {
            results.add(ingestFile(file, zone, jobExecutionId));
        }
        return new IngestSummary(results);
    }

    /** Loads one file atomically (used by the step, which handles the files one by one). */
    public FileResult ingestFile(InboxFile file, ZoneId zone, Long jobExecutionId) {
        if (listeners.isEmpty()) {
            return loader.load(file, zone, jobExecutionId, FileLoader.ReadProgress.NONE);
        }
        listeners.fire(l -> l.fileStarted(file, sizeOf(file)));
        FileResult result = loader.load(file, zone, jobExecutionId,
                (rows, bytes) -> listeners.fire(l -> l.rowsRead(file, rows, bytes)));
        listeners.fire(l -> l.fileFinished(file, result));
        return result;
    }

    /** Tells {@code listener} about every file loaded in this process until the registration is closed. */
    public com.logisticskpi.base.Listeners.Registration listen(IngestListener listener) {
        return listeners.add(listener);
    }

    /** The size of a file of the plan (0 when it cannot be read: its load will say why). */
    public static long sizeOf(InboxFile file) {
        try {
            return java.nio.file.Files.size(file.path());
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
