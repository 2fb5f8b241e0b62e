package com.logisticskpi.ingest;

/** Stable reject reason codes (they appear in reject files, ingest_reject_count and the data-quality sheet). */
public final class RejectReason {

    public static final String MISSING_REQUIRED = "missing_required";
    public static final String BAD_TIMESTAMP = "bad_timestamp";
    public static final String BAD_INTEGER = "bad_integer";
    public static final String BELOW_MINIMUM = "below_minimum";
    public static final String BAD_DECIMAL = "bad_decimal";
    public static final String BAD_BOOLEAN = "bad_boolean";
    public static final String UNKNOWN_STATUS = "unknown_status";
    public static final String UNKNOWN_REASON_CODE = "unknown_reason_code";
    public static final String SCORE_OUT_OF_SCALE = "score_out_of_scale";
    public static final String TOO_LONG = "too_long";
    /** tickets: a type other than COMPLAINT, CLAIM, INQUIRY (after the configured aliases). */
    public static final String UNKNOWN_TICKET_TYPE = "unknown_ticket_type";
    /** tickets: a category outside the contract's list (after the configured aliases). */
    public static final String UNKNOWN_CATEGORY = "unknown_category";
    /** tickets: a first response or resolution time earlier than the ticket's opened_time. */
    public static final String BEFORE_OPENED = "before_opened_time";
    /** The record has a different number of fields than the header. */
    public static final String WRONG_FIELD_COUNT = "wrong_field_count";

    /** A timestamp outside {@code kpi.ingest.plausibility} (before 2000-01-01, or more than 400 days ahead). */
    public static final String IMPLAUSIBLE_TIME = "implausible_time";
    /** An order line promised before it was ordered. */
    public static final String PROMISED_BEFORE_ORDER = "promised_before_order";
    /** A shipment delivered before it shipped. */
    public static final String DELIVERED_BEFORE_SHIPPED = "delivered_before_shipped";
    /** A return refunded before it was requested. */
    public static final String REFUNDED_BEFORE_REQUESTED = "refunded_before_requested";

    private RejectReason() {
    }
}
