package com.logisticskpi.report.exception;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.OrderRowsSource;

/**
 * The exception orders with their causes, grouped by cause with bounded memory: the orders are read once, in batches
 * of {@value #BATCH} (their stored rows fetched together), diagnosed, and appended to one temporary file per cause;
 * the sheet and the CSV then read the files in group order (most orders first). Within a cause the input order is
 * kept (hours late descending). {@link #close()} deletes the files.
 */
public final class ExceptionSpool implements AutoCloseable {

    static final int BATCH = 500;

    /** Reads one record at a time. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(ExceptionRecord r) throws IOException;
    }

    private final Path dir;
    private final Map<ExceptionCause, Long> counts = new EnumMap<>(ExceptionCause.class);

    private ExceptionSpool(Path dir) {
        this.dir = dir;
    }

    /** Diagnoses every order of {@code exceptions} (read once) and spools it under its root cause. */
    public static ExceptionSpool build(Iterable<OrderOutcome> exceptions, OrderRowsSource source,
                                       ExceptionClassifier classifier, Messages messages, ZoneId zone) throws IOException {
        ExceptionSpool spool = new ExceptionSpool(Files.createTempDirectory("kpi-exceptions"));
        Map<ExceptionCause, DataOutputStream> outs = new EnumMap<>(ExceptionCause.class);
        try {
            List<OrderOutcome> batch = new ArrayList<>(BATCH);
            for (OrderOutcome o : exceptions) {
                batch.add(o);
                if (batch.size() == BATCH) {
                    spool.append(batch, source, classifier, messages, zone, outs);
                    batch.clear();
                }
            }
            spool.append(batch, source, classifier, messages, zone, outs);
            for (DataOutputStream out : outs.values()) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            for (DataOutputStream out : outs.values()) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the failure that matters is e
                }
            }
            spool.close();
            throw e;
        }
        return spool;
    }

    private void append(List<OrderOutcome> batch, OrderRowsSource source, ExceptionClassifier classifier, Messages m,
                        ZoneId zone, Map<ExceptionCause, DataOutputStream> outs) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, OrderRows> rows = source.rowsOf(batch.stream().map(OrderOutcome::orderId).toList());
        for (OrderOutcome o : batch) {
            ExceptionDiagnosis d = classifier.diagnose(o, rows.get(o.orderId()));
            ExceptionRecord r = ExceptionRecord.of(o, d, m, zone);
            DataOutputStream out = outs.get(r.cause());
            if (out == null) {
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(r.cause()))));
                outs.put(r.cause(), out);
            }
            r.writeTo(out);
            counts.merge(r.cause(), 1L, Long::sum);
        }
    }

    private Path file(ExceptionCause c) {
        return dir.resolve(c.name() + ".bin");
    }

    public long count(ExceptionCause c) {
        return counts.getOrDefault(c, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The causes that occur, most orders first (ties in priority order). */
    public List<ExceptionCause> groups() {
        return counts.keySet().stream()
                .sorted(Comparator.comparingLong((ExceptionCause c) -> -counts.get(c)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Every record, group by group ({@link #groups()} order). */
    public void forEach(RecordSink sink) throws IOException {
        for (ExceptionCause c : groups()) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(c))))) {
                for (long i = 0; i < counts.get(c); i++) {
                    sink.accept(ExceptionRecord.readFrom(in));
                }
            } catch (EOFException e) {
                throw new IOException("exception spool of " + c + " is shorter than its count", e);
            }
        }
    }

    @Override
    public void close() {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
