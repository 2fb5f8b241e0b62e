package com.logisticskpi.ingest;

import static com.logisticskpi.ingest.IngestTestKit.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The tickets export (exports.md "tickets"): the spec's two tickets files with the example inbox (snapshots, orphans),
 * every reject of the contract with file, line, column and reason, aliases of headers, types and categories, and a
 * file over the reject limit leaving the stored tickets as they were.
 */
class TicketIngestTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Path TICKETS = Path.of("src/test/resources/spec-example-tickets");

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext ctx;
    static IngestService service;
    static JdbcTemplate jdbc;
    static Path rejectsDir;

    @TempDir
    Path inbox;

    @BeforeAll
    static void start() {
        Path config = write(dataDir, "tickets.yml", """
                kpi:
                  ingest:
                    reject-limit: 1
                    tickets:
                      header-aliases:
                        ticket_id: [工单号]
                      type-aliases:
                        COMPLAINT: [投诉]
                      category-aliases:
                        LATE: [延误]
                        WRONG_ITEM: [发错货]
                """);
        ctx = AppContext.start(TestDatabases.options(List.of("--data-dir", dataDir.toString(), "--config",
                config.toString())));
        service = ctx.getBean(IngestService.class);
        jdbc = ctx.getBean(JdbcTemplate.class);
        rejectsDir = ctx.getBean(AppProperties.class).rejectsDir();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @BeforeEach
    void clear() {
        IngestTestKit.clearAll(jdbc);
    }

    private Path exampleWithTickets() throws Exception {
        for (Path dir : List.of(IngestTestKit.EXAMPLE_INBOX, TICKETS)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("(orders|shipments|returns|surveys|tickets)_.*\\.csv")).toList()) {
                    Files.copy(f, inbox.resolve(f.getFileName()));
                }
            }
        }
        return inbox;
    }

    @Test
    void theExampleTicketsLoadAsSnapshotsWithTheirOrphanCounted() throws Exception {
        IngestSummary summary = service.ingest(exampleWithTickets(), SHANGHAI, null);

        List<FileResult> tickets = summary.files().stream().filter(f -> f.kind() == ExportKind.TICKETS).toList();
        // tickets load after the four other kinds, by business date
        assertThat(summary.files().get(summary.files().size() - 1).fileName()).isEqualTo("tickets_20261112.csv");
        assertThat(tickets).extracting(FileResult::fileName, FileResult::status, FileResult::rowsRead,
                FileResult::rowsLoaded, FileResult::rowsSuperseded, FileResult::rowsRejected, FileResult::orphans)
                .containsExactly(
                        // 7 rows, T3 twice: its second row wins within the file (1 superseded); T4 has no order (no orphan)
                        org.assertj.core.groups.Tuple.tuple("tickets_20261111.csv", FileStatus.LOADED, 7L, 6L, 1L, 0L, 0L),
                        // T5 and T7 replace their 11-11 rows (2 superseded); T6 names A9, which has no order line: 1 orphan
                        org.assertj.core.groups.Tuple.tuple("tickets_20261112.csv", FileStatus.LOADED, 3L, 3L, 2L, 0L, 1L));

        assertThat(jdbc.queryForList("select ticket_id from service_ticket order by ticket_id", String.class))
                .containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7");
        // T3: the last row of the 11-11 file, reopened ("yes"), resolved 22:15 local = 14:15Z
        Map<String, Object> t3 = jdbc.queryForMap("select * from service_ticket where ticket_id = 'T3'");
        assertThat(t3).containsEntry("ticket_type", "CLAIM").containsEntry("category", "DAMAGED")
                .containsEntry("reopened", true).containsEntry("contact_channel", "phone");
        assertThat(jdbc.queryForObject("select resolved_time from service_ticket where ticket_id = 'T3'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2026-11-11T14:15:00"));
        // T2: 15:30Z as written, open, blank reopened = N
        assertThat(jdbc.queryForObject("select first_response_time from service_ticket where ticket_id = 'T2'",
                LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-11T15:30:00"));
        assertThat(jdbc.queryForMap("select resolved_time, reopened from service_ticket where ticket_id = 'T2'"))
                .containsEntry("resolved_time", null).containsEntry("reopened", false);
        // T5 resolved by the later file; T4 an inquiry without category or order
        assertThat(jdbc.queryForObject("select resolved_time from service_ticket where ticket_id = 'T5'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2026-11-12T02:00:00"));
        assertThat(jdbc.queryForMap("select order_id, category, ticket_type from service_ticket where ticket_id = 'T4'"))
                .containsEntry("order_id", null).containsEntry("category", null).containsEntry("ticket_type", "INQUIRY");
        // untrusted text stays text, exactly as written
        assertThat(jdbc.queryForObject("select comment_text from service_ticket where ticket_id = 'T6'", String.class))
                .isEqualTo("=HYPERLINK(\"http://example.invalid\",\"x\") courier was rude, order A9");
        assertThat(jdbc.queryForObject("select contact_channel from service_ticket where ticket_id = 'T6'", String.class))
                .isEqualTo("电话");

        // loading the same files again changes nothing
        Map<String, List<String>> before = IngestTestKit.dumpExports(jdbc);
        service.ingest(inbox, SHANGHAI, null);
        assertThat(IngestTestKit.dumpExports(jdbc)).isEqualTo(before);
    }

    @Test
    void everyTicketRejectNamesItsLineColumnAndReason() {
        write(inbox, "tickets_20261111.csv", """
                工单号,order_id,customer_id,opened_time,type,category,first_response_time,resolved_time,reopened,comment
                K1,A1,C1,2026-11-11 10:00:00,投诉,延误,2026-11-11 09:59:59,,,answered before it was opened
                K2,A1,C1,2026-11-11 10:00:00,COMPLAINT,LATE,,2026-11-11T01:59:00Z,,resolved 09:59 local
                K3,A1,C1,2026-11-11 10:00:00,REQUEST,LATE,,,,
                K4,A1,C1,2026-11-11 10:00:00,CLAIM,LOST,,,,
                K5,A1,C1,2026-11-11 10:00:00,claim,,,,,"no category on a claim"
                K6,A1,C1,,INQUIRY,,,,,
                K7,A1,C1,2026-11-11 10:00:00,INQUIRY,,,,maybe,
                K8,A1,C1,2026-11-11 10:00,INQUIRY,,,,,
                K9,,,2026-11-11 10:00:00,inquiry,,2026-11-11 10:00:00,2026-11-11 10:00:00,是,"answered and resolved at the opening"
                K10,A2,C1,2026-11-11 10:00:00,投诉,发错货,2026-11-11T02:00:00Z,,否,
                """);
        IngestSummary summary = service.ingest(inbox, SHANGHAI, null);

        FileResult f = summary.files().get(0);
        assertThat(f.status()).as(f.message()).isEqualTo(FileStatus.LOADED);
        assertThat(IngestTestKit.rejects(rejectsDir, "tickets_20261111.csv")).extracting(
                r -> r.get("file") + "|" + r.get("line") + "|" + r.get("column") + "|" + r.get("reason")).containsExactly(
                "tickets_20261111.csv|2|first_response_time|before_opened_time",
                "tickets_20261111.csv|3|resolved_time|before_opened_time",
                "tickets_20261111.csv|4|type|unknown_ticket_type",
                "tickets_20261111.csv|5|category|unknown_category",
                "tickets_20261111.csv|6|category|missing_required",
                "tickets_20261111.csv|7|opened_time|missing_required",
                "tickets_20261111.csv|8|reopened|bad_boolean",
                "tickets_20261111.csv|9|opened_time|bad_timestamp");
        assertThat(f.rowsRead()).isEqualTo(10);
        assertThat(f.rowsLoaded()).isEqualTo(2);
        assertThat(f.rejectsByReason()).containsExactlyEntriesOf(new TreeMap<>(Map.of("bad_boolean", 1L,
                "bad_timestamp", 1L, "before_opened_time", 2L, "missing_required", 2L, "unknown_category", 1L,
                "unknown_ticket_type", 1L)));
        // K9: times equal to the opening are fine; an inquiry needs no category; 是 = reopened. K10: aliases mapped;
        // A1 and A2 are not stored orders here, so K10 is an orphan (K9 has no order: not one)
        assertThat(jdbc.queryForList("select ticket_id || ':' || ticket_type || ':' || coalesce(category, '-') || ':'"
                + " || case when reopened then 'Y' else 'N' end"
                + " from service_ticket order by ticket_id", String.class))
                .containsExactly("K10:COMPLAINT:WRONG_ITEM:N", "K9:INQUIRY:-:Y");
        assertThat(f.orphans()).isEqualTo(1);
    }

    @Test
    void aTicketsFileOverTheRejectLimitLeavesTheStoredTicketsAsBefore() throws Exception {
        service.ingest(exampleWithTickets(), SHANGHAI, null);
        Map<String, List<String>> before = IngestTestKit.dumpExports(jdbc);
        Path later = inbox.resolve("later");
        StringBuilder rows = new StringBuilder("ticket_id,opened_time,type,category,resolved_time\n");
        for (int i = 1; i <= 99; i++) {
            rows.append("N").append(i).append(",2026-11-13 10:00:00,COMPLAINT,LATE,\n");
        }
        rows.append("T2,2026-11-11 19:00:00,COMPLAINT,LATE,2026-11-11 18:00:00\n"); // resolved before opened
        rows.append("T1,2026-11-11 11:00:00,COMPLAINT,WRONG_ITEM,2026-11-13 09:00:00\n");
        write(later, "tickets_20261113.csv", rows.toString());
        IngestService strict = new IngestService(ctx.getBean(javax.sql.DataSource.class),
                ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                new IngestProperties(null, null, null, null, null, null),
                ctx.getBean(com.logisticskpi.config.SurveyProperties.class), ctx.getBean(AppProperties.class));

        // 2 of 102 rows rejected: above the 1 % limit, the whole file fails and changes nothing
        String twoBad = rows + "T4,2026-11-11 09:00:00,INQUIRY,,2026-11-11 08:00:00\n";
        write(later, "tickets_20261113.csv", twoBad);
        FileResult failed = strict.ingest(later, SHANGHAI, null).files().get(0);
        assertThat(failed.status()).isEqualTo(FileStatus.FAILED);
        assertThat(failed.message()).contains("tickets_20261113.csv").contains("reject limit");
        assertThat(IngestTestKit.dumpExports(jdbc)).isEqualTo(before);

        // without the second bad row: 1 of 101 = 0.99 %, within the limit: the 99 new tickets and T1's resolution load
        write(later, "tickets_20261113.csv", rows.toString());
        FileResult ok = strict.ingest(later, SHANGHAI, null).files().get(0);
        assertThat(ok.status()).isEqualTo(FileStatus.LOADED);
        assertThat(ok.rowsLoaded()).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from service_ticket", Integer.class)).isEqualTo(7 + 99);
        assertThat(jdbc.queryForObject("select resolved_time from service_ticket where ticket_id = 'T1'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2026-11-13T01:00:00"));
    }
}
