package com.logisticskpi.kpi.drivers;

import java.util.List;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * The driver KPIs of kpis.md section 8: the shares whose change and gap to target are split over the slice values of
 * every dimension, as the catalogue marks them ({@link Kpi#isDriver()}: the one place to extend). Any share the
 * engine hands to its value sink for a period of the run and the period before it (the ticket figures of kpis.md
 * section 10 included) gets its drivers computed from its stored numerators and denominators, with nothing else to
 * change. The computation needs the figures of the previous periods too: a cohort computer must select its records
 * from {@code KpiRequest#driverFirstDate()} on and hand every period to the sink, which keeps the previous periods
 * only as driver inputs (never in kpi-values.csv).
 */
public final class DriverKpis {

    /** The driver KPI ids, in catalogue order. */
    public static final List<String> IDS = Kpi.drivers().stream().map(Kpi::id).toList();

    private DriverKpis() {
    }

    public static boolean isDriver(String kpi) {
        return IDS.contains(kpi);
    }

    /** The target's direction, or without a target the catalogue's ({@link Kpi#higherIsBetter()}). */
    public static boolean higherIsBetter(String kpi, KpiTarget target) {
        return target != null ? target.higherIsBetter() : Kpi.byId(kpi).map(Kpi::higherIsBetter).orElse(true);
    }
}
