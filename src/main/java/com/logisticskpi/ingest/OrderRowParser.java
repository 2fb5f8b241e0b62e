package com.logisticskpi.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** orders: one row per order line; key (order_id, line_no). */
final class OrderRowParser implements RowParser {

    static final CsvColumn ORDER_ID = CsvColumn.required("order_id", 100);
    static final CsvColumn LINE_NO = CsvColumn.required("line_no", 0);
    static final CsvColumn CUSTOMER_ID = CsvColumn.required("customer_id", 100);
    static final CsvColumn ORDER_TIME = CsvColumn.required("order_time", 0);
    static final CsvColumn PROMISED = CsvColumn.required("promised_delivery_time", 0);
    static final CsvColumn SKU = CsvColumn.required("sku", 100);
    static final CsvColumn CATEGORY = CsvColumn.optional("category", 200);
    static final CsvColumn QUANTITY = CsvColumn.required("quantity", 0);
    static final CsvColumn UNIT_PRICE = CsvColumn.optional("unit_price", 0);
    static final CsvColumn WAREHOUSE_ID = CsvColumn.optional("warehouse_id", 100);
    static final CsvColumn REGION = CsvColumn.optional("region", 200);
    static final CsvColumn CHANNEL = CsvColumn.optional("channel", 100);
    static final CsvColumn STATUS = CsvColumn.optional("status", 0);

    private static final List<CsvColumn> COLUMNS = List.of(ORDER_ID, LINE_NO, CUSTOMER_ID, ORDER_TIME, PROMISED, SKU,
            CATEGORY, QUANTITY, UNIT_PRICE, WAREHOUSE_ID, REGION, CHANNEL, STATUS);

    private final FieldParser fields;

    OrderRowParser(FieldParser fields) {
        this.fields = fields;
    }

    @Override
    public List<CsvColumn> columns() {
        return COLUMNS;
    }

    @Override
    public ParsedRow parse(Row row) throws RowRejectedException {
        String orderId = row.text(ORDER_ID);
        int lineNo = FieldParser.integer(LINE_NO.name(), row.required(LINE_NO.name()), 1);
        String customerId = row.text(CUSTOMER_ID);
        Instant orderTime = fields.timestamp(ORDER_TIME.name(), row.required(ORDER_TIME.name()));
        String promisedText = row.required(PROMISED.name());
        boolean dateOnly = FieldParser.isDateOnly(promisedText);
        Instant promised = dateOnly
                ? fields.endOfLocalDay(PROMISED.name(), promisedText)
                : fields.timestamp(PROMISED.name(), promisedText);
        fields.notBefore(PROMISED.name(), promised, orderTime, RejectReason.PROMISED_BEFORE_ORDER);
        String sku = row.text(SKU);
        String category = row.text(CATEGORY);
        int quantity = FieldParser.integer(QUANTITY.name(), row.required(QUANTITY.name()), 1);
        String priceText = row.value(UNIT_PRICE.name());
        BigDecimal unitPrice = priceText == null ? null : FieldParser.decimal(UNIT_PRICE.name(), priceText, BigDecimal.ZERO);
        String warehouse = row.text(WAREHOUSE_ID);
        String region = row.text(REGION);
        String channel = row.text(CHANNEL);
        String status = status(row.value(STATUS.name()));
        return new ParsedRow(orderId, lineNo, customerId, orderTime, promised, dateOnly, sku, category, quantity,
                unitPrice, warehouse, region, channel, status);
    }

    private static String status(String value) throws RowRejectedException {
        if (value == null) {
            return "OK";
        }
        String s = value.toUpperCase(Locale.ROOT);
        if (s.equals("OK") || s.equals("CANCELLED")) {
            return s;
        }
        throw new RowRejectedException(STATUS.name(), RejectReason.UNKNOWN_STATUS);
    }
}
