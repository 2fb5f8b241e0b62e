package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFileReaderTests {

    private static final List<CsvColumn> COLUMNS = List.of(CsvColumn.required("order_id", 100),
            CsvColumn.required("line_no", 0), CsvColumn.optional("comment", 4000));

    @TempDir
    Path dir;

    record Seen(long line, List<String> values) {
    }

    @Test
    void physicalLineNumbersCountQuotedLineBreaksAndCrlf() throws Exception {
        // line 1 header; line 2 A1; lines 3-5 A2 (two quoted line breaks, one CRLF); line 6 blank (skipped);
        // line 7 A3 with a doubled quote and a quoted delimiter; line 8 A4 without final line end
        String csv = "order_id,line_no,comment\r\n"
                + "A1,1,plain\r\n"
                + "A2,1,\"first\nsecond\r\nthird\"\r\n"
                + "\r\n"
                + "A3,2,\"say \"\"hi\"\", then, go\"\n"
                + "A4,1,";
        List<Seen> seen = readAll(write("orders_20261110.csv", csv, StandardCharsets.UTF_8), ',', StandardCharsets.UTF_8,
                Map.of());
        assertThat(seen).containsExactly(
                new Seen(2, List.of("A1", "1", "plain")),
                new Seen(3, List.of("A2", "1", "first\nsecond\r\nthird")),
                new Seen(7, List.of("A3", "2", "say \"hi\", then, go")),
                new Seen(8, List.of("A4", "1", "")));
    }

    @Test
    void headerIsCaseInsensitiveTrimmedBomFreeInAnyOrderWithAliasesAndExtras() throws Exception {
        // BOM + shuffled columns, " Line_No " in other case with spaces, 订单号 as alias of order_id, one extra column
        String csv = "\uFEFFremark, Line_No ,订单号,COMMENT\n x ,2,A9,hello\n";
        Path f = write("orders_20261110.csv", csv, StandardCharsets.UTF_8);
        try (ExportFileReader r = new ExportFileReader(f, "orders_20261110.csv", ',', StandardCharsets.UTF_8, COLUMNS,
                Map.of("order_id", List.of("订单号")))) {
            assertThat(r.layout().indexOf("order_id")).isEqualTo(2);
            assertThat(r.layout().indexOf("line_no")).isEqualTo(1);
            assertThat(r.layout().indexOf("comment")).isEqualTo(3);
            assertThat(r.layout().extraColumns()).containsExactly("remark");
            Row row = new Row(r.layout(), r.next().record());
            assertThat(row.value("order_id")).isEqualTo("A9");
            assertThat(row.value("line_no")).isEqualTo("2");
        }
    }

    @Test
    void aliasKeyWithoutUnderscoreStillFindsTheColumn() throws Exception {
        // Spring may bind the map key order_id as "orderid"
        Path f = write("orders_20261110.csv", "单号,line_no\nA1,1\n", StandardCharsets.UTF_8);
        try (ExportFileReader r = new ExportFileReader(f, "orders_20261110.csv", ',', StandardCharsets.UTF_8, COLUMNS,
                Map.of("orderid", List.of("单号")))) {
            assertThat(r.layout().indexOf("order_id")).isZero();
        }
    }

    @Test
    void semicolonAndTabDelimitersAndGbk() throws Exception {
        Charset gbk = Charset.forName("GBK");
        Path semi = write("orders_20261110.csv", "订单号;line_no;comment\nA1;1;华东, 上海\n", gbk);
        assertThat(readAll(semi, ';', gbk, Map.of("order_id", List.of("订单号"))))
                .containsExactly(new Seen(2, List.of("A1", "1", "华东, 上海")));
        Path tab = write("orders_20261111.csv", "order_id\tline_no\nA1\t1\n", StandardCharsets.UTF_8);
        assertThat(readAll(tab, '\t', StandardCharsets.UTF_8, Map.of()))
                .containsExactly(new Seen(2, List.of("A1", "1")));
    }

    @Test
    void missingRequiredColumnFailsTheFileByName() throws Exception {
        Path f = write("orders_20261110.csv", "order_id,comment\nA1,x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(f, ',', StandardCharsets.UTF_8, Map.of()))
                .isInstanceOf(IngestException.class)
                .hasMessage("orders_20261110.csv: missing required column line_no");
    }

    @Test
    void columnGivenTwiceFailsTheFile() throws Exception {
        Path f = write("orders_20261110.csv", "order_id,line_no,订单号\nA1,1,A1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(f, ',', StandardCharsets.UTF_8, Map.of("order_id", List.of("订单号"))))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("orders_20261110.csv: column order_id appears twice");
    }

    @Test
    void unterminatedQuoteAtTheEndIsATruncatedFile() throws Exception {
        Path f = write("orders_20261110.csv", "order_id,line_no,comment\nA1,1,ok\nA2,1,\"cut off here\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(f, ',', StandardCharsets.UTF_8, Map.of()))
                .isInstanceOf(IngestException.class)
                .hasMessage("orders_20261110.csv: truncated: the quoted field of the record starting on line 3 is not "
                        + "closed at the end of the file");
    }

    @Test
    void undecodableBytesFailTheFileByNameAndOffset() throws Exception {
        byte[] head = "order_id,line_no\nA1,1\nA".getBytes(StandardCharsets.US_ASCII); // 23 bytes
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xFF; // never valid in GBK
        bytes[head.length + 1] = ',';
        bytes[head.length + 2] = '1';
        Path f = dir.resolve("orders_20261112.csv");
        Files.write(f, bytes);
        assertThatThrownBy(() -> readAll(f, ',', Charset.forName("GBK"), Map.of()))
                .isInstanceOf(IngestException.class)
                .hasMessage("orders_20261112.csv: not valid GBK at byte 23 (line 3)");
    }

    @Test
    void emptyFileHasNoHeader() throws Exception {
        Path f = write("orders_20261110.csv", "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(f, ',', StandardCharsets.UTF_8, Map.of()))
                .isInstanceOf(IngestException.class)
                .hasMessage("orders_20261110.csv: empty file, a header row is required");
    }

    private Path write(String name, String content, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(cs));
        return f;
    }

    private static List<Seen> readAll(Path f, char delimiter, Charset cs, Map<String, List<String>> aliases) {
        List<Seen> out = new ArrayList<>();
        try (ExportFileReader r = new ExportFileReader(f, f.getFileName().toString(), delimiter, cs, COLUMNS, aliases)) {
            for (ExportFileReader.LineRecord lr = r.next(); lr != null; lr = r.next()) {
                out.add(new Seen(lr.line(), lr.record().toList()));
            }
        }
        return out;
    }
}
