package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictDecodingReaderTests {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void utf8BomIsSkipped() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "order_id,华东".getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(bytes, StandardCharsets.UTF_8)).isEqualTo("order_id,华东");
    }

    @Test
    void gbkAndGb18030FourByteCharactersDecode() throws IOException {
        assertThat(readAll("区域,华东".getBytes(GBK), GBK)).isEqualTo("区域,华东");
        // U+20BB7 is 4 bytes in GB18030 (0x95 0x32 0x82 0x36) and a surrogate pair in Java
        byte[] fourByte = "\uD842\uDFB7野家".getBytes(GB18030);
        assertThat(fourByte).hasSize(4 + 2 + 2);
        assertThat(readAll(fourByte, GB18030)).isEqualTo("𠮷野家");
    }

    @Test
    void invalidGbkFailsWithTheByteOffset() {
        // "ab" then 0x81 0x20: 0x81 is a GBK lead byte, 0x20 is no valid trail byte
        byte[] bytes = {'a', 'b', (byte) 0x81, 0x20, 'c'};
        assertThatThrownBy(() -> readAll(bytes, GBK))
                .isInstanceOf(StrictDecodingReader.UndecodableInputException.class)
                .hasMessage("not valid GBK at byte 2 (line 1)");
    }

    @Test
    void invalidUtf8DeepInABigStreamNamesTheExactOffset() {
        // 200,000 ASCII bytes (several buffers) with a line feed as every 100th byte (2,000 lines), then a lone
        // continuation byte: at byte 200,000 on line 2,001
        byte[] bytes = new byte[200_001];
        java.util.Arrays.fill(bytes, (byte) 'x');
        for (int i = 99; i < 200_000; i += 100) {
            bytes[i] = '\n';
        }
        bytes[200_000] = (byte) 0x80;
        assertThatThrownBy(() -> readAll(bytes, StandardCharsets.UTF_8))
                .isInstanceOf(StrictDecodingReader.UndecodableInputException.class)
                .hasMessage("not valid UTF-8 at byte 200000 (line 2001)");
    }

    @Test
    void truncatedMultiByteSequenceAtTheEndFails() {
        byte[] full = "ab华".getBytes(StandardCharsets.UTF_8); // 华 = 3 bytes
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        assertThatThrownBy(() -> readAll(cut, StandardCharsets.UTF_8))
                .isInstanceOf(StrictDecodingReader.UndecodableInputException.class)
                .hasMessage("not valid UTF-8 at byte 2 (line 1)");
    }

    @Test
    void emptyInputIsEmpty() throws IOException {
        assertThat(readAll(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }

    private static String readAll(byte[] bytes, Charset cs) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Reader r = new StrictDecodingReader(new ByteArrayInputStream(bytes), cs)) {
            char[] buf = new char[7];
            int n;
            while ((n = r.read(buf, 0, buf.length)) >= 0) {
                sb.append(buf, 0, n);
            }
        }
        return sb.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
