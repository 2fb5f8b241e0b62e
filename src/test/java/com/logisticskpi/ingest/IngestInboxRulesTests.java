package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.testsupport.CliRun;

/**
 * Inbox hygiene (issue 15, item 6): links are not followed out of the inbox, a file still being written (modified in
 * the last minute, or cut off without a final line break) is left for the next run with a warning, names match the
 * patterns case-insensitively, files matching no pattern are listed, and a line break in a file name cannot forge a
 * log line.
 */
class IngestInboxRulesTests {

    static final String ORDERS = "order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity\n";
    static final String SHIPMENTS = "shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,delivered_time,status\n";

    @TempDir
    Path dir;

    @Test
    void linksHalfWrittenFilesAndStrangeNamesAreLeftAndListed() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path secret = Files.writeString(dir.resolve("secret.csv"), ORDERS + "LEAK,1,C,2026-11-20 10:00:00,2026-11-21,S,1\n");
        old(IngestTestKit.write(inbox, "orders_20261120.csv", ORDERS + "A1,1,C1,2026-11-20 10:00:00,2026-11-22,S1,1\n"));
        old(IngestTestKit.write(inbox, "Orders_20261121.CSV", ORDERS + "A2,1,C1,2026-11-21 10:00:00,2026-11-23,S1,1\n"));
        old(IngestTestKit.write(inbox, "orders-20261122.csv", ORDERS + "A3,1,C1,2026-11-22 10:00:00,2026-11-24,S1,1\n"));
        Files.createSymbolicLink(inbox.resolve("orders_20261123.csv"), secret);
        Files.createSymbolicLink(inbox.resolve("surveys_20261123.csv"), Path.of("/etc/passwd"));
        String full = SHIPMENTS + "P1,A1,1,S1,1,SF,2026-11-21 09:00:00,2026-11-22 12:00:00,DELIVERED\n"
                + "P2,A2,1,S1,1,SF,2026-11-22 09:00:00,2026-11-23 12:00:00,DELIVERED\n";
        Path cut = old(IngestTestKit.write(inbox, "shipments_20261122.csv", full.substring(0, full.length() * 6 / 10)));
        Path fresh = IngestTestKit.write(inbox, "returns_20261122.csv",
                "return_id,order_id,requested_time,reason_code\nR1,A1,2026-11-22 20:00:00,LATE\n");   // just written
        old(IngestTestKit.write(inbox, "orders_20261124\nFORGED line.csv", ORDERS));
        Path config = Files.writeString(dir.resolve("inbox.yml"), "kpi:\n  ingest:\n    inbox:\n      min-age: 60s\n"
                + "      require-final-newline: true\n");
        Path data = dir.resolve("data");

        CliRun.Result r = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", data.toString(), "--config",
                config.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("orders_20261120.csv", "Orders_20261121.CSV")
                .contains("not loaded: orders-20261122.csv matches no export file pattern (orders_*.csv, shipments_*.csv, "
                        + "returns_*.csv, surveys_*.csv, tickets_*.csv): not loaded")
                .contains("not loaded: orders_20261123.csv is a symbolic link: not followed (kpi.ingest.inbox.links)")
                .contains("not loaded: surveys_20261123.csv is a symbolic link: not followed")
                .contains("not loaded: shipments_20261122.csv has no line break after its last line (cut off while being "
                        + "copied?): left for the next run")
                .containsPattern("not loaded: returns_20261122.csv was modified \\d+ s ago \\(still being written\\?\\): "
                        + "left for the next run \\(kpi.ingest.inbox.min-age 60 s\\)")
                .contains("not loaded: orders_20261124\\nFORGED line.csv has control characters in its name")
                .doesNotContain("LEAK", "root:");
        assertThat(r.out().lines().filter(l -> l.startsWith("FORGED"))).isEmpty();
        assertThat(Files.exists(data.resolve("rejects").resolve("orders_20261123.csv.csv"))).isFalse();
        String log = Files.readString(data.resolve("logs").resolve("kpi.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("orders_20261124\\nFORGED line.csv");
        assertThat(log.lines().filter(l -> l.startsWith("FORGED"))).isEmpty();

        // the copy finished and a minute passed: the next run loads both
        Files.writeString(cut, full);
        old(cut);
        old(fresh);
        CliRun.Result next = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", data.toString(), "--config",
                config.toString());
        assertThat(next.code()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).containsPattern("shipments_20261122\\.csv\\s+shipments\\s+LOADED\\s+2\\s+2")
                .containsPattern("returns_20261122\\.csv\\s+returns\\s+LOADED\\s+1\\s+1")
                .doesNotContain("not loaded: shipments_20261122.csv", "not loaded: returns_20261122.csv");
    }

    private static Path old(Path f) throws java.io.IOException {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        return f;
    }
}
