package com.logisticskpi.kpi.catalog;

import java.util.Optional;

/**
 * The id of one figure's KPI as written in kpi-values.csv: a catalogue {@link Kpi}, plus the parameter of a family
 * ({@code dim_score.accuracy} is {@code DIM_SCORE} with {@code accuracy}; {@code on_time_rate} has none).
 *
 * @param kpi       the catalogue entry
 * @param parameter the family's parameter (a dimension, reason code or complaint category), null for a plain KPI
 */
public record KpiId(Kpi kpi, String parameter) {

    public KpiId {
        if (kpi == null) {
            throw new IllegalArgumentException("kpi is required");
        }
        if (kpi.isFamily() != (parameter != null)) {
            throw new IllegalArgumentException(kpi.isFamily() ? kpi.id() + " needs a parameter" : kpi.id() + " takes none");
        }
        if (parameter != null && parameter.isEmpty()) {
            throw new IllegalArgumentException(kpi.id() + ": empty parameter");
        }
    }

    /**
     * The catalogue's reading of an id: a plain KPI, or a family and its parameter (the text after the first dot);
     * empty when the id is not in the catalogue.
     */
    public static Optional<KpiId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dot = id.indexOf('.');
        if (dot < 0) {
            return Kpi.byId(id).filter(k -> !k.isFamily()).map(Kpi::key);
        }
        String parameter = id.substring(dot + 1);
        return parameter.isEmpty() ? Optional.empty()
                : Kpi.byId(id.substring(0, dot)).filter(Kpi::isFamily).map(k -> k.with(parameter));
    }

    /** The id as in kpi-values.csv. */
    public String id() {
        return parameter == null ? kpi.id() : kpi.id() + "." + parameter;
    }

    @Override
    public String toString() {
        return id();
    }
}
