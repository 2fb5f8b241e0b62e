package com.logisticskpi.kpi;

import java.util.Arrays;
import java.util.List;

/**
 * The headline KPIs: the one list the workbook's Summary, the mail digest and the terminal summary of a run show,
 * in this order and under the same display name (message bundle key {@link #nameKey()} in
 * {@code i18n/report_<locale>.properties}).
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
    RETURN_RATE("return_rate", Unit.SHARE);

    /** How a headline value is shown: shares in percent (their changes in percentage points), the rest as numbers. */
    public enum Unit { SHARE, HOURS, RATIO, SCORE }

    private static final List<String> IDS = Arrays.stream(values()).map(HeadlineKpi::id).toList();

    private final String id;
    private final Unit unit;

    HeadlineKpi(String id, Unit unit) {
        this.id = id;
        this.unit = unit;
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

    /** Every headline KPI id, in display order. */
    public static List<String> ids() {
        return IDS;
    }
}
