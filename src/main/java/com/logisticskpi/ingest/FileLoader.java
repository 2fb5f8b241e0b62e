package com.logisticskpi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import com.logisticskpi.base.RunCheckpoints;
import com.logisticskpi.config.SurveyProperties;

/**
 * Loads ONE export file, atomically: in one transaction, parse and validate every record (streaming) and write the
 * valid rows straight into the stored table ({@link StoredRowWriter}: last row per key wins, a stored row is
 * replaced only by a file with a source order not below its own), then mark the file LOADED with its counts and
 * commit. Any failure (missing required column, undecodable bytes, truncation, reject share above the limit,
 * database error) rolls the transaction back, records the file as FAILED and so leaves the stored export tables
 * untouched.
 *
 * <p>A big file (more lines than {@code kpi.ingest.commit-rows}, counted while its checksum is computed) is written in
 * bounded transactions instead: the writer commits every {@code commit-rows} rows and keeps an undo log of the stored
 * rows it replaces ({@link FileUndo}); the last chunk, the deletion of the undo log and the LOADED mark commit
 * together. When such a load fails, its committed rows are taken back right away ({@link FileUndo#undo}) before the
 * file is marked FAILED; when the process dies, the next writing command does it ({@link IngestLeftovers}). Either
 * way the stored tables end up exactly as before the file, as with one transaction.
 */
final class FileLoader {

    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final IngestFileStore store;
    private final IngestProperties properties;
    private final SurveyProperties survey;
    private final Path rejectsDir;
    private final Path dataDir;
    private final MergeLocks mergeLocks;

    private final PlausibilityProperties plausibility;
    private final int commitRows;
    private final LoadRetention retention;
    private final Runnable afterBigLoad; // a big file was written in committed chunks (BigLoadCompaction)

    /** The default of {@code kpi.ingest.commit-rows}: rows per committed chunk of a big file. */
    public static final int DEFAULT_COMMIT_ROWS = 100_000;

    FileLoader(DataSource dataSource, PlatformTransactionManager transactionManager, IngestProperties properties,
               SurveyProperties survey, Path rejectsDir) {
        this(dataSource, transactionManager, properties, survey, rejectsDir, PlausibilityProperties.defaults(),
                DEFAULT_COMMIT_ROWS, () -> { });
    }

    /** {@code commitRows}: a file of more lines is written in chunks of that many rows that each commit (0 = never). */
    FileLoader(DataSource dataSource, PlatformTransactionManager transactionManager, IngestProperties properties,
               SurveyProperties survey, Path rejectsDir, PlausibilityProperties plausibility, int commitRows,
               Runnable afterBigLoad) {
        this.afterBigLoad = afterBigLoad;
        if (commitRows < 0 || (commitRows > 0 && commitRows < StoredRowWriter.CHUNK)) {
            throw new IllegalArgumentException("kpi.ingest.commit-rows must be 0 (never) or at least "
                    + StoredRowWriter.CHUNK + ", was " + commitRows);
        }
        this.commitRows = commitRows;
        this.plausibility = plausibility;
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.store = new IngestFileStore(new JdbcTemplate(dataSource));
        this.properties = properties;
        this.survey = survey;
        this.rejectsDir = rejectsDir;
        this.dataDir = rejectsDir.getParent();      // the rejects are <data-dir>/rejects (AppProperties.rejectsDir)
        this.mergeLocks = new MergeLocks(dataSource);
        this.retention = new LoadRetention(dataSource);
    }

    /** Counters of one load. */
    private static final class Counts {
        long read;
        int commits;       // chunks committed before the end (a big file's bounded transactions)
        long loaded;
        long superseded;
        long rejected;
        long orphans;
        Map<String, Long> rejectsByReason = new TreeMap<>();
        String info;
    }

    /** Told every {@value #REPORT_EVERY} data records (and at the end) how many more rows and bytes were read. */
    @FunctionalInterface
    interface ReadProgress {
        ReadProgress NONE = (rows, bytes) -> { };

        void read(long rows, long bytes);
    }

    static final int REPORT_EVERY = 1_000;

    /** The run checkpoint {@code ingest-rows:<n>}: the n-th data record of the file being loaded was read. */
    public static final String ROWS_CHECKPOINT = "ingest-rows";

    FileResult load(InboxFile file, ZoneId zone, Long jobExecutionId) {
        return load(file, zone, jobExecutionId, ReadProgress.NONE);
    }

