package com.logisticskpi.kpi;

import java.util.Locale;

/** The slices of kpis.md section 6, in output order; {@link #column()} is the order_outcome column holding the value. */
public enum Slice {
    ALL("all"), WAREHOUSE("warehouse"), CARRIER("carrier"), REGION("region"), CHANNEL("channel"), SEGMENT("segment");

    private final String label;

    Slice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Column of order_outcome with this slice's value (a fixed identifier, never user input); null for ALL. */
    public String column() {
        return this == ALL ? null : label;
    }

    public static Slice fromLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        for (Slice s : values()) {
            if (s.label.equals(l)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown slice '" + label + "' (expected warehouse, carrier, region, channel or segment)");
    }

    /** Sort rank in kpi-values.csv. */
    public static int rank(String label) {
        for (Slice s : values()) {
            if (s.label.equals(label)) {
                return s.ordinal();
            }
        }
        return values().length;
    }
}
