package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.testsupport.CliRun;

/**
 * Implausible input is stopped at the door (issue 15, item 3): timestamps before 2000-01-01 (0001-01-01, 1970-01-01)
 * or more than 400 days ahead, a promise before its order, a delivery before its shipping and a refund before its
 * request are rejected with file, line, column and reason, and never reach the engine.
 */
class IngestPlausibilityTests {

    static final String ORDERS_HEADER = "order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity\n";

    @TempDir
    Path dir;

    @Test
    void implausibleTimesAndOrderingsAreRejectedWithFileLineAndColumn() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        IngestTestKit.write(inbox, "orders_20261120.csv", ORDERS_HEADER
                + "OK1,1,C1,2026-11-20 10:00:00,2026-11-22 18:00:00,S1,1\n"          // line 2: fine
                + "Y1,1,C1,0001-01-01 00:00:00,2026-11-22 18:00:00,S1,1\n"          // line 3
                + "Y2,1,C1,1970-01-01 00:00:00,2026-11-22 18:00:00,S1,1\n"          // line 4
                + "Y3,1,C1,2026-11-20 10:00:00,2099-01-01,S1,1\n"                   // line 5: date-only, far future
                + "P1,1,C1,2026-11-20 10:00:00,2026-11-19 18:00:00,S1,1\n"          // line 6: promised before ordered
                + "P2,1,C1,2026-11-20 10:00:00,2026-11-20,S1,1\n"                   // line 7: same day, date-only: fine
                + "OK2,1,C1,2000-01-01 00:00:00+08:00,2000-01-02 00:00:00,S1,1\n"); // line 8: the first instant allowed
        IngestTestKit.write(inbox, "shipments_20261122.csv",
                "shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,delivered_time,status\n"
                        + "S1,OK1,1,S1,1,SF,2026-11-21 09:00:00,2026-11-22 12:00:00,DELIVERED\n"
                        + "S2,OK1,1,S1,1,SF,2026-11-21 09:00:00,2026-11-21 08:59:59,DELIVERED\n");   // line 3
        IngestTestKit.write(inbox, "returns_20261122.csv",
                "return_id,order_id,requested_time,refunded_time,reason_code\n"
                        + "R1,OK1,2026-11-22 20:00:00,2026-11-23 10:00:00,LATE\n"
                        + "R2,OK1,2026-11-22 20:00:00,2026-11-22 19:00:00,LATE\n");                  // line 3
        Path config = Files.writeString(dir.resolve("limits.yml"), "kpi:\n  ingest:\n    reject-limit: 1\n");
        Path data = dir.resolve("data");

        CliRun.Result r = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", data.toString(),
                "--config", config.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();

        Path rejects = data.resolve("rejects");
        List<String> orders = IngestTestKit.rejects(rejects, "orders_20261120.csv").stream().map(IngestPlausibilityTests::row)
                .toList();
        assertThat(orders).containsExactly(
                "orders_20261120.csv:3:order_time:implausible_time",
                "orders_20261120.csv:4:order_time:implausible_time",
                "orders_20261120.csv:5:promised_delivery_time:implausible_time",
                "orders_20261120.csv:6:promised_delivery_time:promised_before_order");
        assertThat(IngestTestKit.rejects(rejects, "shipments_20261122.csv").stream().map(IngestPlausibilityTests::row))
                .containsExactly("shipments_20261122.csv:3:delivered_time:delivered_before_shipped");
        assertThat(IngestTestKit.rejects(rejects, "returns_20261122.csv").stream().map(IngestPlausibilityTests::row))
                .containsExactly("returns_20261122.csv:3:refunded_time:refunded_before_requested");
        assertThat(r.out()).contains("implausible_time", "promised_before_order");
    }

    @Test
    void theBoundsAreConfigurableAndTheChecksCanBeSwitchedOff() throws Exception {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        FieldParser defaults = PlausibilityProperties.defaults().fieldParser(shanghai, now);
        assertThat(defaults.timestamp("t", "2000-01-01 00:00:00")).isEqualTo(Instant.parse("1999-12-31T16:00:00Z"));
        assertThat(rejected(defaults, "1999-12-31 23:59:59")).isEqualTo("implausible_time");
        assertThat(defaults.timestamp("t", "2028-01-05 00:00:00Z")).isEqualTo(Instant.parse("2028-01-05T00:00:00Z"));
        assertThat(rejected(defaults, "2028-01-05 00:00:01Z")).isEqualTo("implausible_time");   // now + 400 d + 1 s

        FieldParser wide = new PlausibilityProperties(java.time.LocalDate.of(1970, 1, 1), java.time.Duration.ofDays(10),
                false).fieldParser(shanghai, now);
        assertThat(wide.timestamp("t", "1970-01-01 00:00:00")).isEqualTo(Instant.parse("1969-12-31T16:00:00Z"));
        assertThat(rejected(wide, "2026-12-12 00:00:00Z")).isEqualTo("implausible_time");
        wide.notBefore("promised_delivery_time", Instant.EPOCH, now, RejectReason.PROMISED_BEFORE_ORDER);   // off: no throw
    }

    @Test
    void withTheBoundsOpenedTheEngineNamesTheOrderInsteadOfALongOverflow() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        IngestTestKit.write(inbox, "orders_20261120.csv", ORDERS_HEADER
                + "OK1,1,C1,2026-11-20 10:00:00,2026-11-22 18:00:00,S1,1\n"
                + "Y1,1,C1,0001-01-01 00:00:00,2026-11-22 18:00:00,S1,1\n");
        IngestTestKit.write(inbox, "shipments_20261122.csv",
                "shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,delivered_time,status\n"
                        + "S1,OK1,1,S1,1,SF,2026-11-21 09:00:00,2026-11-22 12:00:00,DELIVERED\n"
                        + "S2,Y1,1,S1,1,SF,2026-11-21 09:00:00,2026-11-22 12:00:00,DELIVERED\n");
        Path config = Files.writeString(dir.resolve("open.yml"), "kpi:\n  ingest:\n    reject-limit: 1\n"
                + "    plausibility:\n      earliest: 0001-01-01\n");
        String data = dir.resolve("data").toString();
        assertThat(CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", data, "--config", config.toString())
                .code()).isZero();

        CliRun.Result r = CliRun.run("recompute", "--from", "2026-11-20", "--to", "2026-11-22", "--data-dir", data,
                "--config", config.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("kpi recompute: recompute 2026-11-20..2026-11-22 failed: IllegalStateException: "
                + "order Y1: its times span too far to compute (long overflow)").contains("kpi.ingest.plausibility");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    private static String rejected(FieldParser p, String value) {
        try {
            p.timestamp("t", value);
            return "accepted";
        } catch (RowRejectedException e) {
            return e.reason();
        }
    }

    private static String row(CSVRecord r) {
        return r.get("file") + ":" + r.get("line") + ":" + r.get("column") + ":" + r.get("reason");
    }
}
