package com.logisticskpi.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * tickets (exports.md, the optional fifth export): one row per customer-service ticket; key ticket_id. A COMPLAINT or
 * CLAIM needs a category; an INQUIRY may have one. A first response or resolution before the opening is rejected
 * (never guessed at): {@link RejectReason#BEFORE_OPENED} on that column. Type and category accept configured aliases
 * ({@code kpi.ingest.tickets.type-aliases}, {@code category-aliases}). The response and resolution durations are
 * stored with the row (exact micro-seconds), so that the engine can stream them in value order for exact percentiles.
 */
final class TicketRowParser implements RowParser {

    static final List<String> TYPES = List.of("COMPLAINT", "CLAIM", "INQUIRY");
    static final List<String> CATEGORIES = List.of("LATE", "DAMAGED", "WRONG_ITEM", "MISSING_ITEM", "SERVICE",
            "INFORMATION", "RETURN_REFUND", "OTHER");

    static final CsvColumn TICKET_ID = CsvColumn.required("ticket_id", 100);
    static final CsvColumn ORDER_ID = CsvColumn.optional("order_id", 100);
    static final CsvColumn CUSTOMER_ID = CsvColumn.optional("customer_id", 100);
    static final CsvColumn OPENED_TIME = CsvColumn.required("opened_time", 0);
    static final CsvColumn TYPE = CsvColumn.required("type", 0);
    /** Required in the header (complaints need it); an empty value is rejected only on a COMPLAINT or CLAIM. */
    static final CsvColumn CATEGORY = CsvColumn.required("category", 0);
    static final CsvColumn CONTACT_CHANNEL = CsvColumn.optional("contact_channel", 100);
    static final CsvColumn FIRST_RESPONSE_TIME = CsvColumn.optional("first_response_time", 0);
    static final CsvColumn RESOLVED_TIME = CsvColumn.optional("resolved_time", 0);
    static final CsvColumn REOPENED = CsvColumn.optional("reopened", 0);
    static final CsvColumn COMMENT = CsvColumn.optional("comment", 4000);

    private static final List<CsvColumn> COLUMNS = List.of(TICKET_ID, ORDER_ID, CUSTOMER_ID, OPENED_TIME, TYPE,
            CATEGORY, CONTACT_CHANNEL, FIRST_RESPONSE_TIME, RESOLVED_TIME, REOPENED, COMMENT);

    private final FieldParser fields;
    private final CodeAliases types;
    private final CodeAliases categories;

    TicketRowParser(FieldParser fields, Map<String, List<String>> typeAliases, Map<String, List<String>> categoryAliases) {
        this.fields = fields;
        this.types = new CodeAliases("kpi.ingest.tickets.type-aliases", TYPES, typeAliases);
        this.categories = new CodeAliases("kpi.ingest.tickets.category-aliases", CATEGORIES, categoryAliases);
    }

    @Override
    public List<CsvColumn> columns() {
        return COLUMNS;
    }

    @Override
    public ParsedRow parse(Row row) throws RowRejectedException {
        String ticketId = row.text(TICKET_ID);
        String orderId = row.text(ORDER_ID);
        String customerId = row.text(CUSTOMER_ID);
        Instant opened = fields.timestamp(OPENED_TIME.name(), row.required(OPENED_TIME.name()));
        String type = types.codeOf(row.required(TYPE.name()));
        if (type == null) {
            throw new RowRejectedException(TYPE.name(), RejectReason.UNKNOWN_TICKET_TYPE);
        }
        String categoryText = row.value(CATEGORY.name());
        if (categoryText == null && !type.equals("INQUIRY")) {
            throw new RowRejectedException(CATEGORY.name(), RejectReason.MISSING_REQUIRED);
        }
        String category = categoryText == null ? null : categories.codeOf(categoryText);
        if (categoryText != null && category == null) {
            throw new RowRejectedException(CATEGORY.name(), RejectReason.UNKNOWN_CATEGORY);
        }
        String channel = row.text(CONTACT_CHANNEL);
        Instant firstResponse = notBefore(opened, row, FIRST_RESPONSE_TIME);
        Instant resolved = notBefore(opened, row, RESOLVED_TIME);
        String reopenedText = row.value(REOPENED.name());
        boolean reopened = reopenedText != null && FieldParser.bool(REOPENED.name(), reopenedText);
        String comment = row.freeText(COMMENT);
        return new ParsedRow(ticketId, orderId, customerId, opened, type, category, channel, firstResponse, resolved,
                reopened, comment, micros(opened, firstResponse), micros(opened, resolved));
    }

    /** Exact micro-seconds from the opening to a later time (instants are truncated to micro-seconds), or null. */
    private static Long micros(Instant opened, Instant later) {
        return later == null ? null : java.time.temporal.ChronoUnit.MICROS.between(opened, later);
    }

    /** An optional time of the ticket that must not be earlier than its opening. */
    private Instant notBefore(Instant opened, Row row, CsvColumn column) throws RowRejectedException {
        String v = row.value(column.name());
        if (v == null) {
            return null;
        }
        Instant t = fields.timestamp(column.name(), v);
        if (t.isBefore(opened)) {
            throw new RowRejectedException(column.name(), RejectReason.BEFORE_OPENED);
        }
        return t;
    }
}
