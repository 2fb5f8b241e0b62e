package com.logisticskpi.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.Rag;

/**
 * The mail body: a summary table of the business-wide ({@code slice = all}) KPIs of one period, with the target,
 * a red/amber/green cell and the change against the previous period, followed by the inline charts.
 * Every piece of text is HTML-escaped (KPI ids, labels, the title): untrusted text stays text.
 *
 * <p>Shares are shown in percent with one decimal ({@code 0.9234} -> {@code 92.3 %}) and their change in
 * percentage points ({@code +1.2 pts}); other values with up to two decimals. A KPI without a target has an
 * empty target and status cell; without a previous value the change is {@code –}.
 */
public class SummaryHtmlRenderer {

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("on_time_rate", "On-time delivery"),
            Map.entry("order_accuracy", "Order accuracy"),
            Map.entry("line_accuracy", "Line accuracy"),
            Map.entry("damage_rate", "Damage rate"),
            Map.entry("documentation_accuracy", "Documentation accuracy"),
            Map.entry("perfect_order_rate", "Perfect orders"),
            Map.entry("cycle_hours_mean", "Order cycle time (h)"),
            Map.entry("cycle_hours_sd", "Cycle time std. dev. (h)"),
            Map.entry("cycle_cv", "Cycle time CV"),
            Map.entry("cycle_within_target_rate", "Cycle time within target"),
            Map.entry("dispatch_hours_mean", "Dispatch time (h)"),
            Map.entry("split_shipment_rate", "Split shipments"),
            Map.entry("pending_orders", "Pending orders"),
            Map.entry("return_rate", "Return rate"),
            Map.entry("refund_hours_mean", "Refund time (h)"),
            Map.entry("csi", "CSI"),
            Map.entry("csat", "CSAT"),
            Map.entry("nps", "NPS"),
            Map.entry("survey_responses", "Survey responses"));

    static final Map<Rag, String> COLOURS = Map.of(Rag.GREEN, "#c8e6c9", Rag.AMBER, "#ffe0b2", Rag.RED, "#ffcdd2");

    /**
     * @param title     heading, e.g. the mail subject
     * @param period    the period label shown under the heading
     * @param current   this period's values (rows of other slices are ignored)
     * @param previous  the previous period's values, may be empty
     * @param targets   KPI id -> target
     * @param imageCids content ids of inline images to show below the table, in order
     */
    public String render(String title, String period, List<KpiValue> current, List<KpiValue> previous,
                         Map<String, KpiTarget> targets, List<String> imageCids) {
        Map<String, KpiValue> before = new HashMap<>();
        for (KpiValue v : previous) {
            if (KpiValue.ALL.equals(v.slice())) {
                before.put(v.kpi(), v);
            }
        }
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>").append(Html.escape(title))
                .append("</title></head>\n<body style=\"font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px\">\n");
        b.append("<h2>").append(Html.escape(title)).append("</h2>\n");
        b.append("<p>Period: ").append(Html.escape(period)).append("</p>\n");
        b.append("<table style=\"border-collapse:collapse\" cellpadding=\"6\" border=\"1\">\n")
                .append("<tr><th>KPI</th><th>Value</th><th>Target</th><th>Status</th><th>Change</th></tr>\n");
        for (KpiValue v : current) {
            if (!KpiValue.ALL.equals(v.slice())) {
                continue;
            }
            KpiTarget t = targets.get(v.kpi());
            b.append("<tr><td>").append(Html.escape(NAMES.getOrDefault(v.kpi(), v.kpi()))).append("</td>");
            b.append("<td style=\"text-align:right\">").append(Html.escape(value(v.value(), v.isShare()))).append("</td>");
            if (t == null) {
                b.append("<td></td><td></td>");
            } else {
                Rag rag = t.status(v.value());
                b.append("<td style=\"text-align:right\">").append(t.higherIsBetter() ? "&ge; " : "&le; ")
                        .append(Html.escape(value(t.target(), v.isShare()))).append("</td>");
                b.append("<td style=\"background:").append(COLOURS.get(rag)).append("\">").append(rag.name()).append("</td>");
            }
            KpiValue p = before.get(v.kpi());
            b.append("<td style=\"text-align:right\">").append(Html.escape(p == null ? "–" : change(v.value() - p.value(), v.isShare())))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (String cid : imageCids) {
            b.append("<p><img src=\"cid:").append(Html.escape(cid)).append("\" alt=\"").append(Html.escape(cid)).append("\"></p>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    static String value(double v, boolean share) {
        if (share) {
            return String.format(Locale.ROOT, "%.1f %%", v * 100);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String change(double d, boolean share) {
        if (share) {
            return String.format(Locale.ROOT, "%+.1f pts", d * 100);
        }
        return String.format(Locale.ROOT, "%+.2f", d);
    }
}
