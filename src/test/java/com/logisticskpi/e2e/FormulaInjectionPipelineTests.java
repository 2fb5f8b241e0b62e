package com.logisticskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.ingest.FileStatus;
import com.logisticskpi.ingest.IngestSummary;

/**
 * SAFETY through the whole pipeline: an inbox whose ids, names, regions, carriers and comments start with formula
 * payloads ({@code =HYPERLINK("http://x","y")}, {@code @SUM(A1)}, {@code +1}, {@code -1}, a tab, a CR) is ingested,
 * computed and reported; the xlsx is unzipped and no {@code <f>} element exists anywhere (the template has none),
 * the conditional-formatting formulas hold no payload, and every payload cell is a quote-prefixed string.
 */
class FormulaInjectionPipelineTests {

    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+1", "-1", "\t=1+2", "\r=3+4",
            "\uFF1D1+1");

    @TempDir
    Path dir;

    static String p(int i) {
        return PAYLOADS.get(Math.floorMod(i, PAYLOADS.size()));
    }

    static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            out.printRecord(header);
            for (List<String> r : rows) {
                out.printRecord(r);
            }
        }
    }

    /**
     * 12 orders placed 2026-11-20 10:00, promised 11-22 18:00; delivered 11-22 at 12:00 (even: on time) or 20:00
     * (odd: late), every third damaged, order 11 never delivered (overdue at as-of 11-23 00:00); one DAMAGED return
     * and a survey answer per order, all ids and names starting with a payload.
     */
    Path inbox() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<List<String>> orders = new ArrayList<>();
        List<List<String>> shipments = new ArrayList<>();
        List<List<String>> surveys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = p(i) + "O" + i;
            orders.add(List.of(id, "1", p(i + 1) + "C" + i, "2026-11-20 10:00:00", "2026-11-22 18:00:00", p(i + 2) + "SKU",
                    p(i + 3) + "cat", "1", "10.00", p(i + 4) + "WH", p(i), p(i + 5) + "CH", "OK"));
            if (i != 11) {
                shipments.add(List.of(p(i + 3) + "S" + i, id, "1", p(i + 2) + "SKU", "1", p(i + 4) + "WH", p(i + 1) + "CAR",
                        "2026-11-21 09:00:00", i % 2 == 0 ? "2026-11-22 12:00:00" : "2026-11-22 20:00:00", "DELIVERED",
                        i % 3 == 0 ? "Y" : "N", "Y"));
            }
            surveys.add(List.of(p(i + 2) + "V" + i, id, p(i + 1) + "C" + i, "2026-11-22 21:00:00", String.valueOf(1 + i % 5),
                    "4", "5", "3", "4", "2", "5", String.valueOf(i % 11), p(i)));
        }
        csv(inbox.resolve("orders_20261120.csv"), List.of("order_id", "line_no", "customer_id", "order_time",
                "promised_delivery_time", "sku", "category", "quantity", "unit_price", "warehouse_id", "region", "channel",
                "status"), orders);
        csv(inbox.resolve("shipments_20261122.csv"), List.of("shipment_id", "order_id", "line_no", "sku", "quantity",
                "warehouse_id", "carrier", "ship_time", "delivered_time", "status", "damaged", "documents_ok"), shipments);
        csv(inbox.resolve("returns_20261122.csv"), List.of("return_id", "order_id", "line_no", "sku", "quantity",
                "requested_time", "received_time", "refunded_time", "reason_code", "comment"),
                List.of(List.of(p(0) + "R1", p(2) + "O2", "1", p(4) + "SKU", "1", "2026-11-22 22:00:00", "", "", "DAMAGED", p(0))));
        csv(inbox.resolve("surveys_20261122.csv"), List.of("response_id", "order_id", "customer_id", "response_time",
                "q_overall", "q_timeliness", "q_accuracy", "q_condition", "q_service", "q_after_sales", "q_information",
                "q_recommend", "comment"), surveys);
        return inbox;
    }

    @Test
    void payloadsFromTheExportsNeverBecomeFormulas() throws Exception {
        List<String> h2 = E2e.h2Args(dir.resolve("data"));
        IngestSummary summary = E2e.ingest(h2, inbox());
        assertThat(summary.files()).as(summary.toString()).hasSize(4)
                .allMatch(f -> f.status().equals(FileStatus.LOADED) && f.rowsRejected() == 0);
        Path out = dir.resolve("out");
        Path xlsx = E2e.report(h2, "2026-11-22", "2026-11-23T00:00:00+08:00", out, "en");

        Map<String, byte[]> entries = E2e.unzip(xlsx);
        Pattern formula = Pattern.compile("<(?:\\w+:)?f[\\s>/]");
        Pattern cf = Pattern.compile("<(?:\\w+:)?formula>(.*?)</(?:\\w+:)?formula>", Pattern.DOTALL);
        int payloadStrings = 0;
        for (var e : entries.entrySet()) {
            if (!e.getKey().endsWith(".xml") && !e.getKey().endsWith(".rels")) {
                continue;
            }
            String xml = new String(e.getValue(), StandardCharsets.UTF_8);
            assertThat(formula.matcher(xml).find()).as("a <f> element in " + e.getKey()).isFalse();
            Matcher m = cf.matcher(xml);
            while (m.find()) {
                // conditional formatting of the Breakdowns sheet: AND(ISNUMBER(B5),B5>=0.95) and the like only
                String f = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
                assertThat(f).as(e.getKey()).matches("[A-Z0-9(),.<>=$ +-]*").doesNotContain("HYPERLINK", "SUM");
            }
            if (e.getKey().equals("xl/sharedStrings.xml") || e.getKey().startsWith("xl/worksheets/")) {
                payloadStrings += count(xml, "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
            }
        }
        // the payloads did reach the workbook, as text (order ids on Exceptions, regions on Breakdowns, ...)
        assertThat(payloadStrings).isGreaterThan(0);

        // every text cell starting with a formula character is a quote-prefixed string
        int checked = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).as(s.getSheetName() + "!" + c.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isEmpty()
                                && "=+-@\t\r\n".indexOf(c.getStringCellValue().charAt(0)) >= 0) {
                            assertThat(c.getCellStyle().getQuotePrefixed()).as(s.getSheetName() + "!" + c.getAddress()).isTrue();
                            checked++;
                        }
                    }
                }
            }
            // the 11 late / overdue / damaged orders on the Exceptions sheet alone bring dozens of such cells
            assertThat(checked).isGreaterThan(40);
            Sheet exceptions = E2e.sheetOf(wb, "exceptions_table");
            var head = E2e.ref(wb, "exceptions_table");
            List<String> ids = new ArrayList<>();
            for (int r = exceptions.getRepeatingRows().getFirstRow() + 1; r <= exceptions.getLastRowNum(); r++) {
                String id = E2e.text(E2e.cell(exceptions, r, head.getCol()));
                if (id == null || id.isEmpty()) {
                    break;
                }
                ids.add(id);
            }
            // late: the 6 odd orders (1,3,5,7,9 delivered 20:00; 11 overdue); damaged: 0, 3, 6, 9 -> 0 and 6 are extra;
            // order 2's DAMAGED return (requested 2 h after delivery) makes it damaged too: 9 exceptions
            assertThat(ids).hasSize(9);
            assertThat(ids).anyMatch(id -> id.startsWith("=HYPERLINK(\"http://x\",\"y\")O"));
        }
    }

    /**
     * The CSV files beside the workbook (issue 15, item 7): every free-text value that would start a formula — also the
     * full-width {@code ＝1+1} — starts with an apostrophe in kpi-values.csv, orders-outcome.csv and the exceptions CSV,
     * numbers stay numbers, and the exceptions CSV masks customer ids as the workbook does; {@code --raw-csv} writes the
     * values as stored.
     */
    @Test
    void theCsvOutputsAreNeutralisedAndTheExceptionsCsvMasksCustomerIds() throws Exception {
        List<String> h2 = E2e.h2Args(dir.resolve("data"));
        E2e.ingest(h2, inbox());
        Path out = dir.resolve("out");
        E2e.report(h2, "2026-11-22", "2026-11-23T00:00:00+08:00", out, "en");

        List<org.apache.commons.csv.CSVRecord> values = read(out.resolve("kpi-values.csv"));
        List<String> regions = values.stream().filter(r -> r.get("slice").equals("region"))
                .map(r -> r.get("slice_value")).distinct().toList();
        // ingest trims values: the tab and CR payloads arrive as =1+2 and =3+4
        assertThat(regions).containsExactlyInAnyOrder("'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)", "'+1", "'-1",
                "'=1+2", "'=3+4", "'\uFF1D1+1");
        for (var r : values) {
            assertThat(r.get("slice_value")).doesNotMatch("(?s)^[=+\\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20].*");
            assertThat(r.get("value")).matches("-?[0-9.]+");           // numbers are never touched
        }
        List<org.apache.commons.csv.CSVRecord> outcomes = read(out.resolve("orders-outcome.csv"));
        assertThat(outcomes).hasSize(12);
        for (var r : outcomes) {
            for (String col : List.of("order_id", "customer_id", "warehouse", "carrier", "region", "channel")) {
                assertThat(r.get(col)).as(col).doesNotMatch("(?s)^[=+\\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20].*");
            }
        }
        assertThat(outcomes).anyMatch(r -> r.get("order_id").equals("'=HYPERLINK(\"http://x\",\"y\")O0")
                && r.get("customer_id").equals("'@SUM(A1)C0"));
        List<org.apache.commons.csv.CSVRecord> exceptions = read(out.resolve("kpi-exceptions_2026-11-22.csv"));
        assertThat(exceptions).hasSize(9);
        for (var r : exceptions) {
            assertThat(r.get("customer_masked")).contains("****");
        }
        // C0 with payload "@SUM(A1)" in front: @SUM(A1)C0 -> @S****C0 (first and last two kept), then neutralised
        assertThat(exceptions).anyMatch(r -> r.get("customer_masked").equals("'@S****C0"));
        assertThat(Files.readString(out.resolve("kpi-exceptions_2026-11-22.csv"))).doesNotContain("@SUM(A1)C0");

        Path raw = dir.resolve("raw");
        List<String> rawArgs = new ArrayList<>(h2);
        rawArgs.add("--raw-csv");
        E2e.report(rawArgs, "2026-11-22", "2026-11-23T00:00:00+08:00", raw, "en");
        assertThat(read(raw.resolve("kpi-values.csv")).stream().map(r -> r.get("slice_value")))
                .contains("=HYPERLINK(\"http://x\",\"y\")", "-1", "\uFF1D1+1");
        assertThat(read(raw.resolve("orders-outcome.csv"))).anyMatch(r -> r.get("customer_id").equals("@SUM(A1)C0"));
        assertThat(read(raw.resolve("kpi-exceptions_2026-11-22.csv"))).allMatch(r -> r.get("customer_masked").contains("****"));
    }

    private static List<org.apache.commons.csv.CSVRecord> read(Path csv) throws IOException {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
