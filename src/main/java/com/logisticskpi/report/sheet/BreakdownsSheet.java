package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.chart.RankedBarChart;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Breakdowns: month to date by warehouse, carrier, region, channel and segment. Each table is sorted worst first by
 * {@link KpiCatalog#BREAKDOWN_SORT} (rows without it last) and coloured by conditional formatting from the targets
 * (the fills of the template's rag styles); one bar chart per slice.
 */
public final class BreakdownsSheet {

    public static final PeriodType PERIOD = PeriodType.MONTH;

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("breakdowns");
        String period = PERIOD.periodOf(ctx.input().businessDate());
        cells.titleAndNote("breakdowns", m.get("breakdowns.title"), m.get("breakdowns.note", kpis.periodLabel(PERIOD),
                m.kpiName(KpiCatalog.BREAKDOWN_SORT)));
        CellReference anchor = ctx.template().cellRef(TemplateNames.BREAKDOWNS_TABLE);
        AreaReference chartArea = ctx.template().area(TemplateNames.BREAKDOWNS_CHART);
        int chartCol0 = chartArea.getFirstCell().getCol();
        int chartCols = chartArea.getLastCell().getCol() - chartCol0;
        int chartRows = chartArea.getLastCell().getRow() - chartArea.getFirstCell().getRow();
        int row = anchor.getRow();
        int c0 = anchor.getCol();
        List<Integer> headerRows = new ArrayList<>();
        for (String slice : KpiCatalog.SLICES) {
            int blockStart = row;
            cells.text(s, row++, c0, m.get("breakdowns.by", m.get("slice." + slice)), "subtitle");
            List<String> head = new ArrayList<>();
            head.add(m.get("slice." + slice));
            head.add(m.get("col.orders"));
            KpiCatalog.BREAKDOWN.forEach(k -> head.add(m.kpiName(k)));
            cells.header(s, row, c0, head);
            headerRows.add(row);
            row++;
            List<String> values = new ArrayList<>(kpis.lookup().sliceValues(PERIOD, period, slice));
            // a slice value with none of the table's figures (e.g. only pending orders) would be a row of dashes
            values.removeIf(v -> kpis.lookup().get(PERIOD, period, slice, v, Kpi.ORDER_ACCURACY.id()).isEmpty()
                    && KpiCatalog.BREAKDOWN.stream().allMatch(k -> kpis.lookup().get(PERIOD, period, slice, v, k).isEmpty()));
            values.sort(Comparator.comparing((String v) -> sortKey(ctx, period, slice, v)).thenComparing(v -> v));
            int first = row;
            for (String v : values) {
                cells.text(s, row, c0, v, "text");
                KpiValue orders = kpis.lookup().get(PERIOD, period, slice, v, Kpi.ORDER_ACCURACY.id()).orElse(null);
                cells.number(s, row, c0 + 1, orders == null ? null : orders.denominator().doubleValue(), "count");
                for (int k = 0; k < KpiCatalog.BREAKDOWN.size(); k++) {
                    String kpi = KpiCatalog.BREAKDOWN.get(k);
                    KpiValue kv = kpis.lookup().get(PERIOD, period, slice, v, kpi).orElse(null);
                    cells.number(s, row, c0 + 2 + k, kv == null ? null : kv.value(), KpiView.unitStyle(kpi));
                }
                row++;
            }
            if (values.isEmpty()) {
                cells.text(s, row++, c0, m.get("value.no_data"), "note");
            } else {
                for (int k = 0; k < KpiCatalog.BREAKDOWN.size(); k++) {
                    String kpi = KpiCatalog.BREAKDOWN.get(k);
                    KpiTarget t = kpis.target(kpi);
                    if (t != null) {
                        ragFormatting(ctx, (XSSFSheet) s, new CellRangeAddress(first, row - 1, c0 + 2 + k, c0 + 2 + k), t);
                    }
                }
                chart(ctx, s, slice, period, values, blockStart, chartCol0, chartCols, chartRows);
            }
            row = Math.max(row + 2, values.isEmpty() ? row + 1 : blockStart + chartRows + 3);
        }
        if (!headerRows.isEmpty()) {
            s.createFreezePane(c0 + 1, 0);
        }
    }

    /** Worst first: the sort KPI's status-aware badness; values without the KPI go last. */
    private static double sortKey(SheetContext ctx, String period, String slice, String value) {
        KpiView kpis = ctx.kpis();
        KpiValue v = kpis.lookup().get(PERIOD, period, slice, value, KpiCatalog.BREAKDOWN_SORT).orElse(null);
        if (v == null) {
            return Double.MAX_VALUE;
        }
        return KpiCatalog.higherIsBetter(KpiCatalog.BREAKDOWN_SORT) ? v.value() : -v.value();
    }

    private static void chart(SheetContext ctx, Sheet s, String slice, String period, List<String> values, int row,
                              int col, int cols, int rows) {
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        String kpi = KpiCatalog.BREAKDOWN_SORT;
        List<String> cats = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        List<Rag> rags = new ArrayList<>();
        for (String v : values) {
            KpiValue kv = kpis.lookup().get(PERIOD, period, slice, v, kpi).orElse(null);
            if (kv != null) {
                // a value from fewer than the minimum of orders: a grey bar, its order count beside the name
                Long n = ChartBasis.orders(kpis.lookup(), PERIOD, period, slice, v, kpi, kv);
                boolean thin = n != null && n < charts.minOrders();
                cats.add(thin ? v + " (n=" + n + ")" : v);
                vals.add(kv.value());
                rags.add(thin ? null : kpis.rag(kpi, kv.value()));
            }
        }
        KpiTarget t = kpis.target(kpi);
        var chart = RankedBarChart.create(m.get("breakdowns.chart_title", m.kpiName(kpi), m.get("slice." + slice)),
                cats, vals, rags, t == null ? null : t.target(), KpiCatalog.unit(kpi), m.get("chart.target"));
        charts.chart(s, "breakdown_" + slice + ".png", chart, row, col, row + rows, col + cols);
    }

    /**
     * Green / amber / red fills by the KPI's target and band, with the same rule as {@link KpiTarget#status}
     * (a tiny tolerance on the amber edge). Only numeric cells are coloured.
     */
    static void ragFormatting(SheetContext ctx, XSSFSheet s, CellRangeAddress range, KpiTarget t) {
        XSSFSheetConditionalFormatting cf = s.getSheetConditionalFormatting();
        String cell = new CellReference(range.getFirstRow(), range.getFirstColumn(), false, false).formatAsString();
        String target = num(t.target());
        String edge = num(t.higherIsBetter() ? t.target() - t.band() - 1e-9 : t.target() + t.band() + 1e-9);
        String green, amber, red;
        if (t.higherIsBetter()) {
            green = "AND(ISNUMBER(" + cell + ")," + cell + ">=" + target + ")";
            amber = "AND(ISNUMBER(" + cell + ")," + cell + "<" + target + "," + cell + ">=" + edge + ")";
            red = "AND(ISNUMBER(" + cell + ")," + cell + "<" + edge + ")";
        } else {
            green = "AND(ISNUMBER(" + cell + ")," + cell + "<=" + target + ")";
            amber = "AND(ISNUMBER(" + cell + ")," + cell + ">" + target + "," + cell + "<=" + edge + ")";
            red = "AND(ISNUMBER(" + cell + ")," + cell + ">" + edge + ")";
        }
        XSSFConditionalFormattingRule g = rule(ctx, cf, green, Rag.GREEN);
        XSSFConditionalFormattingRule a = rule(ctx, cf, amber, Rag.AMBER);
        XSSFConditionalFormattingRule r = rule(ctx, cf, red, Rag.RED);
        cf.addConditionalFormatting(new CellRangeAddress[]{range}, new XSSFConditionalFormattingRule[]{g, a, r});
    }

    private static XSSFConditionalFormattingRule rule(SheetContext ctx, XSSFSheetConditionalFormatting cf, String formula, Rag rag) {
        KpiView kpis = ctx.kpis();
        XSSFConditionalFormattingRule rule = cf.createConditionalFormattingRule(formula);
        XSSFCellStyle style = (XSSFCellStyle) ctx.template().style(kpis.ragStyle(rag));
        XSSFColor fill = style.getFillForegroundXSSFColor();
        if (fill != null) {
            var p = rule.createPatternFormatting();
            p.setFillBackgroundColor(fill);
            p.setFillPattern(org.apache.poi.ss.usermodel.PatternFormatting.SOLID_FOREGROUND);
        }
        XSSFColor font = style.getFont().getXSSFColor();
        if (font != null) {
            rule.createFontFormatting().setFontColor(font);
        }
        return rule;
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
