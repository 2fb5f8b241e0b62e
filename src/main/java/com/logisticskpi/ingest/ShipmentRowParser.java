package com.logisticskpi.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** shipments: one row per shipped order line in a package; key (shipment_id, order_id, line_no). */
final class ShipmentRowParser implements RowParser {

    static final CsvColumn SHIPMENT_ID = CsvColumn.required("shipment_id", 100);
    static final CsvColumn ORDER_ID = CsvColumn.required("order_id", 100);
    static final CsvColumn LINE_NO = CsvColumn.required("line_no", 0);
    static final CsvColumn SKU = CsvColumn.required("sku", 100);
    static final CsvColumn QUANTITY = CsvColumn.required("quantity", 0);
    static final CsvColumn WAREHOUSE_ID = CsvColumn.optional("warehouse_id", 100);
    static final CsvColumn CARRIER = CsvColumn.required("carrier", 100);
    static final CsvColumn SHIP_TIME = CsvColumn.required("ship_time", 0);
    static final CsvColumn DELIVERED_TIME = CsvColumn.optional("delivered_time", 0);
    static final CsvColumn STATUS = CsvColumn.required("status", 0);
    static final CsvColumn DAMAGED = CsvColumn.optional("damaged", 0);
    static final CsvColumn DOCUMENTS_OK = CsvColumn.optional("documents_ok", 0);

    private static final List<CsvColumn> COLUMNS = List.of(SHIPMENT_ID, ORDER_ID, LINE_NO, SKU, QUANTITY,
            WAREHOUSE_ID, CARRIER, SHIP_TIME, DELIVERED_TIME, STATUS, DAMAGED, DOCUMENTS_OK);
    private static final Set<String> STATUSES = Set.of("IN_TRANSIT", "DELIVERED", "LOST", "REFUSED");

    private final FieldParser fields;

    ShipmentRowParser(FieldParser fields) {
        this.fields = fields;
    }

    @Override
    public List<CsvColumn> columns() {
        return COLUMNS;
    }

    @Override
    public ParsedRow parse(Row row) throws RowRejectedException {
        String shipmentId = row.text(SHIPMENT_ID);
        String orderId = row.text(ORDER_ID);
        int lineNo = FieldParser.integer(LINE_NO.name(), row.required(LINE_NO.name()), 1);
        String sku = row.text(SKU);
        int quantity = FieldParser.integer(QUANTITY.name(), row.required(QUANTITY.name()), 0);
        String warehouse = row.text(WAREHOUSE_ID);
        String carrier = row.text(CARRIER);
        Instant shipTime = fields.timestamp(SHIP_TIME.name(), row.required(SHIP_TIME.name()));
        String deliveredText = row.value(DELIVERED_TIME.name());
        Instant delivered = deliveredText == null ? null : fields.timestamp(DELIVERED_TIME.name(), deliveredText);
        fields.notBefore(DELIVERED_TIME.name(), delivered, shipTime, RejectReason.DELIVERED_BEFORE_SHIPPED);
        String status = row.required(STATUS.name()).toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new RowRejectedException(STATUS.name(), RejectReason.UNKNOWN_STATUS);
        }
        if (status.equals("DELIVERED") && delivered == null) {
            throw new RowRejectedException(DELIVERED_TIME.name(), RejectReason.MISSING_REQUIRED);
        }
        String damagedText = row.value(DAMAGED.name());
        boolean damaged = damagedText != null && FieldParser.bool(DAMAGED.name(), damagedText);
        String docsText = row.value(DOCUMENTS_OK.name());
        boolean documentsOk = docsText == null || FieldParser.bool(DOCUMENTS_OK.name(), docsText);
        return new ParsedRow(shipmentId, orderId, lineNo, sku, quantity, warehouse, carrier, shipTime, delivered,
                status, damaged, documentsOk);
    }
}
