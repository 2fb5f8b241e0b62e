package com.logisticskpi.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one field exactly per the export contract. Every method takes the canonical column name (for the
 * reject) and the trimmed value, which is never empty here: emptiness is decided by the caller.
 */
final class FieldParser {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** DECIMAL(19,4) in the schema: at most 15 integer digits and 4 fraction digits are stored without rounding. */
    private static final int MAX_SCALE = 4;
    private static final int MAX_INTEGER_DIGITS = 15;

    private final ZoneId zone;
    private final Instant earliest;
    private final Instant latest;
    private final boolean orderChecks;

    /** Without plausibility bounds (the contract's syntax only). */
    FieldParser(ZoneId zone) {
        this(zone, null, null, false);
    }

    /**
     * With plausibility bounds ({@link PlausibilityProperties}): a timestamp before {@code earliest} or after
     * {@code latest} is {@code implausible_time}; {@code orderChecks} enables {@link #notBefore}.
     */
    FieldParser(ZoneId zone, Instant earliest, Instant latest, boolean orderChecks) {
        this.zone = zone;
        this.earliest = earliest;
        this.latest = latest;
        this.orderChecks = orderChecks;
    }

    private Instant plausible(String column, Instant t) throws RowRejectedException {
        if ((earliest != null && t.isBefore(earliest)) || (latest != null && t.isAfter(latest))) {
            throw new RowRejectedException(column, RejectReason.IMPLAUSIBLE_TIME);
        }
        return t;
    }

    /**
     * Rejects {@code later} (of {@code column}) with {@code reason} when it lies before {@code earlier}, e.g. a delivery
     * before its ship time; nothing when either is missing or the order checks are off.
     */
    void notBefore(String column, Instant later, Instant earlier, String reason) throws RowRejectedException {
        if (orderChecks && later != null && earlier != null && later.isBefore(earlier)) {
            throw new RowRejectedException(column, reason);
        }
    }

    /** A timestamp, with or without offset (without = local to the business zone), truncated to microseconds. */
    Instant timestamp(String column, String value) throws RowRejectedException {
        Matcher m = TIMESTAMP.matcher(value);
        if (!m.matches()) {
            throw new RowRejectedException(column, RejectReason.BAD_TIMESTAMP);
        }
        try {
            LocalDateTime local = LocalDateTime.of(date(m.group(1)), time(m.group(2)));
            Instant instant = m.group(3) == null
                    ? local.atZone(zone).toInstant()
                    : local.toInstant(ZoneOffset.of(m.group(3)));
            return plausible(column, instant.truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, RejectReason.BAD_TIMESTAMP);
        }
    }

    /**
     * yyyy-MM-dd (ASCII digits guaranteed by {@link #TIMESTAMP}) without the DateTimeFormatter of LocalDate.parse
     * (it dominated the parse cost); LocalDate.of validates exactly like the strict ISO parser (month 1..12, day of
     * that month, year 0000..9999 accepted) and throws DateTimeException otherwise.
     */
    private static LocalDate date(String s) {
        return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
    }

    /** HH:mm:ss[.f{1,9}] (digits guaranteed by {@link #TIMESTAMP}); LocalTime.of validates like LocalTime.parse. */
    private static LocalTime time(String s) {
        int nano = 0;
        if (s.length() > 8) { // ".f" with 1..9 fraction digits
            int fraction = digits(s, 9, s.length());
            for (int i = s.length() - 9; i < 9; i++) {
                fraction *= 10;
            }
            nano = fraction;
        }
        return LocalTime.of(digits(s, 0, 2), digits(s, 3, 5), digits(s, 6, 8), nano);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** True when the value is a date without a time (only promised_delivery_time accepts that). */
    static boolean isDateOnly(String value) {
        return DATE.matcher(value).matches();
    }

    /** A date-only promise: the last microsecond of that local day in the business zone. */
    Instant endOfLocalDay(String column, String value) throws RowRejectedException {
        try {
            LocalDate date = LocalDate.parse(value);
            return plausible(column, date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000));
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, RejectReason.BAD_TIMESTAMP);
        }
    }

    static int integer(String column, String value, int minimum) throws RowRejectedException {
        if (!INTEGER.matcher(value).matches()) {
            throw new RowRejectedException(column, RejectReason.BAD_INTEGER);
        }
        long v = Long.parseLong(value);
        if (v < minimum) {
            throw new RowRejectedException(column, RejectReason.BELOW_MINIMUM);
        }
        if (v > Integer.MAX_VALUE) {
            throw new RowRejectedException(column, RejectReason.BAD_INTEGER);
        }
        return (int) v;
    }

    /** A score: an integer within [min, max], else score_out_of_scale. */
    static int score(String column, String value, int min, int max) throws RowRejectedException {
        if (!INTEGER.matcher(value).matches()) {
            throw new RowRejectedException(column, RejectReason.BAD_INTEGER);
        }
        long v = Long.parseLong(value);
        if (v < min || v > max) {
            throw new RowRejectedException(column, RejectReason.SCORE_OUT_OF_SCALE);
        }
        return (int) v;
    }

    static BigDecimal decimal(String column, String value, BigDecimal minimum) throws RowRejectedException {
        if (!DECIMAL.matcher(value).matches()) {
            throw new RowRejectedException(column, RejectReason.BAD_DECIMAL);
        }
        BigDecimal v = new BigDecimal(value);
        if (v.compareTo(minimum) < 0) {
            throw new RowRejectedException(column, RejectReason.BELOW_MINIMUM);
        }
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new RowRejectedException(column, RejectReason.BAD_DECIMAL);
        }
        return v.setScale(MAX_SCALE);
    }

    /** Y/N, yes/no, true/false, 1/0, 是/否, case-insensitive. */
    static boolean bool(String column, String value) throws RowRejectedException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "是":
                return true;
            case "n", "no", "false", "0", "否":
                return false;
            default:
                throw new RowRejectedException(column, RejectReason.BAD_BOOLEAN);
        }
    }
}
