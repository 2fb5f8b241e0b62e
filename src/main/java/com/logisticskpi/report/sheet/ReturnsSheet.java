package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.chart.ReportCharts;
import com.logisticskpi.report.template.TemplateNames;

/** Returns: return rate and refund time for day / week / month to date, the month's reason Pareto, the weekly return-rate trend. */
public final class ReturnsSheet {

    public static final List<String> HEAD = List.of("return_rate", "refund_hours_mean", "refund_hours_p90");
    static final String REASON = "return_reason_share.";

    public void write(SheetContext ctx) {
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("returns");
        ctx.titleAndNote("returns", m.get("returns.title"), m.get("returns.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.RETURNS_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        s.createFreezePane(0, row + 1);
        ctx.periodHeader(s, row++, col, "col.target");
        for (String kpi : HEAD) {
            ctx.text(s, row, col, m.kpiName(kpi), "text");
            int c = col + 1;
            for (PeriodType type : SummarySheet.PERIODS) {
                ctx.number(s, row, c++, ctx.all(type, kpi).map(KpiValue::value).orElse(null), SheetContext.unitStyle(kpi));
            }
            KpiTarget target = ctx.target(kpi);
            ctx.number(s, row, c, target == null ? null : target.target(), SheetContext.unitStyle(kpi));
            row++;
        }

        // reasons of the month, largest first
        String period = PeriodType.MONTH.periodOf(ctx.input().businessDate());
        List<KpiValue> reasons = new ArrayList<>();
        for (String kpi : ctx.lookup().kpisWithPrefix(PeriodType.MONTH, period, REASON)) {
            ctx.all(PeriodType.MONTH, kpi).ifPresent(reasons::add);
        }
        reasons.sort(Comparator.comparingLong((KpiValue v) -> v.numerator() == null ? 0 : v.numeratorCount()).reversed()
                .thenComparing(KpiValue::kpi));
        CellReference r = ctx.template().cellRef(TemplateNames.RETURNS_REASONS);
        row = r.getRow();
        col = r.getCol();
        ctx.text(s, row++, col, m.get("returns.reasons", ctx.periodLabel(PeriodType.MONTH)), "subtitle");
        ctx.header(s, row++, col, List.of(m.get("col.reason"), m.get("col.returns"), m.get("col.share"), m.get("col.cumulative")));
        List<String> cats = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        double cum = 0;
        for (KpiValue v : reasons) {
            String code = v.kpi().substring(REASON.length());
            String name = reasonName(ctx, code);
            cats.add(name);
            counts.add(v.numerator() == null ? 0 : v.numeratorCount());
            cum += v.value();
            ctx.text(s, row, col, name, "text");
            ctx.number(s, row, col + 1, v.numerator(), "count");
            ctx.number(s, row, col + 2, v.value(), "share");
            ctx.number(s, row, col + 3, Math.min(1.0, cum), "share");
            row++;
        }
        if (reasons.isEmpty()) {
            ctx.text(s, row, col, m.get("value.no_data"), "note");
        }
        ctx.chartAt(TemplateNames.RETURNS_PARETO, "returns_pareto.png", ReportCharts.pareto(
                m.get("returns.pareto_title", ctx.periodLabel(PeriodType.MONTH)), cats, counts, m.get("col.returns"),
                m.get("col.cumulative")));

        var series = TrendsSheet.series(ctx, PeriodType.WEEK, "return_rate");
        KpiTarget target = ctx.target("return_rate");
        var legend = new ReportCharts.LegendText(m.get("chart.value"), m.get("chart.target"), m.get("chart.amber"), m.get("chart.red"));
        ctx.chartAt(TemplateNames.RETURNS_TREND, "returns_trend.png", ReportCharts.trend(
                m.get("trends.chart_title", m.kpiName("return_rate"), m.get("trends.history.week")),
                series.shortLabels, series.values, series.rags, target == null ? null : target.target(),
                KpiCatalog.Unit.SHARE, legend));
    }

    private static String reasonName(SheetContext ctx, String code) {
        return ctx.msg().has("reason." + code) ? ctx.msg().get("reason." + code) + " (" + code + ")" : code;
    }
}
