package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.chart.ParetoChart;
import com.logisticskpi.report.chart.TrendChart;
import com.logisticskpi.report.template.TemplateNames;

/** Returns: return rate and refund time for day / week / month to date, the month's reason Pareto, the weekly return-rate trend. */
public final class ReturnsSheet {

    public static final List<String> HEAD = List.of(Kpi.RETURN_RATE.id(), Kpi.REFUND_HOURS_MEAN.id(),
            Kpi.REFUND_HOURS_P90.id());
    static final String REASON = Kpi.RETURN_REASON_SHARE.id() + ".";

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("returns");
        cells.titleAndNote("returns", m.get("returns.title"), m.get("returns.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.RETURNS_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        s.createFreezePane(0, row + 1);
        cells.periodHeader(s, row++, col, "col.target");
        for (String kpi : HEAD) {
            cells.text(s, row, col, m.kpiName(kpi), "text");
            int c = col + 1;
            for (PeriodType type : SummarySheet.PERIODS) {
                cells.number(s, row, c++, kpis.all(type, kpi).map(KpiValue::value).orElse(null), KpiView.unitStyle(kpi));
            }
            KpiTarget target = kpis.target(kpi);
            cells.number(s, row, c, target == null ? null : target.target(), KpiView.unitStyle(kpi));
            row++;
        }

        // reasons of the month, largest first
        String period = PeriodType.MONTH.periodOf(ctx.input().businessDate());
        List<KpiValue> reasons = new ArrayList<>();
        for (String kpi : kpis.lookup().kpisWithPrefix(PeriodType.MONTH, period, REASON)) {
            kpis.all(PeriodType.MONTH, kpi).ifPresent(reasons::add);
        }
        reasons.sort(Comparator.comparingLong((KpiValue v) -> v.numerator() == null ? 0 : v.numeratorCount()).reversed()
                .thenComparing(KpiValue::kpi));
        CellReference r = ctx.template().cellRef(TemplateNames.RETURNS_REASONS);
        row = r.getRow();
        col = r.getCol();
        cells.text(s, row++, col, m.get("returns.reasons", kpis.periodLabel(PeriodType.MONTH)), "subtitle");
        cells.header(s, row++, col, List.of(m.get("col.reason"), m.get("col.returns"), m.get("col.share"), m.get("col.cumulative")));
        List<String> cats = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        double cum = 0;
        for (KpiValue v : reasons) {
            String code = v.kpi().substring(REASON.length());
            String name = reasonName(ctx, code);
            cats.add(name);
            counts.add(v.numerator() == null ? 0 : v.numeratorCount());
            cum += v.value();
            cells.text(s, row, col, name, "text");
            cells.number(s, row, col + 1, v.numerator(), "count");
            cells.number(s, row, col + 2, v.value(), "share");
            cells.number(s, row, col + 3, Math.min(1.0, cum), "share");
            row++;
        }
        if (reasons.isEmpty()) {
            cells.text(s, row, col, m.get("value.no_data"), "note");
        }
        charts.chartAt(TemplateNames.RETURNS_PARETO, "returns_pareto.png", ParetoChart.create(
                m.get("returns.pareto_title", kpis.periodLabel(PeriodType.MONTH)), cats, counts, m.get("col.returns"),
                m.get("col.cumulative")));

        var series = TrendsSheet.series(ctx, PeriodType.WEEK, Kpi.RETURN_RATE.id());
        KpiTarget target = kpis.target(Kpi.RETURN_RATE.id());
        var legend = TrendChart.LegendText.of(m);
        charts.chartAt(TemplateNames.RETURNS_TREND, "returns_trend.png", TrendChart.create(
                m.get("trends.chart_title", m.kpiName(Kpi.RETURN_RATE.id()), m.get("trends.history.week")),
                series.shortLabels, series.values, series.rags, target == null ? null : target.target(),
                Unit.SHARE, legend));
    }

    private static String reasonName(SheetContext ctx, String code) {
        return ctx.msg().has("reason." + code) ? ctx.msg().get("reason." + code) + " (" + code + ")" : code;
    }
}
