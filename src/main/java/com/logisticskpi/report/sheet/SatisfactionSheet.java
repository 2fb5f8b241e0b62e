package com.logisticskpi.report.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.chart.MultiTrendChart;
import com.logisticskpi.report.chart.QuadrantChart;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Satisfaction: CSI, CSAT, NPS and response counts for day / week / month to date; the month's dimension scores
 * with importance and quadrant; the weekly CSI / NPS trend; the importance–performance grid.
 */
public final class SatisfactionSheet {

    public static final List<String> HEAD = List.of(Kpi.CSI.id(), Kpi.CSAT.id(), Kpi.NPS.id(),
            Kpi.SURVEY_RESPONSES.id());
    /** The prefixes of the survey families: {@code dim_score.accuracy}, {@code importance.accuracy}. */
    private static final String DIM_SCORE = Kpi.DIM_SCORE.id() + ".";
    private static final String IMPORTANCE = Kpi.IMPORTANCE.id() + ".";

    /** Quadrant keys (bundle {@code quadrant.<key>}). */
    public static String quadrant(double score, double importance, double scoreMean, double importanceMean) {
        boolean important = importance >= importanceMean;
        boolean good = score >= scoreMean;
        return important ? (good ? "keep_up" : "concentrate") : (good ? "overkill" : "low_priority");
    }

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("satisfaction");
        cells.titleAndNote("satisfaction", m.get("satisfaction.title"), m.get("satisfaction.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.SATISFACTION_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        s.createFreezePane(0, row + 1);
        cells.periodHeader(s, row++, col, "col.target");
        for (String kpi : HEAD) {
            cells.text(s, row, col, m.kpiName(kpi), "text");
            int c = col + 1;
            for (PeriodType type : SummarySheet.PERIODS) {
                KpiValue v = kpis.all(type, kpi).orElse(null);
                Double value = v == null ? null : v.value();
                var cell = cells.number(s, row, c++, value, KpiView.unitStyle(kpi));
                if (value != null && kpis.target(kpi) != null) {
                    cell.setCellStyle(ragNumberStyle(ctx, kpi, value));
                }
            }
            KpiTarget target = kpis.target(kpi);
            cells.number(s, row, c, target == null ? null : target.target(), KpiView.unitStyle(kpi));
            row++;
        }
        dimensions(ctx, s);
        trend(ctx);
    }

    /** The number style of the KPI with the fill and font of its RAG style (derived once per combination). */
    private static org.apache.poi.ss.usermodel.CellStyle ragNumberStyle(SheetContext ctx, String kpi, double value) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        String key = KpiView.unitStyle(kpi) + "+" + kpis.ragStyle(kpis.rag(kpi, value));
        return cells.derivedStyle(key, () -> {
            var st = ctx.workbook().createCellStyle();
            st.cloneStyleFrom(ctx.template().style(kpis.ragStyle(kpis.rag(kpi, value))));
            st.setDataFormat(ctx.template().style(KpiView.unitStyle(kpi)).getDataFormat());
            st.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            return st;
        });
    }

    private void dimensions(SheetContext ctx, Sheet s) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        String period = PeriodType.MONTH.periodOf(ctx.input().businessDate());
        CellReference t = ctx.template().cellRef(TemplateNames.SATISFACTION_DIMS);
        int row = t.getRow();
        int col = t.getCol();
        cells.text(s, row++, col, m.get("satisfaction.dims", kpis.periodLabel(PeriodType.MONTH)), "subtitle");
        cells.header(s, row++, col, List.of(m.get("col.dimension"), m.get("col.score"), m.get("col.importance"), m.get("col.quadrant")));
        List<String> names = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> importance = new ArrayList<>();
        List<String> dims = new ArrayList<>();
        for (String kpi : kpis.lookup().kpisWithPrefix(PeriodType.MONTH, period, DIM_SCORE)) {
            String dim = kpi.substring(DIM_SCORE.length());
            dims.add(dim);
        }
        for (String dim : dims) {
            double score = kpis.all(PeriodType.MONTH, DIM_SCORE + dim).map(KpiValue::value).orElse(Double.NaN);
            KpiValue imp = kpis.all(PeriodType.MONTH, IMPORTANCE + dim).orElse(null);
            if (imp != null) {
                names.add(dimName(ctx, dim));
                scores.add(score);
                importance.add(imp.value());
            }
        }
        double sMean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double iMean = importance.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        for (String dim : dims) {
            double score = kpis.all(PeriodType.MONTH, DIM_SCORE + dim).map(KpiValue::value).orElse(Double.NaN);
            KpiValue imp = kpis.all(PeriodType.MONTH, IMPORTANCE + dim).orElse(null);
            cells.text(s, row, col, dimName(ctx, dim), "text");
            cells.number(s, row, col + 1, score, "score");
            cells.number(s, row, col + 2, imp == null ? null : imp.value(), "ratio");
            cells.text(s, row, col + 3, imp == null ? m.get("satisfaction.no_importance")
                    : m.get("quadrant." + quadrant(score, imp.value(), sMean, iMean)), "text");
            row++;
        }
        if (dims.isEmpty()) {
            cells.text(s, row, col, m.get("value.no_data"), "note");
        }
        var text = new QuadrantChart.QuadrantText(m.get("quadrant.concentrate"), m.get("quadrant.keep_up"),
                m.get("quadrant.low_priority"), m.get("quadrant.overkill"));
        var chart = QuadrantChart.create(m.get("satisfaction.quadrant_title", kpis.periodLabel(PeriodType.MONTH)),
                m.get("col.score"), m.get("col.importance"), names, scores, importance, sMean, iMean, text);
        if (names.isEmpty()) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle(m.get("satisfaction.no_importance")));
        }
        charts.chartAt(TemplateNames.SATISFACTION_QUADRANT, "satisfaction_quadrant.png", chart);
    }

    private static String dimName(SheetContext ctx, String dim) {
        return ctx.msg().has("dimension." + dim) ? ctx.msg().get("dimension." + dim) : dim;
    }

    private void trend(SheetContext ctx) {
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        List<String> labels = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put(m.kpiName(Kpi.CSI.id()), new ArrayList<>());
        series.put(m.kpiName(Kpi.NPS.id()), new ArrayList<>());
        for (LocalDate start : KpiLookup.history(PeriodType.WEEK, ctx.input().businessDate(), 26)) {
            labels.add(PeriodType.WEEK.periodOf(start).substring(5));
            for (Kpi kpi : List.of(Kpi.CSI, Kpi.NPS)) {
                series.get(m.kpiName(kpi.id()))
                        .add(kpis.lookup().all(PeriodType.WEEK, start, kpi.id()).map(KpiValue::value).orElse(null));
            }
        }
        var chart = MultiTrendChart.create(m.get("satisfaction.trend_title"), labels, series, Unit.SCORE);
        // each KPI's target as a dashed line in its series' colour
        MultiTrendChart.addTargets(chart, List.of(kpis.target(Kpi.CSI.id()), kpis.target(Kpi.NPS.id())),
                m.get("chart.target"));
        charts.chartAt(TemplateNames.SATISFACTION_TREND, "satisfaction_trend.png", chart);
    }
}