    FileResult load(InboxFile file, ZoneId zone, Long jobExecutionId, ReadProgress progress) {
        Instant started = Instant.now();
        String sha256;
        long size;
        long lines;
        try {
            size = Files.size(file.path());
            Digest digest = digest(file.path());
            sha256 = digest.sha256();
            lines = digest.lineBreaks();
        } catch (IOException e) {
            String msg = file.fileName() + ": cannot read: " + e.getMessage();
            log.info("{}", msg, e);
            long id = store.insert(jobExecutionId, file, "", 0, FileStatus.FAILED, msg, started, Instant.now());
            return new FileResult(id, file.kind(), file.fileName(), file.businessDate(), FileStatus.FAILED,
                    0, 0, 0, 0, 0, Map.of(), msg);
        }
        if (store.alreadyLoaded(file.fileName(), sha256)) {
            String msg = "already loaded (same name and content)";
            long id = store.insert(jobExecutionId, file, sha256, size, FileStatus.SKIPPED, msg, started, Instant.now());
            log.info("{}: skipped, {}", file.fileName(), msg);
            return new FileResult(id, file.kind(), file.fileName(), file.businessDate(), FileStatus.SKIPPED,
                    0, 0, 0, 0, 0, Map.of(), msg);
        }
        long fileId = store.insert(jobExecutionId, file, sha256, size, FileStatus.RUNNING, null, started, null);
        Counts counts = new Counts();
        // files may load in parallel (the nightly job's partitioned ingest): loads of one kind take turns, because
        // each writes its rows while it reads the file, in one transaction (see MergeLocks)
        try {
            // header + records: a file of no more line breaks than commit-rows cannot reach a commit point
            int commitEvery = commitRows > 0 && lines > commitRows ? commitRows : 0;
            if (commitEvery == 0) {
                return mergeLocks.call(file.kind(), () -> loadInTransaction(file, zone, fileId, counts, progress, 0));
            }
            try (LoadRetention.Lowered lowered = retention.lower()) {
                return mergeLocks.call(file.kind(), () -> loadInTransaction(file, zone, fileId, counts, progress,
                        commitEvery));
            } finally {
                if (counts.commits > 0) {
                    afterBigLoad.run();
                }
            }
        } catch (IngestException e) { // the lock of the kind could not be taken: nothing was written
            log.info("{}: load failed: {}", file.fileName(), e.getMessage(), e);
            store.finish(fileId, FileStatus.FAILED, 0, 0, 0, 0, 0, e.getMessage(), Instant.now(), Map.of());
            return new FileResult(fileId, file.kind(), file.fileName(), file.businessDate(), FileStatus.FAILED,
                    0, 0, 0, 0, 0, Map.of(), e.getMessage());
        }
    }

