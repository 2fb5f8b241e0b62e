package com.logisticskpi.kpi.drivers;

import java.util.List;

/**
 * The driver KPIs of kpis.md section 8: the shares whose change and gap to target are split over the slice values of
 * every dimension. THE one list to extend: any share the engine hands to its value sink for a period of the run and
 * the period before it (the ticket figures of kpis.md section 10 included) gets its drivers computed from its stored numerators and denominators,
 * with nothing else to change. The computation needs the figures of the previous periods too: a cohort computer
 * must select its records from {@code KpiRequest#driverFirstDate()} on and hand every period to the sink, which
 * keeps the previous periods only as driver inputs (never in kpi-values.csv).
 */
public final class DriverKpis {

    public static final List<String> IDS = List.of(
            "on_time_rate", "order_accuracy", "line_accuracy", "damage_rate", "documentation_accuracy",
            "perfect_order_rate", "split_shipment_rate", "cycle_within_target_rate", "return_rate",
            "complaint_rate", "resolved_within_target_rate");

    private DriverKpis() {
    }

    /** Driver KPIs where a lower figure is better (the others: higher is better), used when a KPI has no target. */
    public static final List<String> LOWER_IS_BETTER = List.of("damage_rate", "split_shipment_rate", "return_rate",
            "complaint_rate");

    public static boolean isDriver(String kpi) {
        return IDS.contains(kpi);
    }

    /** The target's direction, or without a target {@link #LOWER_IS_BETTER}. */
    public static boolean higherIsBetter(String kpi, com.logisticskpi.kpi.KpiTarget target) {
        return target != null ? target.higherIsBetter() : !LOWER_IS_BETTER.contains(kpi);
    }
}
