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

    /** Thrown for invalid input; the message names the charset and the byte offset (0-based). */
    static final class UndecodableInputException extends IOException {
        private final long byteOffset;

        UndecodableInputException(String charset, long byteOffset) {
            super("not valid " + charset + " at byte " + byteOffset);
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
        if (result.isError()) {
            throw new UndecodableInputException(charsetName, consumedBefore + bytes.position());
        }
        if (eof && !bytes.hasRemaining()) {
            flushCalled = true;
            CoderResult end = decoder.flush(chars);
            if (end.isError()) {
                throw new UndecodableInputException(charsetName, consumedBefore + bytes.position());
            }
        }
        chars.flip();
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