    /** Reads the file and writes its rows in ONE transaction; a failure rolls back and records the file FAILED. */
    private FileResult loadInTransaction(InboxFile file, ZoneId zone, long fileId, Counts counts,
                                         ReadProgress progress, int commitEvery) {
        // ONE transaction per file: its rows go straight into the stored table while the file is read, and the
        // file's LOADED bookkeeping commits with them; any failure (also the reject limit, checked after the whole
        // file is read) rolls all of it back, so the stored tables are exactly as before the file.
        TransactionStatus tx = transactionManager.getTransaction(newTransactionDefinition());
        try {
            if (file.businessDate() == null) {
                throw new IngestException(file.fileName() + ": no business date yyyyMMdd in the file name");
            }
            long t0 = System.nanoTime();
            Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's connection
            try (StoredRowWriter writer = new StoredRowWriter(connection, file.kind(), fileId, file.sourceOrder(),
                    commitEvery)) {
                try {
                    read(file, zone, counts, writer, progress);
                } finally {
                    counts.commits = writer.commits();
                }
                counts.loaded = writer.loaded();
                counts.superseded = writer.superseded();
                counts.orphans = writer.orphans();
                if (commitEvery > 0) {
                    FileUndo.discard(connection, file.kind(), fileId); // commits with the LOADED mark below
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            double limit = properties.rejectLimit(file.kind());
            if (counts.read > 0 && counts.rejected > limit * counts.read) {
                throw new IngestException(String.format(java.util.Locale.ROOT,
                        "%s: %d of %d rows rejected (%.2f %%), above the reject limit of %s %% (see rejects/%s.csv)",
                        file.fileName(), counts.rejected, counts.read, 100.0 * counts.rejected / counts.read,
                        percent(limit), file.fileName()));
            }
            store.finish(fileId, FileStatus.LOADED, counts.read, counts.loaded, counts.superseded,
                    counts.rejected, counts.orphans, counts.info, Instant.now(), counts.rejectsByReason);
            long t1 = System.nanoTime();
            transactionManager.commit(tx);
            log.info("{}: read and loaded in {} ms (commit {} ms): loaded {} of {} rows, {} superseded, {} rejected, "
                            + "{} orphans", file.fileName(), (System.nanoTime() - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000, counts.loaded, counts.read, counts.superseded,
                    counts.rejected, counts.orphans);
            return new FileResult(fileId, file.kind(), file.fileName(), file.businessDate(), FileStatus.LOADED,
                    counts.read, counts.loaded, counts.superseded, counts.rejected, counts.orphans,
                    Map.copyOf(counts.rejectsByReason), counts.info);
        } catch (RuntimeException | SQLException | IOException e) {
            if (!tx.isCompleted()) {
                try {
                    transactionManager.rollback(tx);
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            String message = e instanceof IngestException ? e.getMessage()
                    : file.fileName() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            log.info("{}: load failed: {}", file.fileName(), message, e);
            if (counts.commits > 0) {
                takeBack(file, fileId, counts.commits, e);
            }
            store.finish(fileId, FileStatus.FAILED, counts.read, 0, 0, counts.rejected, 0, message, Instant.now(),
                    counts.rejectsByReason);
            return new FileResult(fileId, file.kind(), file.fileName(), file.businessDate(), FileStatus.FAILED,
                    counts.read, 0, 0, counts.rejected, 0, Map.copyOf(counts.rejectsByReason), message);
        }
    }

    /**
     * Takes back the committed chunks of a failed big load (still under the kind's merge lock). When that fails too,
     * the file stays RUNNING and the exception ends the ingest: the next writing command takes it back
     * ({@link IngestLeftovers}) before anything is computed from the stored tables.
     */
    private void takeBack(InboxFile file, long fileId, int commits, Exception cause) {
        try {
            FileUndo.Result undone = FileUndo.undo(dataSource, file.kind(), fileId);
            log.info("{}: the failed load's {} committed chunks were taken back: {} rows deleted, {} rows restored",
                    file.fileName(), commits, undone.deleted(), undone.restored());
        } catch (SQLException | RuntimeException undoFailure) {
            undoFailure.addSuppressed(cause);
            throw new IllegalStateException(file.fileName() + ": the load failed and taking back its committed rows"
                    + " failed too (" + undoFailure.getMessage() + "); the next run takes them back", undoFailure);
        }
    }

    private static TransactionDefinition newTransactionDefinition() {
        DefaultTransactionDefinition def = new DefaultTransactionDefinition();
        def.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return def;
    }

    private static String percent(double limit) {
        return java.math.BigDecimal.valueOf(limit * 100).stripTrailingZeros().toPlainString();
    }

    /** Streams the file: valid rows to the stored table (through the writer), rejected rows to the reject file. */
    private void read(InboxFile file, ZoneId zone, Counts counts, StoredRowWriter writer, ReadProgress progress)
            throws SQLException, IOException {
        IngestProperties.KindSettings settings = properties.settings(file.kind());
        Files.deleteIfExists(RejectWriter.rejectFile(rejectsDir, file.fileName())); // from an earlier attempt
        RowParser parser = parserFor(file.kind(), zone, settings);
        try (ExportFileReader reader = new ExportFileReader(file.path(), file.fileName(), settings.delimiterChar(),
                settings.charset(), parser.columns(), settings.headerAliases());
             RejectWriter rejects = new RejectWriter(rejectsDir, file.fileName(), reader.format())) {
            List<String> extras = reader.layout().extraColumns();
            if (!extras.isEmpty()) {
                counts.info = "extra columns ignored: " + String.join(", ", extras);
                log.info("{}: {}", file.fileName(), counts.info);
            }
            int headerSize = reader.layout().headerSize();
            long told = 0;
            long toldBytes = 0;
            try {
                for (ExportFileReader.LineRecord r = reader.next(); r != null; r = reader.next()) {
                    counts.read++;
                    // a run checkpoint per data record read (none observes it in a product install; the crash tests
                    // pause here to kill a process in the middle of a file's load)
                    RunCheckpoints.reached(ROWS_CHECKPOINT, (int) Math.min(counts.read, Integer.MAX_VALUE), dataDir);
                    if (counts.read - told >= REPORT_EVERY) {
                        long bytes = reader.bytesRead();
                        progress.read(counts.read - told, bytes - toldBytes);
                        told = counts.read;
                        toldBytes = bytes;
                    }
                    if (r.record().size() != headerSize) {
                        rejects.reject(r.line(), "", RejectReason.WRONG_FIELD_COUNT, r.record());
                        continue;
                    }
                    try {
                        writer.add(r.line(), parser.parse(new Row(reader.layout(), r.record())));
                    } catch (RowRejectedException e) {
                        rejects.reject(r.line(), e.column(), e.reason(), r.record());
                    }
                }
                writer.flush();
                progress.read(counts.read - told, Math.max(0, reader.bytesRead() - toldBytes));
            } finally {
                counts.rejected = rejects.total();
                counts.rejectsByReason.putAll(rejects.countByReason());
            }
        }
    }

    private RowParser parserFor(ExportKind kind, ZoneId zone, IngestProperties.KindSettings settings) {
        FieldParser fields = plausibility.fieldParser(zone, Instant.now());
        return switch (kind) {
            case ORDERS -> new OrderRowParser(fields);
            case SHIPMENTS -> new ShipmentRowParser(fields);
            case RETURNS -> new ReturnRowParser(fields, settings.reasonCodeAliases());
            case SURVEYS -> new SurveyRowParser(fields, survey);
            case TICKETS -> new TicketRowParser(fields, settings.typeAliases(), settings.categoryAliases());
        };
    }

    static String sha256(Path path) throws IOException {
        return digest(path).sha256();
    }

    /** A file's SHA-256 and how many line feeds it holds (an upper bound of its data records + 1). */
    record Digest(String sha256, long lineBreaks) {
    }

    static Digest digest(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[64 * 1024];
            long lineBreaks = 0;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lineBreaks++;
                    }
                }
            }
            return new Digest(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()), lineBreaks);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
