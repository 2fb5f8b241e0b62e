package com.logisticskpi.kpi;

/**
 * Restricts a run to the orders (and their returns and surveys) whose slice has a value, e.g. {@code warehouse=SH01}.
 * The value is compared exactly; {@code (none)} selects orders without a value.
 */
public record SliceFilter(Slice slice, String value) {

    public SliceFilter {
        if (slice == null || slice == Slice.ALL) {
            throw new IllegalArgumentException("a slice filter needs warehouse, carrier, region, channel or segment");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a slice filter needs a value: NAME=VALUE");
        }
    }

    /** Parses {@code NAME=VALUE}; null or blank gives null (no filter). */
    public static SliceFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("slice filter '" + text + "' is not NAME=VALUE");
        }
        return new SliceFilter(Slice.fromLabel(text.substring(0, eq)), text.substring(eq + 1));
    }

    public boolean accepts(String valueOfSlice) {
        return value.equals(valueOfSlice);
    }

    @Override
    public String toString() {
        return slice.label() + "=" + value;
    }
}
