package com.logisticskpi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.cli.KpiCli;

class SampleDataGeneratorTests {

    /** The configuration of the bundled set, exactly as sample-data/README.md documents it. */
    static final String[] BUNDLED_ARGS = {"--start-date", "2026-10-26", "--days", "28", "--orders-per-day", "150",
            "--seed", "20261122", "--zone", "Asia/Shanghai"};

    @TempDir
    static Path shared;
    static Path bundled;
    /** file name -> rows (each row: column -> value), in file order */
    static Map<String, List<Map<String, String>>> rows = new TreeMap<>();
    static Map<String, byte[]> raw = new TreeMap<>();

    @BeforeAll
    static void generateBundledConfiguration() throws IOException {
        bundled = shared.resolve("bundled");
        List<String> args = new ArrayList<>(List.of("generate", "--out", bundled.toString()));
        args.addAll(Arrays.asList(BUNDLED_ARGS));
        assertThat(KpiCli.run(args.toArray(String[]::new))).isZero();
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                raw.put(f.getFileName().toString(), bytes);
                rows.put(f.getFileName().toString(), parse(bytes));
            }
        }
    }

    static List<Map<String, String>> parse(byte[] bytes) throws IOException {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
        List<Map<String, String>> out = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            for (CSVRecord r : p) {
                out.add(r.toMap());
            }
        }
        return out;
    }

    static List<Map<String, String>> all(ExportFileFormat kind) {
        List<Map<String, String>> out = new ArrayList<>();
        rows.forEach((name, list) -> {
            if (name.startsWith(kind.prefix() + "_")) {
                out.addAll(list);
            }
        });
        return out;
    }

    private static void generate(Path out, long seed) {
        assertThat(KpiCli.run("generate", "--out", out.toString(), "--start-date", "2026-11-01", "--days", "3",
                "--orders-per-day", "60", "--seed", Long.toString(seed))).isZero();
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith(".")) {
                    continue;          // sample-data/inbox/.kpi-keep: the archive step copies instead of moving (docs/nightly.md)
                }
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        generate(a, 7);
        generate(b, 7);
        Map<String, byte[]> first = contents(a);
        Map<String, byte[]> second = contents(b);
        assertThat(first).hasSize(15);                      // 5 kinds x 3 days
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void differentSeedGivesDifferentFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        generate(a, 7);
        generate(b, 8);
        Map<String, byte[]> first = contents(a);
        Map<String, byte[]> second = contents(b);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(Arrays.equals(first.get("orders_20261101.csv"), second.get("orders_20261101.csv"))).isFalse();
        assertThat(Arrays.equals(first.get("shipments_20261102.csv"), second.get("shipments_20261102.csv"))).isFalse();
    }

    @Test
    void theCommittedSampleSetIsWhatTheDocumentedCommandWrites() throws IOException {
        Path committed = Path.of("sample-data", "inbox");
        assertThat(committed).isDirectory();
        Map<String, byte[]> expected = contents(committed);
        assertThat(expected.keySet()).isEqualTo(raw.keySet());
        raw.forEach((name, bytes) -> assertThat(expected.get(name)).as(name).isEqualTo(bytes));
        long total = raw.values().stream().mapToLong(b -> b.length).sum();
        assertThat(total).isLessThan(3_000_000L);
    }

    @Test
    void oneFilePerKindAndDayWithTheContractHeader() {
        // 2026-10-26 .. 2026-11-22 = 28 days, 5 kinds (tickets included)
        assertThat(raw).hasSize(5 * 28);
        for (LocalDate d = LocalDate.of(2026, 10, 26); !d.isAfter(LocalDate.of(2026, 11, 22)); d = d.plusDays(1)) {
            for (ExportFileFormat kind : ExportFileFormat.values()) {
                String name = kind.prefix() + "_" + d.toString().replace("-", "") + ".csv";
                assertThat(raw).containsKey(name);
                String text = new String(raw.get(name), StandardCharsets.UTF_8).replace("\uFEFF", "");
                String header = text.substring(0, text.indexOf('\n')).replace("\r", "");
                assertThat(header).as(name).isEqualTo(String.join(",", kind.header()));
            }
        }
        assertThat(ExportFileFormat.ORDERS.header()).containsExactly("order_id", "line_no", "customer_id", "order_time",
                "promised_delivery_time", "sku", "category", "quantity", "unit_price", "warehouse_id", "region", "channel", "status");
        assertThat(ExportFileFormat.SHIPMENTS.header()).containsExactly("shipment_id", "order_id", "line_no", "sku", "quantity",
                "warehouse_id", "carrier", "ship_time", "delivered_time", "status", "damaged", "documents_ok");
    }

    @Test
    void someFilesHaveABomAndSomeCrlfLineEnds() {
        long bom = raw.values().stream().filter(b -> (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF).count();
        long crlf = raw.values().stream().filter(b -> new String(b, StandardCharsets.UTF_8).contains("status\r\n")
                || new String(b, StandardCharsets.UTF_8).contains("comment\r\n") || new String(b, StandardCharsets.UTF_8).contains("documents_ok\r\n")).count();
        assertThat(bom).isBetween(1L, (long) raw.size() - 1);
        assertThat(crlf).isBetween(1L, (long) raw.size() - 1);
    }

    @Test
    void ordersCarryTheTimestampAndStatusQuirks() {
        List<Map<String, String>> orders = all(ExportFileFormat.ORDERS);
        assertThat(orders.size()).isBetween(28 * 150, 28 * 150 * 4);
        assertThat(orders).anyMatch(r -> r.get("promised_delivery_time").matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(orders).anyMatch(r -> r.get("promised_delivery_time").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertThat(orders).anyMatch(r -> r.get("order_time").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"));
        assertThat(orders).anyMatch(r -> r.get("order_time").endsWith("+08:00"));
        assertThat(orders).anyMatch(r -> r.get("order_time").matches(".*:\\d{2}\\.\\d{3}"));
        assertThat(orders).anyMatch(r -> r.get("status").equals("CANCELLED"));
        assertThat(orders).anyMatch(r -> r.get("status").isEmpty());
        assertThat(orders).anyMatch(r -> r.get("warehouse_id").isEmpty());
        for (String s : List.of("SH01", "BJ02", "GZ03", "CD04")) {
            assertThat(orders).anyMatch(r -> r.get("warehouse_id").equals(s));
        }
        for (String s : List.of("华东", "华北", "华南", "西南", "华中")) {
            assertThat(orders).anyMatch(r -> r.get("region").equals(s));
        }
        for (String s : List.of("APP", "WEB", "MINI", "STORE")) {
            assertThat(orders).anyMatch(r -> r.get("channel").equals(s));
        }
        // 1..4 lines per order
        Map<String, Integer> lines = new HashMap<>();
        orders.forEach(r -> lines.merge(r.get("order_id"), 1, Math::max));
        orders.forEach(r -> lines.merge(r.get("order_id"), Integer.parseInt(r.get("line_no")), Math::max));
        assertThat(lines.values()).contains(1, 2, 3, 4).allMatch(n -> n >= 1 && n <= 4);
        // a line exported OK and later re-exported as CANCELLED (a snapshot update)
        Map<String, String> firstStatus = new HashMap<>();
        boolean cancelledLater = false;
        for (Map<String, String> r : orders) {
            String key = r.get("order_id") + "/" + r.get("line_no");
            String before = firstStatus.putIfAbsent(key, r.get("status"));
            cancelledLater |= before != null && !before.equals("CANCELLED") && r.get("status").equals("CANCELLED");
        }
        assertThat(cancelledLater).isTrue();
    }

    @Test
    void shipmentsCarryEveryOutcome() {
        Map<String, Map<String, String>> orderLines = new HashMap<>();
        all(ExportFileFormat.ORDERS).forEach(r -> orderLines.put(r.get("order_id") + "/" + r.get("line_no"), r));
        List<Map<String, String>> shipments = all(ExportFileFormat.SHIPMENTS);
        for (String s : List.of("IN_TRANSIT", "DELIVERED", "LOST", "REFUSED")) {
            assertThat(shipments).as(s).anyMatch(r -> r.get("status").equals(s));
        }
        for (String c : List.of("SF", "JD", "ZTO", "YTO", "EMS")) {
            assertThat(shipments).anyMatch(r -> r.get("carrier").equals(c));
        }
        assertThat(shipments).anyMatch(r -> r.get("delivered_time").endsWith("Z"));
        for (String yes : List.of("Y", "是", "true", "1")) {
            assertThat(shipments).as("damaged=" + yes).anyMatch(r -> r.get("damaged").equals(yes));
        }
        assertThat(shipments).anyMatch(r -> Set.of("N", "否", "false", "0").contains(r.get("documents_ok")));
        assertThat(shipments).anyMatch(r -> r.get("documents_ok").isEmpty());

        // latest row per key, in file order (files are sorted by date)
        Map<String, Map<String, String>> latest = new HashMap<>();
        Map<String, String> firstStatus = new HashMap<>();
        boolean reexported = false;
        for (Map<String, String> r : shipments) {
            String key = r.get("shipment_id") + "/" + r.get("order_id") + "/" + r.get("line_no");
            String before = firstStatus.putIfAbsent(key, r.get("status"));
            reexported |= "IN_TRANSIT".equals(before) && r.get("status").equals("DELIVERED");
            latest.put(key, r);
        }
        assertThat(reexported).as("IN_TRANSIT first, DELIVERED in a later file").isTrue();

        Map<String, Set<String>> packagesPerOrder = new HashMap<>();
        Map<String, Integer> unitsPerLine = new HashMap<>();
        boolean wrongSku = false;
        for (Map<String, String> r : latest.values()) {
            if (r.get("order_id").contains("BAD")) {
                continue;
            }
            packagesPerOrder.computeIfAbsent(r.get("order_id"), k -> new HashSet<>()).add(r.get("shipment_id"));
            String line = r.get("order_id") + "/" + r.get("line_no");
            unitsPerLine.merge(line, Integer.parseInt(r.get("quantity")), Integer::sum);
            Map<String, String> ordered = orderLines.get(line);
            assertThat(ordered).as("shipment for an unknown line " + line).isNotNull();
            wrongSku |= !ordered.get("sku").equals(r.get("sku"));
        }
        assertThat(packagesPerOrder.values()).as("split shipment").anyMatch(s -> s.size() >= 2);
        assertThat(wrongSku).as("wrong SKU packed").isTrue();
        assertThat(unitsPerLine.entrySet()).as("short shipment")
                .anyMatch(e -> e.getValue() < Integer.parseInt(orderLines.get(e.getKey()).get("quantity")));
    }

    @Test
    void returnsCoverEveryReasonAndRefundsArriveLater() {
        List<Map<String, String>> returns = all(ExportFileFormat.RETURNS);
        for (String reason : List.of("DAMAGED", "WRONG_ITEM", "MISSING_ITEM", "DEFECTIVE", "NOT_AS_DESCRIBED", "LATE",
                "CHANGED_MIND", "OTHER")) {
            assertThat(returns).as(reason).anyMatch(r -> r.get("reason_code").equals(reason));
        }
        assertThat(returns).as("whole-order return").anyMatch(r -> r.get("line_no").isEmpty());
        Map<String, Map<String, String>> first = new HashMap<>();
        boolean refundedLater = false;
        for (Map<String, String> r : returns) {
            String key = r.get("return_id") + "/" + r.get("line_no");
            Map<String, String> before = first.putIfAbsent(key, r);
            refundedLater |= before != null && before.get("refunded_time").isEmpty() && !r.get("refunded_time").isEmpty();
        }
        assertThat(refundedLater).isTrue();
    }

    @Test
    void commentsHoldEveryKindOfHostileText() {
        List<String> comments = new ArrayList<>();
        all(ExportFileFormat.RETURNS).forEach(r -> comments.add(r.get("comment")));
        all(ExportFileFormat.SURVEYS).forEach(r -> comments.add(r.get("comment")));
        assertThat(comments).anyMatch(c -> c.contains(","));
        assertThat(comments).anyMatch(c -> c.contains("\""));
        assertThat(comments).anyMatch(c -> c.contains("\n"));
        assertThat(comments).anyMatch(c -> c.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        assertThat(comments).contains("=1+1", "@SUM(A1)");
    }

    @Test
    void surveyScoresFollowTheOutcomeAndSomeItemsAreMissing() {
        Set<String> damagedOrders = new HashSet<>();
        all(ExportFileFormat.SHIPMENTS).forEach(r -> {
            if (Set.of("Y", "是", "true", "1", "yes", "TRUE").contains(r.get("damaged"))) {
                damagedOrders.add(r.get("order_id"));
            }
        });
        double[] sum = new double[2];
        int[] n = new int[2];
        List<Map<String, String>> surveys = all(ExportFileFormat.SURVEYS);
        for (Map<String, String> r : surveys) {
            if (r.get("q_condition").isEmpty()) {
                continue;
            }
            int group = damagedOrders.contains(r.get("order_id")) ? 1 : 0;
            sum[group] += Integer.parseInt(r.get("q_condition"));
            n[group]++;
        }
        assertThat(n[1]).isPositive();
        // damaged deliveries: mood 4.5 - 1.6 and condition shift -1.2 -> about 1.7; the others about 4.5
        assertThat(sum[1] / n[1]).isLessThan(sum[0] / n[0] - 1.0);
        assertThat(surveys).anyMatch(r -> r.get("q_timeliness").isEmpty());
        assertThat(surveys).anyMatch(r -> r.get("order_id").isEmpty() && !r.get("customer_id").isEmpty());
        assertThat(surveys).allMatch(r -> r.get("q_recommend").isEmpty() || Integer.parseInt(r.get("q_recommend")) <= 10);
    }

    @Test
    void customerRevenueIsSkewedEnoughForAbc() {
        Map<String, Double> revenue = new HashMap<>();
        for (Map<String, String> r : all(ExportFileFormat.ORDERS)) {
            if (!r.get("order_id").contains("BAD") && !r.get("status").equals("CANCELLED")) {
                revenue.merge(r.get("customer_id"), Integer.parseInt(r.get("quantity")) * Double.parseDouble(r.get("unit_price")), Double::sum);
            }
        }
        List<Double> sorted = revenue.values().stream().sorted((x, y) -> Double.compare(y, x)).toList();
        double total = sorted.stream().mapToDouble(Double::doubleValue).sum();
        double top20 = sorted.subList(0, sorted.size() / 5).stream().mapToDouble(Double::doubleValue).sum();
        assertThat(top20 / total).isGreaterThan(0.5);
    }

    @Test
    void aFewBadRowsStayWellUnderTheRejectLimit() {
        int bad = 0;
        for (Map.Entry<String, List<Map<String, String>>> e : rows.entrySet()) {
            long inFile = e.getValue().stream().filter(r -> r.values().stream().anyMatch(v -> v.contains("BAD1"))).count();
            if (inFile > 0) {
                // at most 1 bad row in a file of at least 200 rows: <= 0.5 %
                assertThat(inFile).isEqualTo(1);
                assertThat(e.getValue().size()).isGreaterThanOrEqualTo(BadRowInjector.MIN_ROWS);
            }
            bad += (int) inFile;
        }
        assertThat(bad).isBetween(2, 10);
        assertThat(all(ExportFileFormat.ORDERS)).anyMatch(r -> r.get("order_time").contains("25:61"));
        assertThat(all(ExportFileFormat.SHIPMENTS)).anyMatch(r -> r.get("status").equals("SHIPPED"));
    }

    @Test
    void gbkFilesAreEncodedInGbk(@TempDir Path out) throws IOException {
        assertThat(KpiCli.run("generate", "--out", out.toString(), "--start-date", "2026-11-01", "--days", "1",
                "--orders-per-day", "40", "--gbk")).isZero();
        byte[] bytes = Files.readAllBytes(out.resolve("orders_20261101.csv"));
        String text = new String(bytes, java.nio.charset.Charset.forName("GBK"));
        assertThat(text).startsWith("order_id,").containsAnyOf("华东", "华北", "华南", "西南", "华中");
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path out) {
        assertThat(KpiCli.run("generate", "--out", out.toString(), "--start-date", "2026-11-01", "--zone", "Mars/Base"))
                .isEqualTo(2);
        assertThat(KpiCli.run("generate", "--out", out.toString(), "--start-date", "2026-11-01", "--days", "0"))
                .isEqualTo(2);
        assertThat(ZoneId.of("Asia/Shanghai")).isNotNull();
    }
}
