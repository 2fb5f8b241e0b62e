package com.logisticskpi.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes {@code <rejects dir>/<file name>.csv} (UTF-8, columns file, line, column, reason, raw_record) and counts
 * rejects per reason. The file is created on the first reject; an older reject file of the same input is removed
 * when the load starts. raw_record is the record's fields written back in the input's own CSV dialect (with a
 * leading apostrophe when it would otherwise start like a spreadsheet formula).
 */
final class RejectWriter implements Closeable {

    static final String[] HEADER = {"file", "line", "column", "reason", "raw_record"};

    private final Path target;
    private final String fileName;
    private final CSVFormat inputFormat;
    private final Map<String, Long> countByReason = new TreeMap<>();
    private CSVPrinter printer;
    private long total;

    RejectWriter(Path rejectsDir, String fileName, CSVFormat inputFormat) {
        this.target = rejectFile(rejectsDir, fileName);
        this.fileName = fileName;
        this.inputFormat = inputFormat;
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reject file of an input file; the name must be a plain file name (no directory part). */
    static Path rejectFile(Path rejectsDir, String fileName) {
        if (!InboxFile.isPlainFileName(fileName)) {
            throw new IngestException("'" + fileName + "' is not a plain file name");
        }
        return rejectsDir.resolve(fileName + ".csv");
    }

    void reject(long line, String column, String reason, CSVRecord record) throws IOException {
        if (printer == null) {
            Files.createDirectories(target.getParent());
            Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
            printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        }
        String raw = inputFormat.builder().setRecordSeparator("").get().format(record.values());
        printer.printRecord(defuse(fileName), line, column, reason, defuse(raw));
        countByReason.merge(reason, 1L, Long::sum);
        total++;
    }

    /**
     * Untrusted text must not become a spreadsheet formula when the reject file is opened in Excel: a value that
     * starts with = + - @ (or a tab / carriage return) gets a leading apostrophe (the usual CSV-injection guard).
     */
    static String defuse(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    long total() {
        return total;
    }

    Map<String, Long> countByReason() {
        return countByReason;
    }

    Path target() {
        return target;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close(true);
        }
    }
}
