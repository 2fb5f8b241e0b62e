package com.logisticskpi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A Reader that decodes strictly: a byte sequence that is not valid in the charset throws
 * {@link UndecodableInputException} with the exact byte offset, instead of turning into U+FFFD. A UTF-8
 * byte-order mark at the very start is skipped. Streams: holds only one 64 KiB buffer.
 */
final class StrictDecodingReader extends Reader {

    /**
     * Thrown for invalid input; the message names the charset, the byte offset (0-based) and the physical line
     * (1-based: line breaks decoded before the bad bytes + 1).
     */
    static final class UndecodableInputException extends IOException {
        private final long byteOffset;

        UndecodableInputException(String charset, long byteOffset, long line) {
            super("not valid " + charset + " at byte " + byteOffset + " (line " + line + ")");
            this.byteOffset = byteOffset;
        }

        long byteOffset() {
            return byteOffset;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String charsetName;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    /** Bytes removed from the front of {@link #bytes} so far (offset of bytes.position() 0 after compaction). */
    private long consumedBefore;
    private boolean eof;
    private boolean flushCalled;
    private boolean flushed;
    private boolean first = true;
    /** Line feeds decoded so far (for the line of an error). */
    private long lineFeeds;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charsetName = charset.name();
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    private void fill() throws IOException {
        if (flushCalled) {
            flushed = true;
            return;
        }
        if (!eof && bytes.remaining() < 16) {
            consumedBefore += bytes.position();
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + r);
            }
            bytes.flip();
            if (first) {
                first = false;
                skipUtf8Bom();
            }
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, eof);
        countLineFeeds();
        if (result.isError()) {
            throw new UndecodableInputException(charsetName, consumedBefore + bytes.position(), lineFeeds + 1);
        }
        if (eof && !bytes.hasRemaining()) {
            flushCalled = true;
            CoderResult end = decoder.flush(chars);
            if (end.isError()) {
                throw new UndecodableInputException(charsetName, consumedBefore + bytes.position(), lineFeeds + 1);
            }
        }
        chars.flip();
    }

    /** Counts the line feeds among the chars just decoded (chars.position() is the end of them, before flip). */
    private void countLineFeeds() {
        char[] a = chars.array();
        for (int i = 0, n = chars.position(); i < n; i++) {
            if (a[i] == '\n') {
                lineFeeds++;
            }
        }
    }

    private void skipUtf8Bom() {
        if (decoder.charset().equals(StandardCharsets.UTF_8) && bytes.remaining() >= 3
                && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(3);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
