package com.logisticskpi.kpi.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything stored about one order: its lines, shipment rows and return rows (as read from the exports). */
public final class OrderRows {

    /** An order line; {@code segment} is the ABC class of its customer (A or B; null means C). */
    public record Line(int lineNo, String customerId, Instant orderTime, Instant promisedTime, boolean promisedDateOnly,
                       String sku, int quantity, String warehouseId, String region, String channel, String status,
                       String segment) {
        public boolean ok() {
            return "OK".equals(status);
        }
    }

    public record Shipment(String shipmentId, int lineNo, String sku, int quantity, String warehouseId, String carrier,
                           Instant shipTime, Instant deliveredTime, String status, boolean damaged, boolean documentsOk) {
        public boolean delivered() {
            return "DELIVERED".equals(status) && deliveredTime != null;
        }
    }

    /** A return row; lineNo 0 = the whole order. */
    public record Return(String returnId, int lineNo, String reasonCode, Instant requestedTime, Instant refundedTime) {
    }

    private final String orderId;
    final List<Line> lines = new ArrayList<>();
    final List<Shipment> shipments = new ArrayList<>();
    final List<Return> returns = new ArrayList<>();

    public OrderRows(String orderId) {
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }

    public OrderRows line(Line l) {
        lines.add(l);
        return this;
    }

    public OrderRows shipment(Shipment s) {
        shipments.add(s);
        return this;
    }

    public OrderRows returnRow(Return r) {
        returns.add(r);
        return this;
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Shipment> shipments() {
        return shipments;
    }

    public List<Return> returns() {
        return returns;
    }
}
