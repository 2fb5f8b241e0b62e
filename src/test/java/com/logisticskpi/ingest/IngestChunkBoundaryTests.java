package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * Files larger than the writer's chunk ({@link StoredRowWriter#CHUNK} rows), with duplicate keys inside a chunk and
 * across chunks (a later row of the file overwrites the file's own row of an earlier chunk), returns whose duplicate
 * rows point to different orders (some unknown: orphans), survey responses re-answered with other items, and files
 * loaded out of order (an older file after a newer one). The stored rows and every file's counts are checked against
 * a plain in-memory model of the snapshot rules (docs/ingest.md "Merge rules" and "Counts per file"), on H2 and on
 * MariaDB.
 */
class IngestChunkBoundaryTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path work;

    @Test
    void h2MatchesTheModel() {
        check(TestDatabases.h2Options(work.resolve("h2")), "100000");
    }

    @Test
    void mariadbMatchesTheModel() {
        check(TestDatabases.mysqlOptions(work.resolve("mariadb")), "100000");
    }

    /** The same files written in bounded transactions (a commit every 1,000 rows, with the undo log): same result. */
    @Test
    void h2MatchesTheModelInCommittedChunks() {
        check(TestDatabases.h2Options(work.resolve("h2-chunks")), "1000");
    }

    @Test
    void mariadbMatchesTheModelInCommittedChunks() {
        check(TestDatabases.mysqlOptions(work.resolve("mariadb-chunks")), "1000");
    }

    /** One generated file: name and rows (each row: key, order_id, line_no, value, answers). */
    record Gen(String name, String kind, List<String[]> rows, String csv) {
    }

    private void check(CommonOptions options, String commitRows) {
        Random random = new Random(42);
        // orders: O1..O1500 with line 1, every third also line 2
        StringBuilder orders = new StringBuilder("order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity\n");
        for (int i = 1; i <= 1500; i++) {
            orders.append(id("O", i)).append(",1,C1,2026-11-01 10:00:00,2026-11-03 18:00:00,S1,1\n");
            if (i % 3 == 0) {
                orders.append(id("O", i)).append(",2,C1,2026-11-01 10:00:00,2026-11-03 18:00:00,S1,1\n");
            }
        }
        // the first inbox: orders and the NEWER files; the second inbox: older files (loaded later) and newest ones
        List<Gen> first = List.of(shipments("shipments_20261105.csv", random, 2600, 1700),
                returns("returns_20261105.csv", random, 2300, 1200),
                surveys("surveys_20261105.csv", random, 2200, 1300));
        List<Gen> second = List.of(shipments("shipments_20261103.csv", random, 2100, 1700),
                shipments("shipments_20261107.csv", random, 1200, 1700),
                returns("returns_20261103.csv", random, 1500, 1200),
                returns("returns_20261106.csv", random, 1100, 1200),
                surveys("surveys_20261104.csv", random, 1400, 1300),
                surveys("surveys_20261106.csv", random, 900, 1300));

        Model model = new Model();
        for (int i = 1; i <= 1500; i++) {
            model.orderLines.add(id("O", i) + "/1");
            if (i % 3 == 0) {
                model.orderLines.add(id("O", i) + "/2");
            }
        }
        Path inbox1 = work.resolve("inbox1-" + System.nanoTime());
        Path inbox2 = work.resolve("inbox2-" + System.nanoTime());
        IngestTestKit.write(inbox1, "orders_20261101.csv", orders.toString());
        first.forEach(g -> IngestTestKit.write(inbox1, g.name(), g.csv()));
        second.forEach(g -> IngestTestKit.write(inbox2, g.name(), g.csv()));

        try (ConfigurableApplicationContext ctx = AppContext.start(options, Map.of("kpi.ingest.reject-limit", "0",
                "kpi.ingest.commit-rows", commitRows))) {
            IngestService service = ctx.getBean(IngestService.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            IngestTestKit.clearAll(jdbc);
            List<FileResult> results = new ArrayList<>(service.ingest(inbox1, SHANGHAI, null).files());
            results.addAll(service.ingest(inbox2, SHANGHAI, null).files());

            List<String> expectedCounts = new ArrayList<>();
            expectedCounts.add("orders_20261101.csv LOADED 2000 2000 0 0");
            // the service loads kind by kind, by date within a kind
            for (List<Gen> inbox : List.of(first, second)) {
                for (String kind : List.of("shipments", "returns", "surveys")) {
                    inbox.stream().filter(g -> g.kind().equals(kind))
                            .sorted(java.util.Comparator.comparing(Gen::name))
                            .forEach(g -> expectedCounts.add(model.load(g)));
                }
            }
            assertThat(results).extracting(r -> r.fileName() + " " + r.status() + " " + r.rowsRead() + " "
                    + r.rowsLoaded() + " " + r.rowsSuperseded() + " " + r.orphans()).containsExactlyElementsOf(expectedCounts);

            assertThat(jdbc.queryForList("""
                    SELECT CONCAT(shipment_id, '|', order_id, '|', line_no, '|', quantity, '|', src_order, '|', src_line)
                    FROM shipment_line ORDER BY shipment_id, order_id, line_no""", String.class))
                    .containsExactlyElementsOf(model.stored.get("shipments").values());
            assertThat(jdbc.queryForList("""
                    SELECT CONCAT(return_id, '|', order_id, '|', line_no, '|', quantity, '|', src_order, '|', src_line)
                    FROM return_line ORDER BY return_id, line_no""", String.class))
                    .containsExactlyElementsOf(model.stored.get("returns").values());
            assertThat(jdbc.queryForList("""
                    SELECT CONCAT(response_id, '|', order_id, '|', 0, '|', q_overall, '|', src_order, '|', src_line)
                    FROM survey_response ORDER BY response_id""", String.class))
                    .containsExactlyElementsOf(model.stored.get("surveys").values());
            assertThat(jdbc.queryForList("SELECT CONCAT(response_id, '|', item, '|', score) FROM survey_answer "
                    + "ORDER BY response_id, item", String.class))
                    .containsExactlyElementsOf(model.answers.values());
            for (ExportKind kind : ExportKind.values()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + FileUndo.undoTable(kind), Long.class))
                        .as("undo log of " + kind).isZero();
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + FileUndo.ANSWERS_TABLE, Long.class)).isZero();
        }
    }

    // --- generators (keys drawn from a pool smaller than the file: duplicates everywhere, also across chunks) ---

    private static String id(String prefix, int n) {
        return prefix + String.format("%05d", n); // fixed width: the model's TreeMap order is the database's order
    }

    private static Gen shipments(String name, Random random, int rows, int pool) {
        StringBuilder csv = new StringBuilder("shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,status\n");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(pool);
            // the key fixes order and line; orders above O1500 are unknown (orphans), line 2 only every third order
            String order = id("O", k % 1600 + 1);
            int line = 1 + k % 2;
            String qty = Integer.toString(random.nextInt(9) + 1);
            String key = id("P", k) + "|" + order + "|" + line;
            out.add(new String[] {key, order, Integer.toString(line), qty});
            csv.append(id("P", k)).append(',').append(order).append(',').append(line).append(",S1,").append(qty)
                    .append(",SF,2026-11-02 08:00:00,IN_TRANSIT\n");
        }
        return new Gen(name, "shipments", out, csv.toString());
    }

    private static Gen returns(String name, Random random, int rows, int pool) {
        StringBuilder csv = new StringBuilder("return_id,order_id,line_no,requested_time,reason_code,quantity\n");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(pool);
            int line = k % 3; // 0 = whole order
            // the order is NOT part of the key: duplicates of one key point to different (sometimes unknown) orders
            String order = id("O", random.nextInt(1700) + 1);
            String qty = Integer.toString(random.nextInt(9) + 1);
            String key = id("R", k) + "|" + line;
            out.add(new String[] {key, order, Integer.toString(line), qty});
            csv.append(id("R", k)).append(',').append(order).append(',').append(line == 0 ? "" : Integer.toString(line))
                    .append(",2026-11-03 10:00:00,LATE,").append(qty).append('\n');
        }
        return new Gen(name, "returns", out, csv.toString());
    }

    private static Gen surveys(String name, Random random, int rows, int pool) {
        StringBuilder csv = new StringBuilder("response_id,order_id,response_time,q_overall,q_timeliness,q_service\n");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(pool);
            String order = id("O", random.nextInt(1700) + 1);
            String overall = Integer.toString(random.nextInt(5) + 1);
            String timeliness = random.nextBoolean() ? Integer.toString(random.nextInt(5) + 1) : "";
            String service = random.nextBoolean() ? Integer.toString(random.nextInt(5) + 1) : "";
            out.add(new String[] {id("V", k), order, "0", overall, timeliness, service});
            csv.append(id("V", k)).append(',').append(order).append(",2026-11-04 09:00:00,").append(overall).append(',')
                    .append(timeliness).append(',').append(service).append('\n');
        }
        return new Gen(name, "surveys", out, csv.toString());
    }

    /** The snapshot rules, written plainly: last row per key in a file, a later file (source order) wins. */
    static final class Model {
        final java.util.Set<String> orderLines = new java.util.HashSet<>();
        final Map<String, TreeMap<String, String>> stored = Map.of(
                "shipments", new TreeMap<>(), "returns", new TreeMap<>(), "surveys", new TreeMap<>());
        final Map<String, String> srcOrder = new java.util.HashMap<>(); // kind + key -> src_order
        final TreeMap<String, String> answers = new TreeMap<>();         // response|item -> "response|item|score"

        String load(Gen g) {
            String order = g.name().replaceAll("\\D", "").substring(0, 8) + "/" + g.name();
            Map<String, Integer> lastLine = new LinkedHashMap<>();
            for (int i = 0; i < g.rows().size(); i++) {
                lastLine.put(g.rows().get(i)[0], i);
            }
            long loaded = 0;
            long replaced = 0;
            long orphans = 0;
            for (Map.Entry<String, Integer> w : lastLine.entrySet()) {
                String[] row = g.rows().get(w.getValue());
                String key = w.getKey();
                String before = srcOrder.get(g.kind() + key);
                if (before != null && before.compareTo(order) > 0) {
                    continue; // a later file holds the key
                }
                if (before != null) {
                    replaced++;
                }
                loaded++;
                long srcLine = w.getValue() + 2L; // header is line 1
                srcOrder.put(g.kind() + key, order);
                String orderId = row[1];
                int lineNo = Integer.parseInt(row[2]);
                switch (g.kind()) {
                    case "shipments" -> {
                        stored.get("shipments").put(key, key + "|" + row[3] + "|" + order + "|" + srcLine);
                        orphans += orderLines.contains(orderId + "/" + lineNo) ? 0 : 1;
                    }
                    case "returns" -> {
                        String id = key.substring(0, key.indexOf('|'));
                        stored.get("returns").put(key, id + "|" + orderId + "|" + lineNo + "|" + row[3] + "|" + order + "|" + srcLine);
                        boolean known = lineNo == 0
                                ? orderLines.contains(orderId + "/1") || orderLines.contains(orderId + "/2")
                                : orderLines.contains(orderId + "/" + lineNo);
                        orphans += known ? 0 : 1;
                    }
                    default -> {
                        stored.get("surveys").put(key, key + "|" + orderId + "|0|" + row[3] + "|" + order + "|" + srcLine);
                        answers.remove(key + "|q_service");
                        answers.remove(key + "|q_timeliness");
                        if (!row[4].isEmpty()) {
                            answers.put(key + "|q_timeliness", key + "|q_timeliness|" + row[4]);
                        }
                        if (!row[5].isEmpty()) {
                            answers.put(key + "|q_service", key + "|q_service|" + row[5]);
                        }
                    }
                }
            }
            long staged = g.rows().size();
            long superseded = (staged - lastLine.size()) + replaced + (lastLine.size() - loaded);
            return g.name() + " LOADED " + staged + " " + loaded + " " + superseded + " " + orphans;
        }
    }
}
