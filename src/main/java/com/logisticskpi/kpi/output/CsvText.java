package com.logisticskpi.kpi.output;

/**
 * Free text from the exports (ids, warehouse, carrier, region, channel, segment, slice values) written into the CSV
 * outputs: a value that a spreadsheet would read as a formula gets a leading apostrophe (the OWASP CSV-injection rule):
 * it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, or with the full-width forms
 * {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some spreadsheet versions also evaluate. Numeric columns
 * (numerator, denominator, value, hours) are never passed through here: {@code -0.5} there is a number, not text.
 *
 * <p>With {@code kpi.output.raw-csv: true} (or {@code --raw-csv}) values are written as stored, for machine consumers.
 */
public final class CsvText {

    private CsvText() {
    }

    /** The value to write: neutralised unless {@code raw}. Null stays null (written empty). */
    public static String of(String value, boolean raw) {
        return raw ? value : neutralise(value);
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return dangerous(value.charAt(0)) ? "'" + value : value;
    }

    static boolean dangerous(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
