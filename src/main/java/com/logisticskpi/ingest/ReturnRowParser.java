package com.logisticskpi.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** returns: one row per returned order line; key (return_id, line_no), empty line_no stored as 0 = whole order. */
final class ReturnRowParser implements RowParser {

    static final List<String> REASON_CODES = List.of("DAMAGED", "WRONG_ITEM", "MISSING_ITEM", "DEFECTIVE",
            "NOT_AS_DESCRIBED", "LATE", "CHANGED_MIND", "OTHER");

    static final CsvColumn RETURN_ID = CsvColumn.required("return_id", 100);
    static final CsvColumn ORDER_ID = CsvColumn.required("order_id", 100);
    static final CsvColumn LINE_NO = CsvColumn.optional("line_no", 0);
    static final CsvColumn SKU = CsvColumn.optional("sku", 100);
    static final CsvColumn QUANTITY = CsvColumn.optional("quantity", 0);
    static final CsvColumn REQUESTED_TIME = CsvColumn.required("requested_time", 0);
    static final CsvColumn RECEIVED_TIME = CsvColumn.optional("received_time", 0);
    static final CsvColumn REFUNDED_TIME = CsvColumn.optional("refunded_time", 0);
    static final CsvColumn REASON_CODE = CsvColumn.required("reason_code", 0);
    static final CsvColumn COMMENT = CsvColumn.optional("comment", 4000);

    private static final List<CsvColumn> COLUMNS = List.of(RETURN_ID, ORDER_ID, LINE_NO, SKU, QUANTITY,
            REQUESTED_TIME, RECEIVED_TIME, REFUNDED_TIME, REASON_CODE, COMMENT);

    private final FieldParser fields;
    /** Upper-cased spelling -> canonical reason code (the codes themselves and the configured aliases). */
    private final Map<String, String> reasonBySpelling = new HashMap<>();

    ReturnRowParser(FieldParser fields, Map<String, List<String>> reasonAliases) {
        this.fields = fields;
        for (String code : REASON_CODES) {
            reasonBySpelling.put(code, code);
        }
        for (Map.Entry<String, List<String>> e : reasonAliases.entrySet()) {
            String code = canonicalCode(e.getKey());
            for (String alias : e.getValue() == null ? List.<String>of() : e.getValue()) {
                reasonBySpelling.put(alias.strip().toUpperCase(Locale.ROOT), code);
            }
        }
    }

    /** Matches a configured key to a code loosely (Spring may have dropped the underscores of a map key). */
    private static String canonicalCode(String key) {
        String loose = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return REASON_CODES.stream().filter(c -> c.replace("_", "").equals(loose)).findFirst()
                .orElseThrow(() -> new IngestException("kpi.ingest.returns.reason-code-aliases: unknown reason code '"
                        + key + "' (known: " + String.join(", ", REASON_CODES) + ")"));
    }

    @Override
    public List<CsvColumn> columns() {
        return COLUMNS;
    }

    @Override
    public ParsedRow parse(Row row) throws RowRejectedException {
        String returnId = row.text(RETURN_ID);
        String orderId = row.text(ORDER_ID);
        String lineText = row.value(LINE_NO.name());
        int lineNo = lineText == null ? 0 : FieldParser.integer(LINE_NO.name(), lineText, 1);
        String sku = row.text(SKU);
        String qtyText = row.value(QUANTITY.name());
        Integer quantity = qtyText == null ? null : FieldParser.integer(QUANTITY.name(), qtyText, 1);
        Instant requested = fields.timestamp(REQUESTED_TIME.name(), row.required(REQUESTED_TIME.name()));
        Instant received = optionalTime(row, RECEIVED_TIME);
        Instant refunded = optionalTime(row, REFUNDED_TIME);
        fields.notBefore(REFUNDED_TIME.name(), refunded, requested, RejectReason.REFUNDED_BEFORE_REQUESTED);
        String reason = reasonBySpelling.get(row.required(REASON_CODE.name()).toUpperCase(Locale.ROOT));
        if (reason == null) {
            throw new RowRejectedException(REASON_CODE.name(), RejectReason.UNKNOWN_REASON_CODE);
        }
        String comment = row.freeText(COMMENT);
        return new ParsedRow(returnId, lineNo, orderId, sku, quantity, requested, received, refunded, reason, comment);
    }

    private Instant optionalTime(Row row, CsvColumn column) throws RowRejectedException {
        String v = row.value(column.name());
        return v == null ? null : fields.timestamp(column.name(), v);
    }
}
