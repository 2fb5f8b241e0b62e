package com.logisticskpi.report;

import java.util.List;

import com.logisticskpi.kpi.HeadlineKpi;

/** The KPIs the workbook knows: which are headline figures, and how each is shown. */
public final class KpiCatalog {

    /** How a KPI value is displayed. */
    public enum Unit { SHARE, HOURS, RATIO, SCORE, COUNT }

    /** The headline KPIs of the Summary and Trends sheets, in display order ({@link HeadlineKpi}: also the mail's and the terminal's). */
    public static final List<String> HEADLINE = HeadlineKpi.ids();

    /** The headline KPIs of the Summary: {@link #HEADLINE}, plus the complaint ones when tickets are present. */
    public static List<String> headline(boolean ticketsPresent) {
        return HeadlineKpi.shown(ticketsPresent).stream().map(HeadlineKpi::id).toList();
    }

    /** The KPIs of the Breakdowns tables, in column order. */
    public static final List<String> BREAKDOWN = List.of(
            "on_time_rate", "order_accuracy", "damage_rate", "perfect_order_rate",
            "cycle_hours_p90", "cycle_cv", "csi", "nps", "return_rate");

    /** The Breakdowns tables, worst first by this KPI. */
    public static final String BREAKDOWN_SORT = "perfect_order_rate";

    /** The slices of the Breakdowns sheet, in order. */
    public static final List<String> SLICES = List.of("warehouse", "carrier", "region", "channel", "segment");

    /** Every KPI the Definitions sheet explains (kpis.md), in order. Dimension-specific ids use their prefix. */
    public static final List<String> DEFINED = List.of(
            "on_time_rate", "pending_orders", "order_accuracy", "line_accuracy", "damage_rate",
            "documentation_accuracy", "perfect_order_rate", "split_shipment_rate", "return_rate",
            "return_reason_share", "refund_hours_mean", "refund_hours_p90",
            "cycle_hours_mean", "cycle_hours_p50", "cycle_hours_p90", "cycle_hours_p95", "cycle_hours_sd",
            "cycle_cv", "cycle_within_target_rate", "dispatch_hours_mean", "dispatch_hours_p90",
            "dim_score", "csi", "csat", "nps", "survey_responses", "importance", "control_chart",
            "complaint_rate", "complaint_share", "first_response_within_target_rate", "first_response_hours_mean",
            "first_response_hours_p90", "resolved_within_target_rate", "open_complaints", "resolution_hours_mean",
            "resolution_hours_p90", "reopen_rate");

    private KpiCatalog() {
    }

    public static Unit unit(String kpi) {
        String base = kpi.contains(".") ? kpi.substring(0, kpi.indexOf('.')) : kpi;
        if (base.endsWith("_rate") || base.equals("order_accuracy") || base.equals("line_accuracy")
                || base.equals("documentation_accuracy") || base.equals("csat") || base.equals("return_reason_share")
                || base.equals("complaint_share")) {
            return Unit.SHARE;
        }
        if (base.contains("hours")) {
            return Unit.HOURS;
        }
        if (base.equals("cycle_cv") || base.equals("importance")) {
            return Unit.RATIO;
        }
        if (base.equals("csi") || base.equals("nps") || base.equals("dim_score")) {
            return Unit.SCORE;
        }
        return Unit.COUNT;
    }

    /** True when higher values are better (used only to sort and colour when a KPI has no target). */
    public static boolean higherIsBetter(String kpi) {
        return !(kpi.equals("damage_rate") || kpi.equals("return_rate") || kpi.startsWith("cycle_")
                || kpi.startsWith("refund_") || kpi.startsWith("dispatch_") || kpi.equals("pending_orders")
                || kpi.equals("split_shipment_rate") || kpi.equals("complaint_rate") || kpi.startsWith("first_response_hours")
                || kpi.startsWith("resolution_hours") || kpi.equals("open_complaints") || kpi.equals("reopen_rate"));
    }
}
