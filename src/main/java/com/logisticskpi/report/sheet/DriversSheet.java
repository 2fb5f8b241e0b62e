package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.drivers.DriverKpis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.TopDrivers;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.chart.DriverChart;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Drivers (kpis.md section 8), month to date against the previous month: for every headline share that has drivers,
 * a heading line (value, previous value, change, gap), the table of every slice value of every dimension (share of
 * the orders, rate now and before, rate and mix effects, contribution to the change and to the gap; the most adverse
 * first within a dimension) and beside it a diverging bar chart of the {@link #CHART_BARS} largest contributions.
 */
public final class DriversSheet {

    /** Bars per chart: the largest contributions (in size) of any dimension. */
    public static final int CHART_BARS = 12;
    public static final int COL_DIMENSION = 0, COL_VALUE = 1, COL_SHARE = 2, COL_RATE = 3, COL_PREVIOUS = 4,
            COL_RATE_EFFECT = 5, COL_MIX_EFFECT = 6, COL_CHANGE = 7, COL_GAP = 8, COLUMNS = 9;

    /** The headline KPIs that have drivers, in Summary order. */
    public static List<String> kpis() {
        return KpiCatalog.HEADLINE.stream().filter(DriverKpis::isDriver).toList();
    }

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        ReportInput in = ctx.input();
        var m = ctx.msg();
        PeriodType type = PeriodType.MONTH;
        String period = type.periodOf(in.businessDate());
        String before = type.previousOf(period);
        cells.titleAndNote("drivers", m.get("drivers.title", period, before), m.get("drivers.note"));
        Sheet s = ctx.template().sheet("drivers");
        CellReference anchor = ctx.template().cellRef(TemplateNames.DRIVERS_TABLE);
        AreaReference area = ctx.template().area(TemplateNames.DRIVERS_CHART);
        int chartCol1 = area.getFirstCell().getCol();
        int chartCol2 = area.getLastCell().getCol();
        int chartRows = area.getLastCell().getRow() - area.getFirstCell().getRow() + 1;
        int c0 = anchor.getCol();
        int row = anchor.getRow();
        s.createFreezePane(0, row);
        for (String kpi : kpis()) {
            KpiTarget target = kpis.target(kpi);
            int adverse = TopDrivers.adverse(DriverKpis.higherIsBetter(kpi, target));
            KpiValue cur = kpis.lookup().get(type, period, KpiValue.ALL, KpiValue.ALL, kpi).orElse(null);
            KpiValue prev = kpis.lookup().get(type, before, KpiValue.ALL, KpiValue.ALL, kpi).orElse(null);
            String heading = m.get("drivers.kpi", m.kpiName(kpi), pct(cur), pct(prev),
                    cur == null || prev == null ? m.get("value.none") : pts(m, cur.value() - prev.value()),
                    cur == null || target == null ? m.get("value.none") : pts(m, cur.value() - target.target()));
            for (int i = 0; i < COLUMNS; i++) {
                cells.text(s, row, c0 + i, i == 0 ? heading : "", "group");
            }
            s.addMergedRegion(new CellRangeAddress(row, row, c0, c0 + COLUMNS - 1));
            row++;
            List<DriverRow> rows = TopDrivers.of(in.drivers(), type, period, kpi);
            if (rows.isEmpty()) {
                cells.text(s, row, c0, m.get("drivers.no_data"), "note");
                row += 2;
                continue;
            }
            int top = row;
            cells.header(s, row++, c0, List.of(m.get("col.dimension"), m.get("col.slice_value"), m.get("col.share_of_orders"),
                    m.get("col.rate_now"), m.get("col.rate_before"), m.get("col.rate_effect"), m.get("col.mix_effect"),
                    m.get("col.change_contribution"), m.get("col.gap_contribution")));
            for (Slice dim : Slice.values()) {
                List<DriverRow> ofDim = rows.stream().filter(r -> r.slice().equals(dim.label())).toList();
                long total = ofDim.stream().mapToLong(DriverRow::denominator).sum();
                for (DriverRow r : TopDrivers.byChange(ofDim, adverse)) {
                    row(ctx, s, row++, c0, r, total);
                }
            }
            chart(ctx, s, kpi, rows, adverse, top, chartCol1, chartCol2, Math.max(chartRows, row - top));
            row = Math.max(row, top + chartRows) + 2;
        }
    }

    private static void row(SheetContext ctx, Sheet s, int row, int c0, DriverRow r, long total) {
        CellWriter cells = ctx.cells();
        cells.text(s, row, c0 + COL_DIMENSION, ctx.msg().get("slice." + r.slice()), "text");
        cells.text(s, row, c0 + COL_VALUE, r.sliceValue(), "text");
        cells.number(s, row, c0 + COL_SHARE, total == 0 ? null : (double) r.denominator() / total, "share");
        cells.number(s, row, c0 + COL_RATE, r.rate(), "share");
        cells.number(s, row, c0 + COL_PREVIOUS, r.previousRate(), "share");
        cells.number(s, row, c0 + COL_RATE_EFFECT, r.rateEffect(), "change_share");
        cells.number(s, row, c0 + COL_MIX_EFFECT, r.mixEffect(), "change_share");
        cells.number(s, row, c0 + COL_CHANGE, r.changeContribution(), "change_share");
        cells.number(s, row, c0 + COL_GAP, r.targetGapContribution(), "change_share");
    }

    private static void chart(SheetContext ctx, Sheet s, String kpi, List<DriverRow> rows, int adverse, int top,
                              int col1, int col2, int height) {
        ChartPlacement charts = ctx.charts();
        List<DriverRow> largest = rows.stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.changeContribution()), Math.abs(a.changeContribution())))
                .limit(CHART_BARS).toList();
        List<String> labels = new ArrayList<>();
        List<Double> points = new ArrayList<>();
        for (DriverRow r : TopDrivers.byChange(largest, adverse)) {
            labels.add(ctx.msg().get("slice." + r.slice()) + " " + r.sliceValue());
            points.add(r.changeContribution() * 100);
        }
        charts.chart(s, "drivers_" + kpi + ".png",
                DriverChart.diverging(ctx.msg().get("drivers.chart_title", ctx.msg().kpiName(kpi)), labels, points, adverse),
                top, col1, top + height - 1, col2);
    }

    private static String pct(KpiValue v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f %%", v.value() * 100);
    }

    /** Percentage points with a sign, localised: +1.2 pts, −0.4 pt. */
    private static String pts(com.logisticskpi.report.Messages m, double v) {
        return m.get("why.points", String.format(Locale.ROOT, "%+.1f", v * 100).replace("-", "\u2212"));
    }
}
