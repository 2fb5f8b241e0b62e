package com.logisticskpi.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one export file row by row (RFC 4180: fields holding the delimiter, a quote or a line break are quoted,
 * quotes doubled). Streams to disk through a buffer; never holds the rows.
 */
final class CsvExportWriter implements AutoCloseable {

    private final Path path;
    private final Writer out;
    private final String lineEnd;
    private long rows;

    CsvExportWriter(Path path, Charset charset, boolean bom, boolean crlf, List<String> header) {
        this.path = path;
        this.lineEnd = crlf ? "\r\n" : "\n";
        try {
            // REPORT: a character the charset cannot encode is a generator bug, not something to replace with '?'
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
                    charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            if (bom) {
                out.write('\uFEFF');
            }
            writeLine(header.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    void row(String... fields) {
        writeLine(fields);
        rows++;
    }

    /** Data rows written so far (the header is not counted). */
    long rows() {
        return rows;
    }

    Path path() {
        return path;
    }

    private void writeLine(String[] fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(fields[i]));
            }
            out.write(lineEnd);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
