package com.logisticskpi.ingest;

import org.apache.commons.csv.CSVRecord;

/**
 * One data record seen through the file's {@link ColumnLayout}. Values are trimmed; an empty value is missing.
 * Text values are checked against the column's stored length.
 */
final class Row {

    private final ColumnLayout layout;
    private final CSVRecord record;

    Row(ColumnLayout layout, CSVRecord record) {
        this.layout = layout;
        this.record = record;
    }

    /** The trimmed value, or null when the column is absent or the field empty. */
    String value(String column) {
        int i = layout.indexOf(column);
        if (i < 0 || i >= record.size()) {
            return null;
        }
        String v = record.get(i);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() ? null : t;
    }

    String required(String column) throws RowRejectedException {
        String v = value(column);
        if (v == null) {
            throw new RowRejectedException(column, RejectReason.MISSING_REQUIRED);
        }
        return v;
    }

    /** Text of a column with the stored length limit (counted in UTF-16 units, which both databases accept). */
    String text(CsvColumn column) throws RowRejectedException {
        String v = column.required() ? required(column.name()) : value(column.name());
        if (v != null && column.maxLength() > 0 && v.length() > column.maxLength()) {
            throw new RowRejectedException(column.name(), RejectReason.TOO_LONG);
        }
        return v;
    }

    /** Free text (comments) is kept as written, only an all-blank value counts as missing. */
    String freeText(CsvColumn column) throws RowRejectedException {
        int i = layout.indexOf(column.name());
        if (i < 0 || i >= record.size()) {
            return null;
        }
        String v = record.get(i);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > column.maxLength()) {
            throw new RowRejectedException(column.name(), RejectReason.TOO_LONG);
        }
        return v;
    }
}
