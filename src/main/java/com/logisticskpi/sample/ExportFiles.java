package com.logisticskpi.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The open export files, one per kind and business date, opened when the first row for that date arrives and closed
 * as soon as the generator has moved past that date (so only a window of files is open, whatever the set size).
 * Rows dated after the last business date are dropped: those events have not happened yet when the set ends.
 * Every business date of the range gets all four files (header only when nothing happened).
 */
final class ExportFiles implements AutoCloseable {

    /** Called for each file just before it is closed; may append deliberately bad rows. */
    interface BadRows {
        void append(ExportFileFormat kind, LocalDate date, int dayIndex, CsvExportWriter writer);
    }

    private final GeneratorSettings settings;
    private final BadRows badRows;
    private final Map<ExportFileFormat, TreeMap<LocalDate, CsvExportWriter>> open = new EnumMap<>(ExportFileFormat.class);
    private final Map<ExportFileFormat, Long> rowsPerKind = new EnumMap<>(ExportFileFormat.class);
    private final java.util.Set<String> opened = new java.util.HashSet<>();
    private int files;
    private int bomFiles;
    private int crlfFiles;

    ExportFiles(GeneratorSettings settings, BadRows badRows) {
        this.settings = settings;
        this.badRows = badRows;
        for (ExportFileFormat k : ExportFileFormat.values()) {
            open.put(k, new TreeMap<>());
            rowsPerKind.put(k, 0L);
        }
        try {
            Files.createDirectories(settings.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + settings.out(), e);
        }
    }

    /** Writes a row into the file of {@code kind} for {@code date}; returns false when the date is outside the set. */
    boolean write(ExportFileFormat kind, LocalDate date, String... fields) {
        if (date.isBefore(settings.startDate()) || date.isAfter(settings.endDate())) {
            return false;
        }
        CsvExportWriter w = open.get(kind).get(date);
        if (w == null) {
            w = openFile(kind, date);
        }
        w.row(fields);
        return true;
    }

    /** Closes every file dated before {@code date} (the generator will not write to them again). */
    void closeBefore(LocalDate date) {
        for (ExportFileFormat kind : ExportFileFormat.values()) {
            TreeMap<LocalDate, CsvExportWriter> byDate = open.get(kind);
            Iterator<Map.Entry<LocalDate, CsvExportWriter>> it = byDate.headMap(date, false).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<LocalDate, CsvExportWriter> e = it.next();
                finish(kind, e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    /** Makes sure every date of the range has its four files, then closes them all. */
    @Override
    public void close() {
        for (LocalDate d = settings.startDate(); !d.isAfter(settings.endDate()); d = d.plusDays(1)) {
            for (ExportFileFormat kind : ExportFileFormat.values()) {
                if (!opened.contains(kind.fileName(d))) {
                    openFile(kind, d);
                }
            }
        }
        closeBefore(settings.endDate().plusDays(1));
    }

    private CsvExportWriter openFile(ExportFileFormat kind, LocalDate date) {
        int dayIndex = dayIndex(date);
        // per-file format quirks, decided by the seed so that the same seed gives the same bytes
        SplittableRandom r = new SplittableRandom(settings.seed() * 1_000_003L + kind.ordinal() * 7919L + date.toEpochDay());
        boolean bom = settings.isUtf8() && (r.nextDouble() < 0.15 || (kind == ExportFileFormat.ORDERS && dayIndex == 1));
        boolean crlf = r.nextDouble() < 0.2 || (kind == ExportFileFormat.SHIPMENTS && dayIndex == 2);
        CsvExportWriter w = new CsvExportWriter(settings.out().resolve(kind.fileName(date)), settings.charset(), bom, crlf,
                kind.header());
        open.get(kind).put(date, w);
        opened.add(kind.fileName(date));
        files++;
        bomFiles += bom ? 1 : 0;
        crlfFiles += crlf ? 1 : 0;
        return w;
    }

    private void finish(ExportFileFormat kind, LocalDate date, CsvExportWriter w) {
        badRows.append(kind, date, dayIndex(date), w);
        rowsPerKind.merge(kind, w.rows(), Long::sum);
        w.close();
    }

    private int dayIndex(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(settings.startDate(), date);
    }

    Map<ExportFileFormat, Long> rowsPerKind() {
        return rowsPerKind;
    }

    int files() {
        return files;
    }

    int bomFiles() {
        return bomFiles;
    }

    int crlfFiles() {
        return crlfFiles;
    }
}
