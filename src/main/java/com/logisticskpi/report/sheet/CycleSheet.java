package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.report.ReportInput.ControlPoint;
import com.logisticskpi.report.chart.ControlChart;
import com.logisticskpi.report.chart.HistogramChart;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Order cycle: cycle-time percentiles, mean, SD and CV for day / week / month to date; a histogram of the cycle
 * hours of the month's delivered orders; the XmR control chart of daily mean cycle hours with its signal days.
 */
public final class CycleSheet {

    public static final List<String> STATS = List.of(Kpi.CYCLE_HOURS_MEAN.id(), Kpi.CYCLE_HOURS_P50.id(),
            Kpi.CYCLE_HOURS_P90.id(), Kpi.CYCLE_HOURS_P95.id(), Kpi.CYCLE_HOURS_SD.id(), Kpi.CYCLE_CV.id(),
            Kpi.CYCLE_WITHIN_TARGET_RATE.id(), Kpi.DISPATCH_HOURS_MEAN.id(), Kpi.DISPATCH_HOURS_P90.id());

    /** Nice bin widths in hours. */
    private static final double[] WIDTHS = {0.5, 1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168};
    static final int MAX_BINS = 24;

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("cycle");
        cells.titleAndNote("cycle", m.get("cycle.title"), m.get("cycle.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.CYCLE_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        int headerRow = row;
        cells.periodHeader(s, row++, col);
        for (String kpi : STATS) {
            cells.text(s, row, col, m.kpiName(kpi), "text");
            int c = col + 1;
            for (PeriodType type : SummarySheet.PERIODS) {
                KpiValue v = kpis.all(type, kpi).orElse(null);
                cells.number(s, row, c++, v == null ? null : v.value(), KpiView.unitStyle(kpi));
            }
            row++;
        }
        cells.text(s, row, col, m.get("cycle.orders"), "text");
        int c = col + 1;
        for (PeriodType type : SummarySheet.PERIODS) {
            KpiValue v = kpis.all(type, Kpi.ORDER_ACCURACY.id()).orElse(null);
            cells.number(s, row, c++, v == null ? null : v.denominator().doubleValue(), "count");
        }
        s.createFreezePane(0, headerRow + 1);

        histogram(ctx);
        controlChart(ctx, s);
    }

    private void histogram(SheetContext ctx) {
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        // one read of the month's delivered orders (each a full outcome row): their cycle hours kept as 8 bytes each
        double[] hours = new double[1024];
        int n = 0;
        double max = 0;
        for (OrderOutcome o : ctx.input().deliveredOrders()) {
            if (o.cycleHours() != null) {
                if (n == hours.length) {
                    hours = java.util.Arrays.copyOf(hours, n * 2);
                }
                hours[n++] = o.cycleHours();
                max = Math.max(max, o.cycleHours());
            }
        }
        double upper = max;
        KpiValue p95 = kpis.all(PeriodType.MONTH, Kpi.CYCLE_HOURS_P95.id()).orElse(null);
        if (p95 != null && p95.value() > 0) {
            upper = Math.min(max, p95.value() * 1.5);
        }
        Bins bins = Bins.of(upper, max);
        long[] counts = new long[bins.count()];
        for (int i = 0; i < n; i++) {
            counts[bins.index(hours[i])]++;
        }
        List<Long> list = new ArrayList<>();
        for (long k : counts) {
            list.add(k);
        }
        List<String> labels = bins.labels();
        if (n == 0) { // no delivered order: an empty chart with the no-data message
            list.clear();
            labels = List.of();
        }
        String title = m.get("cycle.histogram_title", kpis.periodLabel(PeriodType.MONTH), n);
        var chart = HistogramChart.create(title, m.get("cycle.hours_axis"), m.get("cycle.orders_axis"), labels, list);
        charts.chartAt(TemplateNames.CYCLE_HISTOGRAM, "cycle_histogram.png", chart);
    }

    private void controlChart(SheetContext ctx, Sheet s) {
        CellWriter cells = ctx.cells();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        List<ControlPoint> points = ctx.input().controlChart();
        CellReference t = ctx.template().cellRef(TemplateNames.CYCLE_SIGNALS);
        int row = t.getRow();
        int col = t.getCol();
        cells.text(s, row++, col, m.get("cycle.signals"), "subtitle");
        cells.header(s, row++, col, List.of(m.get("col.date"), m.get("kpi.cycle_hours_mean.name"), m.get("col.centre"),
                m.get("col.ucl"), m.get("col.lcl"), m.get("col.rule")));
        boolean any = false;
        java.util.SortedSet<Integer> fired = new java.util.TreeSet<>();
        var centred = ctx.workbook().createCellStyle(); // rule numbers centred, clear of the LCL figure beside them
        centred.cloneStyleFrom(ctx.template().style("text"));
        centred.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        for (ControlPoint p : points) {
            if (p.signal()) {
                any = true;
                var d = cells.cell(s, row, col);
                d.setCellValue(p.date());
                d.setCellStyle(ctx.template().style("date"));
                cells.number(s, row, col + 1, p.value(), "hours");
                cells.number(s, row, col + 2, p.centre(), "hours");
                cells.number(s, row, col + 3, p.ucl(), "hours");
                cells.number(s, row, col + 4, p.lcl(), "hours");
                // rule numbers only: the full texts of several rules do not fit the column; they follow the table
                String rules = p.rules().stream().map(String::valueOf).collect(Collectors.joining(", "));
                cells.text(s, row, col + 5, p.baseline() ? m.get("cycle.baseline_rule", rules) : rules, "text")
                        .setCellStyle(centred);
                fired.addAll(p.rules());
                row++;
            }
        }
        if (any) {
            row++;
            for (int r : fired) {
                cells.text(s, row++, col, m.get("rule." + r), "note");
            }
        }
        if (!any) {
            cells.text(s, row, col, points.isEmpty() ? m.get("value.no_data") : m.get("cycle.no_signals"), "note");
        }
        if (points.isEmpty()) {
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Boolean> signal = new ArrayList<>();
        for (ControlPoint p : points) {
            labels.add(p.date().toString().substring(5));
            values.add(p.value());
            signal.add(p.signal());
        }
        ControlPoint last = points.get(points.size() - 1);
        var text = new ControlChart.ControlText(m.get("kpi.cycle_hours_mean.name"), m.get("cycle.hours_axis"),
                m.get("chart.centre", fmt(last.centre())), m.get("chart.ucl", fmt(last.ucl())),
                m.get("chart.lcl", fmt(last.lcl())), m.get("chart.signal"));
        int baselineFirst = -1;
        int baselineLast = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).baseline()) {
                baselineFirst = baselineFirst < 0 ? i : baselineFirst;
                baselineLast = i;
            }
        }
        var chart = ControlChart.create(m.get("cycle.control_title", points.size()), labels, values, signal,
                last.centre(), last.ucl(), last.lcl(), text, baselineFirst, baselineLast, m.get("chart.baseline"));
        charts.chartAt(TemplateNames.CYCLE_CONTROL_CHART, "cycle_control_chart.png", chart);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Histogram bins: equal nice widths up to {@code upper}; the last bin also holds everything longer. */
    record Bins(double width, int count, boolean overflow) {

        static Bins of(double upper, double max) {
            double w = WIDTHS[WIDTHS.length - 1];
            for (double cand : WIDTHS) {
                if (upper / cand <= MAX_BINS - 1) {
                    w = cand;
                    break;
                }
            }
            int k = Math.max(1, (int) Math.ceil(upper / w));
            boolean overflow = max >= k * w;
            return new Bins(w, overflow ? k + 1 : k, overflow);
        }

        int index(double hours) {
            int i = (int) Math.floor(Math.max(0, hours) / width);
            return Math.min(i, count - 1);
        }

        List<String> labels() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (overflow && i == count - 1) {
                    out.add("≥" + num(i * width));
                } else {
                    out.add(num(i * width) + "–" + num((i + 1) * width));
                }
            }
            return out;
        }

        private static String num(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
