package com.logisticskpi.sample;

import java.util.List;

/**
 * The file format the generator writes for each of the five exports of exports.md (the fifth, tickets, is optional):
 * file name prefix and canonical header, in contract order. The loader's view of the same exports (stored table, key,
 * typed columns) is {@code ingest.ExportKind}.
 */
public enum ExportFileFormat {
    ORDERS("orders", List.of("order_id", "line_no", "customer_id", "order_time", "promised_delivery_time", "sku",
            "category", "quantity", "unit_price", "warehouse_id", "region", "channel", "status")),
    SHIPMENTS("shipments", List.of("shipment_id", "order_id", "line_no", "sku", "quantity", "warehouse_id", "carrier",
            "ship_time", "delivered_time", "status", "damaged", "documents_ok")),
    RETURNS("returns", List.of("return_id", "order_id", "line_no", "sku", "quantity", "requested_time", "received_time",
            "refunded_time", "reason_code", "comment")),
    SURVEYS("surveys", List.of("response_id", "order_id", "customer_id", "response_time", "q_overall", "q_timeliness",
            "q_accuracy", "q_condition", "q_service", "q_after_sales", "q_information", "q_recommend", "comment")),
    TICKETS("tickets", List.of("ticket_id", "order_id", "customer_id", "opened_time", "type", "category",
            "contact_channel", "first_response_time", "resolved_time", "reopened", "comment"));

    private final String prefix;
    private final List<String> header;

    ExportFileFormat(String prefix, List<String> header) {
        this.prefix = prefix;
        this.header = header;
    }

    /** File name prefix, e.g. {@code orders} in {@code orders_20261121.csv}. */
    public String prefix() {
        return prefix;
    }

    public List<String> header() {
        return header;
    }

    public String fileName(java.time.LocalDate businessDate) {
        return prefix + "_" + businessDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
    }
}
