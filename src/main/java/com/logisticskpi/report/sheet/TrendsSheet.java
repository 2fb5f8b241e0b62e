package com.logisticskpi.report.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.chart.TrendChart;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Trends: the last 60 days, 26 weeks and 13 months of every headline KPI as line charts (a grid: one row per KPI,
 * day / week / month across) with the target line and amber and red points marked; below the charts, on a page of
 * their own, the same figures as three compact tables (days; weeks; months), a row per period and a column per KPI.
 */
public final class TrendsSheet {

    public static final Map<PeriodType, Integer> HISTORY = Map.of(PeriodType.DAY, 60, PeriodType.WEEK, 26, PeriodType.MONTH, 13);
    public static final List<PeriodType> ORDER = List.of(PeriodType.DAY, PeriodType.WEEK, PeriodType.MONTH);

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("trends");
        cells.titleAndNote("trends", m.get("trends.title"), m.get("trends.note", ctx.input().businessDate().toString()));
        AreaReference area = ctx.template().area(TemplateNames.TRENDS_CHARTS);
        int r0 = area.getFirstCell().getRow();
        int c0 = area.getFirstCell().getCol();
        int h = area.getLastCell().getRow() - r0 + 1;
        int w = area.getLastCell().getCol() - c0 + 1;
        int gridEnd = r0;
        var legend = TrendChart.LegendText.of(m);
        for (int k = 0; k < KpiCatalog.HEADLINE.size(); k++) {
            String kpi = KpiCatalog.HEADLINE.get(k);
            KpiTarget target = kpis.target(kpi);
            for (int p = 0; p < ORDER.size(); p++) {
                PeriodType type = ORDER.get(p);
                Series series = series(ctx, type, kpi);
                String title = m.get("trends.chart_title", m.kpiName(kpi), m.get("trends.history." + type.label()));
                var chart = TrendChart.create(title, series.shortLabels, series.values, series.rags, series.thin,
                        target == null ? null : target.target(), KpiCatalog.unit(kpi), legend,
                        m.get("chart.thin", charts.minOrders()));
                int row = r0 + k * (h + 1);
                int col = c0 + p * w;
                charts.chart(s, "trend_" + kpi + "_" + type.label() + ".png", chart, row, col, row + h - 1, col + w - 1);
                gridEnd = row + h;
            }
        }
        CellReference t = ctx.template().cellRef(TemplateNames.TRENDS_TABLE);
        int row = t.getRow() >= r0 && t.getRow() <= gridEnd ? gridEnd + 2 : t.getRow();
        int col = t.getCol();
        s.setRowBreak(row - 1);                         // the figures start on a page of their own
        cells.text(s, row++, col, m.get("trends.table"), "subtitle");
        // compact: one table per granularity, a row per period and a column per headline KPI; the days on the left,
        // the weeks and under them the months on the right, so that the whole section prints on one page with
        // every table's header on it (numerators and denominators are in kpi-values.csv)
        int right = col + 1 + KpiCatalog.HEADLINE.size() + 1;
        figures(ctx, s, row, col, PeriodType.DAY);
        int weekEnd = figures(ctx, s, row, right, PeriodType.WEEK);
        figures(ctx, s, weekEnd + 2, right, PeriodType.MONTH);
        s.createFreezePane(0, r0);
    }

    /** One compact figures table (title row, header row, one row per period, oldest first); returns its last row. */
    static int figures(SheetContext ctx, Sheet s, int row, int col, PeriodType type) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        cells.text(s, row++, col, m.get("trends.history." + type.label()), "label");
        List<String> header = new ArrayList<>();
        header.add(m.get("col.period"));
        KpiCatalog.HEADLINE.forEach(k -> header.add(m.kpiName(k)));
        cells.header(s, row, col, header);
        for (int i = 0; i < header.size(); i++) {
            s.getRow(row).getCell(col + i).setCellStyle(cells.wrappedHeader());
        }
        s.getRow(row).setHeightInPoints(Math.max(s.getRow(row).getHeightInPoints(), 48));
        row++;
        for (LocalDate start : KpiLookup.history(type, ctx.input().businessDate(), HISTORY.get(type))) {
            cells.text(s, row, col, type.periodOf(start), "text");
            for (int k = 0; k < KpiCatalog.HEADLINE.size(); k++) {
                String kpi = KpiCatalog.HEADLINE.get(k);
                KpiValue v = kpis.lookup().all(type, start, kpi).orElse(null);
                cells.number(s, row, col + 1 + k, v == null ? null : v.value(), KpiView.unitStyle(kpi));
            }
            row++;
        }
        return row - 1;
    }

    /** A KPI's history of one period type, oldest first; missing periods are null (gaps in the line). */
    static Series series(SheetContext ctx, PeriodType type, String kpi) {
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        Series out = new Series();
        for (LocalDate start : KpiLookup.history(type, ctx.input().businessDate(), HISTORY.get(type))) {
            KpiValue v = kpis.lookup().all(type, start, kpi).orElse(null);
            String label = type.periodOf(start);
            out.shortLabels.add(switch (type) {
                case DAY -> label.substring(5);
                case WEEK -> label.substring(5);
                case MONTH -> label;
            });
            out.values.add(v == null ? null : v.value());
            out.rags.add(v == null ? null : kpis.rag(kpi, v.value()));
            Long basis = v == null ? null : ChartBasis.orders(kpis.lookup(), type, start, kpi, v);
            out.thin.add(basis != null && basis < charts.minOrders());
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
