package com.logisticskpi.ingest;

import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * The exports (four, and the optional tickets), in the order a run loads them (orders first, so that shipment and return rows can be
 * checked against the order lines). Each kind knows its stored table, its natural key and the stored columns a
 * parsed row fills (in the order of the parsed values; the src_* bookkeeping columns come on top).
 */
public enum ExportKind {

    ORDERS("orders", "order_line", List.of("order_id", "line_no"), List.of(
            col("order_id", Types.VARCHAR), col("line_no", Types.INTEGER), col("customer_id", Types.VARCHAR),
            col("order_time", Types.TIMESTAMP), col("promised_time", Types.TIMESTAMP),
            col("promised_date_only", Types.BOOLEAN), col("sku", Types.VARCHAR), col("category", Types.VARCHAR),
            col("quantity", Types.INTEGER), col("unit_price", Types.DECIMAL), col("warehouse_id", Types.VARCHAR),
            col("region", Types.VARCHAR), col("channel", Types.VARCHAR), col("status", Types.VARCHAR))),

    SHIPMENTS("shipments", "shipment_line", List.of("shipment_id", "order_id", "line_no"), List.of(
            col("shipment_id", Types.VARCHAR), col("order_id", Types.VARCHAR), col("line_no", Types.INTEGER),
            col("sku", Types.VARCHAR), col("quantity", Types.INTEGER), col("warehouse_id", Types.VARCHAR),
            col("carrier", Types.VARCHAR), col("ship_time", Types.TIMESTAMP), col("delivered_time", Types.TIMESTAMP),
            col("status", Types.VARCHAR), col("damaged", Types.BOOLEAN), col("documents_ok", Types.BOOLEAN))),

    RETURNS("returns", "return_line", List.of("return_id", "line_no"), List.of(
            col("return_id", Types.VARCHAR), col("line_no", Types.INTEGER), col("order_id", Types.VARCHAR),
            col("sku", Types.VARCHAR), col("quantity", Types.INTEGER), col("requested_time", Types.TIMESTAMP),
            col("received_time", Types.TIMESTAMP), col("refunded_time", Types.TIMESTAMP),
            col("reason_code", Types.VARCHAR), col("comment_text", Types.VARCHAR))),

    SURVEYS("surveys", "survey_response", List.of("response_id"), List.of(
            col("response_id", Types.VARCHAR), col("order_id", Types.VARCHAR), col("customer_id", Types.VARCHAR),
            col("response_time", Types.TIMESTAMP), col("q_overall", Types.INTEGER), col("q_recommend", Types.INTEGER),
            col("comment_text", Types.VARCHAR))),

    /** The optional fifth export (exports.md "tickets"): one row per customer-service ticket. */
    TICKETS("tickets", "service_ticket", List.of("ticket_id"), List.of(
            col("ticket_id", Types.VARCHAR), col("order_id", Types.VARCHAR), col("customer_id", Types.VARCHAR),
            col("opened_time", Types.TIMESTAMP), col("ticket_type", Types.VARCHAR), col("category", Types.VARCHAR),
            col("contact_channel", Types.VARCHAR), col("first_response_time", Types.TIMESTAMP),
            col("resolved_time", Types.TIMESTAMP), col("reopened", Types.BOOLEAN), col("comment_text", Types.VARCHAR),
            col("first_response_us", Types.BIGINT), col("resolution_us", Types.BIGINT)));

    /** A stored column and the JDBC type used to bind a null. */
    public record StoredColumn(String name, int sqlType) {
    }

    private final String fileName;
    private final String table;
    private final List<String> keyColumns;
    private final List<StoredColumn> columns;

    ExportKind(String fileName, String table, List<String> keyColumns, List<StoredColumn> columns) {
        this.fileName = fileName;
        this.table = table;
        this.keyColumns = keyColumns;
        this.columns = columns;
    }

    private static StoredColumn col(String name, int type) {
        return new StoredColumn(name, type);
    }

    /** The file-name stem and the label in reports: orders, shipments, returns, surveys, tickets. */
    public String fileName() {
        return fileName;
    }

    public String label() {
        return fileName;
    }

    public String table() {
        return table;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public List<StoredColumn> columns() {
        return columns;
    }

    public static ExportKind fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
