package com.logisticskpi.report;

import java.util.ArrayList;
import java.util.List;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.KpiId;
import com.logisticskpi.kpi.catalog.Unit;

/**
 * The workbook's view of the KPI catalogue ({@link Kpi}): which KPIs the sheets show where, and how each is shown.
 * Units, directions and the headline set are the catalogue's; this class only delegates to it and adds the
 * workbook's own choices (the Breakdowns columns, the Definitions rows).
 */
public final class KpiCatalog {

    /** The headline KPIs of the Summary and Trends sheets, in display order ({@link HeadlineKpi}: also the mail's and the terminal's). */
    public static final List<String> HEADLINE = HeadlineKpi.ids();

    /** The headline KPIs of the Summary: {@link #HEADLINE}, plus the complaint ones when tickets are present. */
    public static List<String> headline(boolean ticketsPresent) {
        return HeadlineKpi.shown(ticketsPresent).stream().map(HeadlineKpi::id).toList();
    }

    /** The KPIs of the Breakdowns tables, in column order. */
    public static final List<String> BREAKDOWN = java.util.stream.Stream.of(
            Kpi.ON_TIME_RATE, Kpi.ORDER_ACCURACY, Kpi.DAMAGE_RATE, Kpi.PERFECT_ORDER_RATE,
            Kpi.CYCLE_HOURS_P90, Kpi.CYCLE_CV, Kpi.CSI, Kpi.NPS, Kpi.RETURN_RATE).map(Kpi::id).toList();

    /** The Breakdowns tables, worst first by this KPI. */
    public static final String BREAKDOWN_SORT = Kpi.PERFECT_ORDER_RATE.id();

    /** The slices of the Breakdowns sheet, in order. */
    public static final List<String> SLICES = List.of("warehouse", "carrier", "region", "channel", "segment");

    /** The explanation of the control chart: a Definitions row that is no KPI of kpi-values.csv. */
    public static final String CONTROL_CHART = "control_chart";

    /**
     * Every KPI the Definitions sheet explains, in the catalogue's order ({@link Kpi}; a family by its id), with the
     * control chart after the survey KPIs. {@code on_time_required_rate} has no row: kpis.md section 9 explains it
     * with the pending orders.
     */
    public static final List<String> DEFINED = defined();

    private KpiCatalog() {
    }

    private static List<String> defined() {
        List<String> out = new ArrayList<>();
        for (Kpi k : Kpi.values()) {
            if (k != Kpi.ON_TIME_REQUIRED_RATE) {
                out.add(k.id());
            }
            if (k == Kpi.IMPORTANCE) {
                out.add(CONTROL_CHART);
            }
        }
        return List.copyOf(out);
    }

    /** The catalogue's unit of a KPI id ({@code dim_score.accuracy} by its family); COUNT for an id outside it. */
    public static Unit unit(String kpi) {
        return catalogued(kpi).map(Kpi::unit).orElse(Unit.COUNT);
    }

    /** True when higher values are better ({@link Kpi#higherIsBetter()}; used only to sort and colour when a KPI has no target). */
    public static boolean higherIsBetter(String kpi) {
        return catalogued(kpi).map(Kpi::higherIsBetter).orElse(true);
    }

    private static java.util.Optional<Kpi> catalogued(String kpi) {
        return KpiId.parse(kpi).map(KpiId::kpi).or(() -> Kpi.byId(kpi));
    }
}
