package com.logisticskpi.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams one export file: strict decoding, RFC 4180 records, the header matched to the kind's columns, and for
 * every record the PHYSICAL line where it starts (quoted line breaks counted). Holds one record at a time.
 * Every failure that makes the whole file unreadable is an {@link IngestException} naming the file.
 */
final class ExportFileReader implements Closeable {

    /** A data record and the 1-based physical line where it starts. */
    record LineRecord(long line, CSVRecord record) {
    }

    private final String fileName;
    private final String charsetName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ColumnLayout layout;
    private final CSVFormat format;
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

    ExportFileReader(Path file, String fileName, char delimiter, Charset charset, List<CsvColumn> columns,
                     Map<String, List<String>> aliases) {
        this.fileName = fileName;
        this.charsetName = charset.name();
        this.format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        InputStream in = null;
        try {
            in = new CountingInputStream(Files.newInputStream(file), bytes);
            this.parser = CSVParser.builder().setReader(new StrictDecodingReader(in, charset)).setFormat(format).get();
        } catch (IOException e) {
            closeQuietly(in);
            throw new IngestException(fileName + ": cannot read: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
        CSVRecord header = nextOrNull();
        if (header == null) {
            closeQuietly(parser);
            throw new IngestException(fileName + ": empty file, a header row is required");
        }
        try {
            this.layout = ColumnLayout.of(header.toList(), columns, aliases);
        } catch (IngestException e) {
            closeQuietly(parser);
            throw new IngestException(fileName + ": " + e.getMessage(), e);
        }
    }

    ColumnLayout layout() {
        return layout;
    }

    CSVFormat format() {
        return format;
    }

    /** The next non-blank record, or null at the end of the file. */
    LineRecord next() {
        while (true) {
            long startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord r = nextOrNull();
            if (r == null) {
                return null;
            }
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue; // a blank line is no record
            }
            return new LineRecord(startLine, r);
        }
    }

    private CSVRecord nextOrNull() {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw failure(e.getCause(), line);
        } catch (IllegalStateException e) {
            throw failure(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()), line);
        }
    }

    private IngestException failure(IOException cause, long line) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StrictDecodingReader.UndecodableInputException u) {
                return new IngestException(fileName + ": " + u.getMessage(), u);
            }
        }
        String msg = cause == null ? "" : String.valueOf(cause.getMessage());
        if (msg.contains("EOF")) {
            return new IngestException(fileName + ": truncated: the quoted field of the record starting on line "
                    + line + " is not closed at the end of the file", cause);
        }
        return new IngestException(fileName + ": malformed CSV in the record starting on line " + line + ": " + msg, cause);
    }

    /** Bytes of the file read so far (the decoder reads ahead a buffer, so slightly more than parsed). */
    long bytesRead() {
        return bytes.get();
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final java.util.concurrent.atomic.AtomicLong count;

        CountingInputStream(InputStream in, java.util.concurrent.atomic.AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count.addAndGet(Math.max(0, s));
            return s;
        }
    }

    String charsetName() {
        return charsetName;
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // reading only
            }
        }
    }
}
