package com.logisticskpi.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/**
 * Value parsing of the DuckDB store spike (exports.md "Format"), kept to what the generator's files use: timestamps
 * with a space or 'T', optional fraction and offset, date-only promises (end of the local day), the boolean words,
 * empty = missing. Instants become UTC {@link LocalDateTime}s, as the product stores them. A value that does not
 * parse throws {@link IllegalArgumentException}: the spike counts the row as rejected (no reasons, no reject file).
 */
final class ExportRows {

    private final ZoneId zone;
    private final Map<String, Integer> columns;
    private CSVRecord record;

    ExportRows(ZoneId zone, Map<String, Integer> columns) {
        this.zone = zone;
        this.columns = columns;
    }

    void use(CSVRecord r) {
        this.record = r;
    }

    /** The trimmed value of a column, null when the column is absent or the value empty. */
    String text(String column) {
        Integer i = columns.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String v = record.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    String required(String column) {
        String v = text(column);
        if (v == null) {
            throw new IllegalArgumentException(column + " missing");
        }
        return v;
    }

    Integer integer(String column) {
        String v = text(column);
        return v == null ? null : Integer.valueOf(v);
    }

    BigDecimal decimal(String column) {
        String v = text(column);
        return v == null ? null : new BigDecimal(v);
    }

    boolean bool(String column, boolean missing) {
        String v = text(column);
        if (v == null) {
            return missing;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "是" -> true;
            case "n", "no", "false", "0", "否" -> false;
            default -> throw new IllegalArgumentException(column + " not a boolean: " + v);
        };
    }

    boolean dateOnly(String column) {
        String v = text(column);
        return v != null && v.length() == 10;
    }

    /** The UTC instant of a timestamp; a date-only value is the last microsecond of that local day. */
    LocalDateTime instant(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        if (v.length() == 10) {
            return LocalDate.parse(v).plusDays(1).atStartOfDay(zone).minusNanos(1000)
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        String t = v.replace(' ', 'T');
        boolean offset = t.endsWith("Z") || t.endsWith("z") || t.indexOf('+', 10) > 0 || t.indexOf('-', 10) > 0;
        if (offset) {
            return OffsetDateTime.parse(t.toUpperCase(Locale.ROOT)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.parse(t).atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
