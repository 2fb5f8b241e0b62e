package com.logisticskpi.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.TopDrivers;

/**
 * The localised "why" line of a headline KPI (kpis.md section 8), the same for the Summary sheet and the mail: for
 * a red or amber figure, the {@link #TOP} slice values (any dimension) that pulled it the wrong way the most against
 * the previous period (only when it got worse) and that contribute most to its gap to target, e.g.
 * "change: carrier EMS −2.9 pts, warehouse GZ03 −1.1 pts; gap to target: ..."; and for the on-time rate of a week
 * or month with pending orders, the on-time rate those orders still need (kpis.md section 9). Empty when there is
 * nothing to say. Slice values come from the exports: a caller writing HTML must escape the line.
 */
public final class WhyText {

    /** Slice values named per list. */
    public static final int TOP = 3;

    private final Messages messages;
    private final List<DriverRow> drivers;
    private final KpiLookup values;
    private final Map<String, KpiTarget> targets;

    public WhyText(Messages messages, List<DriverRow> drivers, List<KpiValue> values, Map<String, KpiTarget> targets) {
        this.messages = messages;
        this.drivers = drivers;
        this.values = new KpiLookup(values);
        this.targets = targets;
    }

    /** The why-lines of a report's input, in its language. */
    public static WhyText of(ReportInput in) {
        return new WhyText(new Messages(in.locale()), in.drivers(), in.values(), in.targets());
    }

    /** The line of {@code kpi} for the period of {@code type} that contains {@code date}; "" when there is nothing to say. */
    public String line(PeriodType type, LocalDate date, String kpi) {
        String period = type.periodOf(date);
        KpiValue cur = values.all(type, date, kpi).orElse(null);
        KpiTarget target = targets.get(kpi);
        List<String> parts = new ArrayList<>();
        Rag rag = cur == null || target == null ? null : target.status(cur.value());
        if (rag == Rag.RED || rag == Rag.AMBER) {
            List<DriverRow> rows = TopDrivers.of(drivers, type, period, kpi);
            int adverse = TopDrivers.adverse(target.higherIsBetter());
            KpiValue prev = values.get(type, type.previousOf(period), KpiValue.ALL, KpiValue.ALL, kpi).orElse(null);
            if (prev != null && TopDrivers.direction(cur.value() - prev.value()) == adverse) {
                add(parts, "why.change", TopDrivers.change(rows, adverse, TOP), false);
            }
            add(parts, "why.gap", TopDrivers.gap(rows, adverse, TOP), true);
        }
        if (kpi.equals(Kpi.ON_TIME_RATE.id()) && type != PeriodType.DAY) {
            values.get(type, period, KpiValue.ALL, KpiValue.ALL, KpiValue.ON_TIME_REQUIRED_RATE)
                    .ifPresent(r -> parts.add(required(r.value())));
        }
        return String.join(messages.get("why.separator"), parts);
    }

    private void add(List<String> parts, String key, List<DriverRow> rows, boolean gap) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (DriverRow r : rows) {
            items.add(messages.get("why.item", messages.get("slice." + r.slice()), r.sliceValue(),
                    points(gap ? r.targetGapContribution() : r.changeContribution())));
        }
        parts.add(messages.get(key, String.join(messages.get("why.list_separator"), items)));
    }

    private String required(double rate) {
        String pct = String.format(Locale.ROOT, "%.1f %%", rate * 100);
        if (rate > 1) {
            return messages.get("why.required_out_of_reach", pct);
        }
        if (rate <= 0) {
            return messages.get("why.required_met");
        }
        return messages.get("why.required", pct);
    }

    /** A contribution in percentage points with its sign: −2.9 pts (a true minus sign), +0.4 pts. */
    String points(double v) {
        String n = String.format(Locale.ROOT, "%.1f", Math.abs(v) * 100);
        return messages.get("why.points", (v < 0 && !n.equals("0.0") ? "\u2212" : "+") + n);
    }
}
