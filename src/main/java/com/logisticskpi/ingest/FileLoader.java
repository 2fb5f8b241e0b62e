package com.logisticskpi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.logisticskpi.config.SurveyProperties;

/**
 * Loads ONE export file, atomically: parse and validate every record (streaming), stage the valid rows, then merge
 * them into the stored table in one transaction together with the file's LOADED bookkeeping. Any failure (missing
 * required column, undecodable bytes, truncation, reject share above the limit, database error) records the file
 * as FAILED and leaves the stored export tables untouched.
 */
final class FileLoader {

    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final IngestFileStore store;
    private final IngestProperties properties;
    private final SurveyProperties survey;
    private final Path rejectsDir;
    private final MergeLocks mergeLocks;

    FileLoader(DataSource dataSource, PlatformTransactionManager transactionManager, IngestProperties properties,
               SurveyProperties survey, Path rejectsDir) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = new IngestFileStore(jdbc);
        this.properties = properties;
        this.survey = survey;
        this.rejectsDir = rejectsDir;
        this.mergeLocks = new MergeLocks(dataSource);
    }

    /** Counters of one load. */
    private static final class Counts {
        long read;
        long loaded;
        long superseded;
        long rejected;
        long orphans;
        Map<String, Long> rejectsByReason = new TreeMap<>();
        String info;
    }

    FileResult load(InboxFile file, ZoneId zone, Long jobExecutionId) {
        Instant started = Instant.now();
        String sha256;
        long size;
        try {
            size = Files.size(file.path());
            sha256 = sha256(file.path());
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
        try {
            if (file.businessDate() == null) {
                throw new IngestException(file.fileName() + ": no business date yyyyMMdd in the file name");
            }
            long t0 = System.nanoTime();
            stage(file, zone, fileId, counts);
            long t1 = System.nanoTime();
            log.info("{}: read and staged {} rows in {} ms", file.fileName(), counts.read, (t1 - t0) / 1_000_000);
            double limit = properties.rejectLimit(file.kind());
            if (counts.read > 0 && counts.rejected > limit * counts.read) {
                throw new IngestException(String.format(java.util.Locale.ROOT,
                        "%s: %d of %d rows rejected (%.2f %%), above the reject limit of %s %% (see rejects/%s.csv)",
                        file.fileName(), counts.rejected, counts.read, 100.0 * counts.rejected / counts.read,
                        percent(limit), file.fileName()));
            }
            long t2 = System.nanoTime();
            // files are loaded in parallel (partitioned ingest): merges of one kind take turns, see MergeLocks
            mergeLocks.run(file.kind(), () -> newTransaction.executeWithoutResult(tx -> {
                merge(file.kind(), file.sourceOrder(), fileId, counts);
                store.finish(fileId, FileStatus.LOADED, counts.read, counts.loaded, counts.superseded,
                        counts.rejected, counts.orphans, counts.info, Instant.now(), counts.rejectsByReason);
            }));
            // the staging rows go in their own transaction: keeps the merge transaction small (they are private to
            // this file id, so a crash before this point leaves only garbage that no query reads)
            deleteStaging(file.kind(), fileId);
            log.info("{}: merged in {} ms: loaded {} of {} rows, {} superseded, {} rejected, {} orphans",
                    file.fileName(), (System.nanoTime() - t2) / 1_000_000, counts.loaded, counts.read,
                    counts.superseded, counts.rejected, counts.orphans);
            return new FileResult(fileId, file.kind(), file.fileName(), file.businessDate(), FileStatus.LOADED,
                    counts.read, counts.loaded, counts.superseded, counts.rejected, counts.orphans,
                    Map.copyOf(counts.rejectsByReason), counts.info);
        } catch (RuntimeException | SQLException | IOException e) {
            String message = e instanceof IngestException ? e.getMessage()
                    : file.fileName() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            log.info("{}: load failed: {}", file.fileName(), message, e);
            deleteStaging(file.kind(), fileId);
            store.finish(fileId, FileStatus.FAILED, counts.read, 0, 0, counts.rejected, 0, message, Instant.now(),
                    counts.rejectsByReason);
            return new FileResult(fileId, file.kind(), file.fileName(), file.businessDate(), FileStatus.FAILED,
                    counts.read, 0, 0, counts.rejected, 0, Map.copyOf(counts.rejectsByReason), message);
        }
    }

    private static String percent(double limit) {
        return java.math.BigDecimal.valueOf(limit * 100).stripTrailingZeros().toPlainString();
    }

    /** Streams the file: valid rows to staging, rejected rows to the reject file. */
    private void stage(InboxFile file, ZoneId zone, long fileId, Counts counts) throws SQLException, IOException {
        IngestProperties.KindSettings settings = properties.settings(file.kind());
        Files.deleteIfExists(RejectWriter.rejectFile(rejectsDir, file.fileName())); // from an earlier attempt
        RowParser parser = parserFor(file.kind(), zone, settings);
        try (ExportFileReader reader = new ExportFileReader(file.path(), file.fileName(), settings.delimiterChar(),
                settings.charset(), parser.columns(), settings.headerAliases());
             StagingWriter staging = new StagingWriter(dataSource, file.kind(), fileId);
             RejectWriter rejects = new RejectWriter(rejectsDir, file.fileName(), reader.format())) {
            List<String> extras = reader.layout().extraColumns();
            if (!extras.isEmpty()) {
                counts.info = "extra columns ignored: " + String.join(", ", extras);
                log.info("{}: {}", file.fileName(), counts.info);
            }
            int headerSize = reader.layout().headerSize();
            try {
                for (ExportFileReader.LineRecord r = reader.next(); r != null; r = reader.next()) {
                    counts.read++;
                    if (r.record().size() != headerSize) {
                        rejects.reject(r.line(), "", RejectReason.WRONG_FIELD_COUNT, r.record());
                        continue;
                    }
                    try {
                        staging.add(r.line(), parser.parse(new Row(reader.layout(), r.record())));
                    } catch (RowRejectedException e) {
                        rejects.reject(r.line(), e.column(), e.reason(), r.record());
                    }
                }
                staging.flush();
            } finally {
                counts.rejected = rejects.total();
                counts.rejectsByReason.putAll(rejects.countByReason());
            }
        }
    }

    private RowParser parserFor(ExportKind kind, ZoneId zone, IngestProperties.KindSettings settings) {
        FieldParser fields = new FieldParser(zone);
        return switch (kind) {
            case ORDERS -> new OrderRowParser(fields);
            case SHIPMENTS -> new ShipmentRowParser(fields);
            case RETURNS -> new ReturnRowParser(fields, settings.reasonCodeAliases());
            case SURVEYS -> new SurveyRowParser(fields, survey);
        };
    }

    /** The set-based merge; runs inside the file's transaction (the staging rows are deleted afterwards). */
    private void merge(ExportKind kind, String sourceOrder, long fileId, Counts counts) {
        MergeSql sql = MergeSqlCache.of(kind);
        Timer t = new Timer(kind);
        long staged = t.time("count staged", () -> jdbc.queryForObject(sql.countStaged, Long.class, fileId));
        long winners = t.time("count winners", () -> jdbc.queryForObject(sql.countWinners, Long.class, fileId));
        if (kind == ExportKind.SURVEYS) {
            t.time("delete replaced answers", () -> (long) jdbc.update(MergeSql.DELETE_REPLACED_ANSWERS, sourceOrder, fileId));
        }
        long replaced = t.time("delete replaced", () -> (long) jdbc.update(sql.deleteReplaced, sourceOrder, fileId));
        long inserted = t.time("insert winners", () -> (long) jdbc.update(sql.insertWinners, fileId));
        if (kind == ExportKind.SURVEYS) {
            t.time("insert answers", () -> (long) jdbc.update(MergeSql.INSERT_ANSWERS, fileId));
        }
        counts.loaded = inserted;
        counts.superseded = (staged - winners) + replaced + (winners - inserted);
        counts.orphans = sql.countOrphans == null ? 0
                : t.time("count orphans", () -> jdbc.queryForObject(sql.countOrphans, Long.class, fileId));
    }

    /** Logs each merge statement's duration (debug level). */
    private static final class Timer {
        private final ExportKind kind;

        Timer(ExportKind kind) {
            this.kind = kind;
        }

        long time(String what, java.util.function.Supplier<Long> statement) {
            long t0 = System.nanoTime();
            Long result = statement.get();
            log.debug("{} merge: {} -> {} in {} ms", kind.label(), what, result, (System.nanoTime() - t0) / 1_000_000);
            return result == null ? 0 : result;
        }
    }

    private void deleteStaging(ExportKind kind, long fileId) {
        try {
            newTransaction.executeWithoutResult(tx -> {
                jdbc.update(MergeSqlCache.of(kind).deleteStaging, fileId);
                if (kind == ExportKind.SURVEYS) {
                    jdbc.update(MergeSql.DELETE_STAGED_ANSWERS, fileId);
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not delete the staging rows of file {}", fileId, e);
        }
    }

    static String sha256(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements per kind, built once. */
    private static final class MergeSqlCache {
        private static final Map<ExportKind, MergeSql> BY_KIND = new java.util.EnumMap<>(ExportKind.class);

        static {
            for (ExportKind k : ExportKind.values()) {
                BY_KIND.put(k, new MergeSql(k));
            }
        }

        static MergeSql of(ExportKind kind) {
            return BY_KIND.get(kind);
        }
    }
}
