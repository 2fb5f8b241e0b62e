package com.logisticskpi.kpi;

import java.util.Arrays;
import java.util.List;

/**
 * The headline KPIs: the one list the workbook's Summary, the mail digest and the terminal summary of a run show,
 * in this order and under the same display name (message bundle key {@link #nameKey()} in
 * {@code i18n/report_<locale>.properties}). The complaint-handling ones (kpis.md section 10) are shown only when
 * tickets are present ({@link #shown(boolean)}): a deployment without the optional tickets export never sees them.
 */
public enum HeadlineKpi {
    ON_TIME_RATE("on_time_rate", Unit.SHARE),
    ORDER_ACCURACY("order_accuracy", Unit.SHARE),
    DAMAGE_RATE("damage_rate", Unit.SHARE),
    PERFECT_ORDER_RATE("perfect_order_rate", Unit.SHARE),
    CYCLE_HOURS_P50("cycle_hours_p50", Unit.HOURS),
    CYCLE_HOURS_P90("cycle_hours_p90", Unit.HOURS),
    CYCLE_CV("cycle_cv", Unit.RATIO),
    CSI("csi", Unit.SCORE),
    CSAT("csat", Unit.SHARE),
    NPS("nps", Unit.SCORE),
    RETURN_RATE("return_rate", Unit.SHARE),
    COMPLAINT_RATE("complaint_rate", Unit.SHARE, true),
    RESOLVED_WITHIN_TARGET_RATE("resolved_within_target_rate", Unit.SHARE, true);

    /** How a headline value is shown: shares in percent (their changes in percentage points), the rest as numbers. */
    public enum Unit { SHARE, HOURS, RATIO, SCORE }

    private static final List<HeadlineKpi> ALWAYS = Arrays.stream(values()).filter(k -> !k.ticketsOnly).toList();
    private static final List<HeadlineKpi> WITH_TICKETS = List.of(values());
    private static final List<String> IDS = ALWAYS.stream().map(HeadlineKpi::id).toList();

    private final String id;
    private final Unit unit;
    private final boolean ticketsOnly;

    HeadlineKpi(String id, Unit unit) {
        this(id, unit, false);
    }

    HeadlineKpi(String id, Unit unit, boolean ticketsOnly) {
        this.id = id;
        this.unit = unit;
        this.ticketsOnly = ticketsOnly;
    }

    /** The headline KPIs shown, in display order: the complaint ones only when tickets are present. */
    public static List<HeadlineKpi> shown(boolean ticketsPresent) {
        return ticketsPresent ? WITH_TICKETS : ALWAYS;
    }

    /**
     * Whether a run's figures come with tickets: {@code complaint_rate} has rows as soon as a tickets file was loaded
     * and any order was delivered (kpis.md section 10), and none before.
     */
    public static boolean ticketsPresent(List<KpiValue> values) {
        return values.stream().anyMatch(v -> v.kpi().equals(COMPLAINT_RATE.id));
    }

    /** The KPI id of kpi-values.csv. */
    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public boolean isShare() {
        return unit == Unit.SHARE;
    }

    /** The bundle key of the display name. */
    public String nameKey() {
        return "kpi." + id + ".name";
    }

    /** The ids of the headline KPIs shown without tickets, in display order. */
    public static List<String> ids() {
        return IDS;
    }
}
