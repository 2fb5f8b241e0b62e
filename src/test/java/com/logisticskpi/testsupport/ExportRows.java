package com.logisticskpi.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixture: INSERTs rows straight into the stored-export tables (V2__exports.sql) following the data
 * conventions (UTC instants, date-only promise = last microsecond of the local day). Times are written as in the
 * exports: {@code 2026-11-11 18:00[:00]} local to the fixture zone, or with an offset ({@code 2026-11-11T02:00:00Z}).
 */
public final class ExportRows {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final AtomicLong srcLine = new AtomicLong();

    public ExportRows(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A local time in the fixture zone, or a time with an offset. */
    public Instant at(String text) {
        String t = text.trim();
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
        }
        return LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant();
    }

    private static Object utc(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public OrderLine order(String orderId, int lineNo) {
        return new OrderLine(orderId, lineNo);
    }

    public Shipment shipment(String shipmentId, String orderId, int lineNo) {
        return new Shipment(shipmentId, orderId, lineNo);
    }

    /** lineNo 0 = the whole order. */
    public Return returnRow(String returnId, String orderId, int lineNo) {
        return new Return(returnId, orderId, lineNo);
    }

    public Survey survey(String responseId) {
        return new Survey(responseId);
    }

    public final class OrderLine {
        private final String orderId;
        private final int lineNo;
        private String customer = "C1";
        private Instant orderTime;
        private Instant promised;
        private boolean dateOnly;
        private String sku = "S1";
        private int qty = 1;
        private BigDecimal price;
        private String warehouse;
        private String region;
        private String channel;
        private String status = "OK";

        OrderLine(String orderId, int lineNo) {
            this.orderId = orderId;
            this.lineNo = lineNo;
        }

        public OrderLine customer(String c) { customer = c; return this; }
        public OrderLine ordered(String t) { orderTime = at(t); return this; }
        public OrderLine ordered(Instant t) { orderTime = t; return this; }
        public OrderLine promised(String t) { promised = at(t); dateOnly = false; return this; }
        public OrderLine promised(Instant t) { promised = t; dateOnly = false; return this; }
        /** Date-only promise: the end of that local day. */
        public OrderLine promisedDate(String date) {
            promised = LocalDate.parse(date).plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
            dateOnly = true;
            return this;
        }
        public OrderLine sku(String s) { sku = s; return this; }
        public OrderLine qty(int q) { qty = q; return this; }
        public OrderLine price(String p) { price = p == null ? null : new BigDecimal(p); return this; }
        public OrderLine warehouse(String w) { warehouse = w; return this; }
        public OrderLine region(String r) { region = r; return this; }
        public OrderLine channel(String c) { channel = c; return this; }
        public OrderLine cancelled() { status = "CANCELLED"; return this; }

        public ExportRows insert() {
            jdbc.update("""
                    INSERT INTO order_line (order_id, line_no, customer_id, order_time, promised_time, promised_date_only, sku,
                        category, quantity, unit_price, warehouse_id, region, channel, status, src_order, src_file_id, src_line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'test', 0, ?)""",
                    orderId, lineNo, customer, utc(orderTime), utc(promised), dateOnly, sku, qty, price, warehouse, region,
                    channel, status, srcLine.incrementAndGet());
            return ExportRows.this;
        }
    }

    public final class Shipment {
        private final String shipmentId;
        private final String orderId;
        private final int lineNo;
        private String sku = "S1";
        private int qty = 1;
        private String warehouse;
        private String carrier = "SF";
        private Instant shipTime;
        private Instant deliveredTime;
        private String status = "IN_TRANSIT";
        private boolean damaged;
        private boolean documentsOk = true;

        Shipment(String shipmentId, String orderId, int lineNo) {
            this.shipmentId = shipmentId;
            this.orderId = orderId;
            this.lineNo = lineNo;
        }

        public Shipment sku(String s) { sku = s; return this; }
        public Shipment qty(int q) { qty = q; return this; }
        public Shipment warehouse(String w) { warehouse = w; return this; }
        public Shipment carrier(String c) { carrier = c; return this; }
        public Shipment shipped(String t) { shipTime = at(t); return this; }
        public Shipment shipped(Instant t) { shipTime = t; return this; }
        /** Status DELIVERED at that time. */
        public Shipment delivered(String t) { deliveredTime = at(t); status = "DELIVERED"; return this; }
        public Shipment delivered(Instant t) { deliveredTime = t; status = "DELIVERED"; return this; }
        public Shipment lost() { status = "LOST"; deliveredTime = null; return this; }
        public Shipment refused() { status = "REFUSED"; deliveredTime = null; return this; }
        public Shipment damaged() { damaged = true; return this; }
        public Shipment documentsBad() { documentsOk = false; return this; }

        public ExportRows insert() {
            jdbc.update("""
                    INSERT INTO shipment_line (shipment_id, order_id, line_no, sku, quantity, warehouse_id, carrier, ship_time,
                        delivered_time, status, damaged, documents_ok, src_order, src_file_id, src_line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', 0, ?)""",
                    shipmentId, orderId, lineNo, sku, qty, warehouse, carrier, utc(shipTime), utc(deliveredTime), status,
                    damaged, documentsOk, srcLine.incrementAndGet());
            return ExportRows.this;
        }
    }

    public final class Return {
        private final String returnId;
        private final String orderId;
        private final int lineNo;
        private String reason = "OTHER";
        private Instant requested;
        private Instant received;
        private Instant refunded;
        private String comment;

        Return(String returnId, String orderId, int lineNo) {
            this.returnId = returnId;
            this.orderId = orderId;
            this.lineNo = lineNo;
        }

        public Return reason(String r) { reason = r; return this; }
        public Return requested(String t) { requested = at(t); return this; }
        public Return requested(Instant t) { requested = t; return this; }
        public Return received(String t) { received = at(t); return this; }
        public Return refunded(String t) { refunded = at(t); return this; }
        public Return refunded(Instant t) { refunded = t; return this; }
        public Return comment(String c) { comment = c; return this; }

        public ExportRows insert() {
            jdbc.update("""
                    INSERT INTO return_line (return_id, line_no, order_id, sku, quantity, requested_time, received_time,
                        refunded_time, reason_code, comment_text, src_order, src_file_id, src_line)
                    VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, 'test', 0, ?)""",
                    returnId, lineNo, orderId, utc(requested), utc(received), utc(refunded), reason, comment,
                    srcLine.incrementAndGet());
            return ExportRows.this;
        }
    }

    public final class Survey {
        private final String responseId;
        private String orderId;
        private String customerId;
        private Instant time;
        private Integer overall;
        private Integer recommend;
        private final Map<String, Integer> answers = new LinkedHashMap<>();

        Survey(String responseId) {
            this.responseId = responseId;
        }

        public Survey order(String o) { orderId = o; return this; }
        public Survey customer(String c) { customerId = c; return this; }
        public Survey at(String t) { time = ExportRows.this.at(t); return this; }
        public Survey at(Instant t) { time = t; return this; }
        public Survey overall(Integer v) { overall = v; return this; }
        public Survey recommend(Integer v) { recommend = v; return this; }
        /** An answered dimension item, e.g. answer("q_timeliness", 5); null = not answered. */
        public Survey answer(String item, Integer score) {
            if (score != null) {
                answers.put(item, score);
            }
            return this;
        }
        /** The six default items in export order: timeliness, accuracy, condition, service, after_sales, information. */
        public Survey items(Integer timeliness, Integer accuracy, Integer condition, Integer service, Integer afterSales,
                            Integer information) {
            return answer("q_timeliness", timeliness).answer("q_accuracy", accuracy).answer("q_condition", condition)
                    .answer("q_service", service).answer("q_after_sales", afterSales).answer("q_information", information);
        }

        public ExportRows insert() {
            jdbc.update("""
                    INSERT INTO survey_response (response_id, order_id, customer_id, response_time, q_overall, q_recommend,
                        comment_text, src_order, src_file_id, src_line)
                    VALUES (?, ?, ?, ?, ?, ?, NULL, 'test', 0, ?)""",
                    responseId, orderId, customerId, utc(time), overall, recommend, srcLine.incrementAndGet());
            for (Map.Entry<String, Integer> a : answers.entrySet()) {
                jdbc.update("INSERT INTO survey_answer (response_id, item, score) VALUES (?, ?, ?)", responseId, a.getKey(),
                        a.getValue());
            }
            return ExportRows.this;
        }
    }
}
