package com.logisticskpi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tickets of the bundled sample set (sample-data/inbox/tickets_*.csv; SampleDataGeneratorTests proves the files
 * are what the documented command writes) are correlated with what happened to the orders: a DAMAGED claim is about
 * an order with a damaged parcel, a LATE complaint about an order delivered after its promise, a MISSING_ITEM claim
 * about a lost parcel or a short shipment; there are inquiries without an order, reopened tickets, tickets that are
 * still open, and tickets exported first open and later resolved. No answer or resolution precedes the opening.
 */
class SampleTicketsTests {

    static final Path INBOX = Path.of("sample-data", "inbox");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<String> YES = Set.of("Y", "是", "true", "1", "yes", "TRUE");

    static List<Map<String, String>> tickets = new ArrayList<>();
    static Map<String, Map<String, String>> latest = new HashMap<>();
    static Map<String, List<Map<String, String>>> shipmentsByOrder = new HashMap<>();
    static Map<String, Instant> promiseByOrder = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(INBOX)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                List<Map<String, String>> rows = name.endsWith(".csv") ? SampleDataGeneratorTests.parse(Files.readAllBytes(f)) : List.of();
                if (name.startsWith("tickets_")) {
                    tickets.addAll(rows);
                    rows.forEach(r -> latest.put(r.get("ticket_id"), r));
                } else if (name.startsWith("shipments_")) {
                    rows.forEach(r -> shipmentsByOrder.computeIfAbsent(r.get("order_id"), k -> new ArrayList<>()).add(r));
                } else if (name.startsWith("orders_")) {
                    for (Map<String, String> r : rows) {
                        Instant p = promise(r.get("promised_delivery_time"));
                        promiseByOrder.merge(r.get("order_id"), p, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
    }

    static Instant time(String t) {
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
        }
        return LocalDateTime.parse(t.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
    }

    static Instant promise(String t) {
        return t.length() == 10 ? LocalDate.parse(t).plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusSeconds(1) : time(t);
    }

    private List<Map<String, String>> latestOf(String type, String category) {
        return latest.values().stream().filter(r -> r.get("type").equals(type) && r.get("category").equals(category)).toList();
    }

    @Test
    void complaintsFollowWhatHappenedToTheOrder() {
        List<Map<String, String>> damaged = latestOf("CLAIM", "DAMAGED");
        assertThat(damaged).hasSizeGreaterThan(10);
        for (Map<String, String> t : damaged) {
            assertThat(shipmentsByOrder.get(t.get("order_id"))).as(t.get("ticket_id"))
                    .anyMatch(s -> YES.contains(s.get("damaged")));
        }
        List<Map<String, String>> late = latestOf("COMPLAINT", "LATE");
        assertThat(late).hasSizeGreaterThan(10);
        for (Map<String, String> t : late) {
            Instant promise = promiseByOrder.get(t.get("order_id"));
            // delivered after the promise, or (still on the road when the set ends) not delivered at all
            Instant lastDelivery = shipmentsByOrder.get(t.get("order_id")).stream()
                    .filter(s -> s.get("status").equals("DELIVERED")).map(s -> time(s.get("delivered_time")))
                    .max(Instant::compareTo).orElse(Instant.MAX);
            assertThat(lastDelivery).as(t.get("ticket_id")).isAfter(promise);
            assertThat(time(t.get("opened_time"))).as(t.get("ticket_id")).isAfter(promise);
        }
        for (Map<String, String> t : latestOf("CLAIM", "MISSING_ITEM")) {
            assertThat(shipmentsByOrder.get(t.get("order_id"))).as(t.get("ticket_id"))
                    .anyMatch(s -> s.get("status").equals("LOST"));
        }
        assertThat(latestOf("CLAIM", "MISSING_ITEM")).isNotEmpty();
    }

    @Test
    void inquiriesWithoutOrderReopenedOpenAndSnapshotTickets() {
        assertThat(latest.values()).anyMatch(r -> r.get("type").equals("INQUIRY") && r.get("order_id").isEmpty());
        assertThat(latest.values()).anyMatch(r -> YES.contains(r.get("reopened")) && !r.get("resolved_time").isEmpty());
        assertThat(latest.values().stream().filter(r -> !r.get("type").equals("INQUIRY") && r.get("resolved_time").isEmpty()))
                .as("open complaints").hasSizeGreaterThan(3);
        assertThat(latest.values()).anyMatch(r -> r.get("first_response_time").isEmpty());
        // a ticket exported open first and resolved in a later file
        Map<String, String> firstResolved = new HashMap<>();
        boolean openThenResolved = false;
        for (Map<String, String> r : tickets) {
            String before = firstResolved.putIfAbsent(r.get("ticket_id"), r.get("resolved_time"));
            openThenResolved |= before != null && before.isEmpty() && !r.get("resolved_time").isEmpty();
        }
        assertThat(openThenResolved).isTrue();
        for (Map<String, String> r : tickets) {
            Instant opened = time(r.get("opened_time"));
            for (String c : List.of("first_response_time", "resolved_time")) {
                if (!r.get(c).isEmpty()) {
                    assertThat(time(r.get(c))).as(r.get("ticket_id") + " " + c).isAfterOrEqualTo(opened);
                }
            }
        }
        // every complaint and claim has a category of the contract
        assertThat(latest.values().stream().filter(r -> !r.get("type").equals("INQUIRY")).map(r -> r.get("category")))
                .allMatch(c -> List.of("LATE", "DAMAGED", "WRONG_ITEM", "MISSING_ITEM", "SERVICE", "INFORMATION",
                        "RETURN_REFUND", "OTHER").contains(c));
    }
}
