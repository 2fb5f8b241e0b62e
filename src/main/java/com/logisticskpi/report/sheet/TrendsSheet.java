package com.logisticskpi.report.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.chart.ReportCharts;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Trends: the last 60 days, 26 weeks and 13 months of every headline KPI as line charts (a grid: one row per KPI,
 * day / week / month across) with the target line and amber and red points marked; below the charts the same
 * figures as a table (numerator and denominator included, so quality teams can trace them).
 */
public final class TrendsSheet {

    public static final Map<PeriodType, Integer> HISTORY = Map.of(PeriodType.DAY, 60, PeriodType.WEEK, 26, PeriodType.MONTH, 13);
    public static final List<PeriodType> ORDER = List.of(PeriodType.DAY, PeriodType.WEEK, PeriodType.MONTH);

    public void write(SheetContext ctx) {
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("trends");
        ctx.titleAndNote("trends", m.get("trends.title"), m.get("trends.note", ctx.input().businessDate().toString()));
        AreaReference area = ctx.template().area(TemplateNames.TRENDS_CHARTS);
        int r0 = area.getFirstCell().getRow();
        int c0 = area.getFirstCell().getCol();
        int h = area.getLastCell().getRow() - r0 + 1;
        int w = area.getLastCell().getCol() - c0 + 1;
        int gridEnd = r0;
        var legend = new ReportCharts.LegendText(m.get("chart.value"), m.get("chart.target"), m.get("chart.amber"), m.get("chart.red"));
        for (int k = 0; k < KpiCatalog.HEADLINE.size(); k++) {
            String kpi = KpiCatalog.HEADLINE.get(k);
            KpiTarget target = ctx.target(kpi);
            for (int p = 0; p < ORDER.size(); p++) {
                PeriodType type = ORDER.get(p);
                Series series = series(ctx, type, kpi);
                String title = m.get("trends.chart_title", m.kpiName(kpi), m.get("trends.history." + type.label()));
                var chart = ReportCharts.trend(title, series.shortLabels, series.values, series.rags, series.thin,
                        target == null ? null : target.target(), KpiCatalog.unit(kpi), legend,
                        m.get("chart.thin", ctx.chartMinOrders()));
                int row = r0 + k * (h + 1);
                int col = c0 + p * w;
                ctx.chart(s, "trend_" + kpi + "_" + type.label() + ".png", chart, row, col, row + h - 1, col + w - 1);
                gridEnd = row + h;
            }
        }
        CellReference t = ctx.template().cellRef(TemplateNames.TRENDS_TABLE);
        int row = t.getRow() >= r0 && t.getRow() <= gridEnd ? gridEnd + 2 : t.getRow();
        int col = t.getCol();
        ctx.text(s, row++, col, m.get("trends.table"), "subtitle");
        int headerRow = row;
        ctx.header(s, row++, col, List.of(m.get("col.kpi"), m.get("col.period_type"), m.get("col.period"), m.get("col.value"),
                m.get("col.numerator"), m.get("col.denominator"), m.get("col.target"), m.get("col.status")));
        for (String kpi : KpiCatalog.HEADLINE) {
            KpiTarget target = ctx.target(kpi);
            String unit = SheetContext.unitStyle(kpi);
            for (PeriodType type : ORDER) {
                for (LocalDate start : KpiLookup.history(type, ctx.input().businessDate(), HISTORY.get(type))) {
                    KpiValue v = ctx.lookup().all(type, start, kpi).orElse(null);
                    ctx.text(s, row, col, m.kpiName(kpi), "text");
                    ctx.text(s, row, col + 1, m.get("period_type." + type.label()), "text");
                    ctx.text(s, row, col + 2, type.periodOf(start), "text");
                    ctx.number(s, row, col + 3, v == null ? null : v.value(), unit);
                    ctx.number(s, row, col + 4, v == null ? null : v.numerator(), "count");
                    ctx.number(s, row, col + 5, v == null || v.denominator() == null ? null : v.denominator().doubleValue(), "count");
                    ctx.number(s, row, col + 6, target == null ? null : target.target(), unit);
                    Rag rag = v == null ? null : ctx.rag(kpi, v.value());
                    ctx.text(s, row, col + 7, v == null ? m.get("value.no_data") : ctx.ragLabel(rag), ctx.ragStyle(rag));
                    row++;
                }
            }
        }
        s.setAutoFilter(new CellRangeAddress(headerRow, row - 1, col, col + 7));
        s.createFreezePane(0, r0);
    }

    /** A KPI's history of one period type, oldest first; missing periods are null (gaps in the line). */
    static Series series(SheetContext ctx, PeriodType type, String kpi) {
        Series out = new Series();
        for (LocalDate start : KpiLookup.history(type, ctx.input().businessDate(), HISTORY.get(type))) {
            KpiValue v = ctx.lookup().all(type, start, kpi).orElse(null);
            String label = type.periodOf(start);
            out.shortLabels.add(switch (type) {
                case DAY -> label.substring(5);
                case WEEK -> label.substring(5);
                case MONTH -> label;
            });
            out.values.add(v == null ? null : v.value());
            out.rags.add(v == null ? null : ctx.rag(kpi, v.value()));
            Long basis = v == null ? null : ChartBasis.orders(ctx.lookup(), type, start, kpi, v);
            out.thin.add(basis != null && basis < ctx.chartMinOrders());
        }
        return out;
    }

    static final class Series {
        final List<String> shortLabels = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<Rag> rags = new ArrayList<>();
        final List<Boolean> thin = new ArrayList<>();
    }
}
