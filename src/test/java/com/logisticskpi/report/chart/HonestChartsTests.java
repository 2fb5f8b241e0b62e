package com.logisticskpi.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Unit;

/** The charts do not mislead: bars from 0, thin points off the scale, minimum spans, the control chart's baseline. */
class HonestChartsTests {

    static final TrendChart.LegendText LEGEND = new TrendChart.LegendText("value", "target", "amber", "red");

    @Test
    void barsOfSharesRunFromZeroToAHundredPercent() {
        // 65 %..78 %: an axis starting near 65 % would make 78 % look twice as long
        JFreeChart c = RankedBarChart.create("t", List.of("A", "B", "C"), List.of(0.65, 0.72, 0.78),
                List.of(Rag.RED, Rag.RED, Rag.AMBER), 0.90, Unit.SHARE, "target");
        var y = c.getCategoryPlot().getRangeAxis();
        assertThat(y.getLowerBound()).isEqualTo(0.0);
        assertThat(y.getUpperBound()).isCloseTo(1.0, within(1e-6));
        // hours: from 0 as well
        JFreeChart h = RankedBarChart.create("t", List.of("A", "B"), List.of(90.0, 98.0), java.util.Arrays.asList(null, null), null,
                Unit.HOURS, "target");
        assertThat(h.getCategoryPlot().getRangeAxis().getLowerBound()).isEqualTo(0.0);
    }

    @Test
    void aPointFromTooFewOrdersIsNotOnTheLineNorOnTheScale() {
        // days 1..5 at 96-99 %, day 3 a one-order day at 0 %: flagged thin
        List<Double> v = List.of(0.97, 0.98, 0.0, 0.96, 0.99);
        List<Boolean> thin = List.of(false, false, true, false, false);
        JFreeChart c = TrendChart.create("t", List.of("1", "2", "3", "4", "5"), v, Collections.nCopies(5, null), thin,
                0.95, Unit.SHARE, LEGEND, "fewer than 30 orders");
        XYPlot p = c.getXYPlot();
        // range from the four real points and the target: lo 0.95, hi 0.99, pad max(12 % of 0.04, 1 % of 0.99) ->
        // 0.9401..0.9999, narrower than 10 points, so 10 points centred on 0.97: 0.92..1.02, shifted under 100 %:
        // 0.90..1.00 (the 0 % day would otherwise have stretched it to 0..100 %)
        assertThat(p.getRangeAxis().getLowerBound()).isCloseTo(0.90, within(1e-6));
        assertThat(p.getRangeAxis().getUpperBound()).isCloseTo(1.0, within(1e-6));
        // the line has a gap at day 3; the thin point is drawn by the second dataset, clamped to the bottom edge
        assertThat(p.getDataset(0).getYValue(0, 2)).isNaN();
        assertThat(p.getDataset(1).getItemCount(0)).isEqualTo(1);
        assertThat(p.getDataset(1).getXValue(0, 0)).isEqualTo(2.0);
        assertThat(p.getDataset(1).getYValue(0, 0)).isCloseTo(0.90, within(1e-6));
        assertThat(p.getFixedLegendItems().getItemCount()).isEqualTo(5); // value, target, amber, red, thin
    }

    @Test
    void aSmallChangeDoesNotFillTheHeight() {
        // CSAT months 77.00 % and 77.04 %: the axis spans at least 10 points, not 77.0-78.4
        double[] r = AxisRange.of(0.7700, 0.7704, Unit.SHARE);
        assertThat(r[1] - r[0]).isCloseTo(0.10, within(1e-6));
        assertThat(r[0]).isCloseTo(0.7202, within(1e-6));
        // a wide spread keeps its own range with 12 % margins: 0.50..0.90 -> 0.452..0.948
        double[] w = AxisRange.of(0.50, 0.90, Unit.SHARE);
        assertThat(w[0]).isCloseTo(0.452, within(1e-9));
        assertThat(w[1]).isCloseTo(0.948, within(1e-6));
        // scores: at least 10 points
        double[] s = AxisRange.of(80.1, 80.3, Unit.SCORE);
        assertThat(s[1] - s[0]).isCloseTo(10, within(1e-6));
    }

    @Test
    void theControlChartShadesItsBaseline() {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Boolean> signal = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            labels.add("d" + i);
            values.add(10.0 + (i % 2));
            signal.add(i == 3);
        }
        var text = new ControlChart.ControlText("v", "h", "c", "u", "l", "s");
        JFreeChart c = ControlChart.create("t", labels, values, signal, 10.5, 13, 8, text, 0, 19, "baseline");
        var markers = c.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        assertThat(markers).hasSize(1);
        IntervalMarker band = (IntervalMarker) markers.iterator().next();
        assertThat(band.getStartValue()).isEqualTo(-0.5);
        assertThat(band.getEndValue()).isEqualTo(19.5);
        assertThat(band.getLabel()).isEqualTo("baseline");
    }

    @Test
    void theCsiAndNpsTrendShowsBothTargets() {
        var series = new java.util.LinkedHashMap<String, List<Double>>();
        series.put("CSI", List.of(85.0, 86.0, 88.0));
        series.put("NPS", List.of(55.0, 58.0, 60.0));
        JFreeChart c = MultiTrendChart.create("t", List.of("W1", "W2", "W3"), series, Unit.SCORE);
        var up = com.logisticskpi.kpi.KpiTarget.Direction.HIGHER_IS_BETTER;
        MultiTrendChart.addTargets(c, List.of(new com.logisticskpi.kpi.KpiTarget("csi", 80, up, 5),
                new com.logisticskpi.kpi.KpiTarget("nps", 30, up, 10)), "Target");
        var markers = c.getXYPlot().getRangeMarkers(Layer.FOREGROUND);
        assertThat(markers).extracting(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue()).contains(80.0, 30.0);
        // the NPS target 30 lies below the data (55-88): the axis reaches down to 30 - 5
        assertThat(c.getXYPlot().getRangeAxis().getLowerBound()).isLessThanOrEqualTo(25.0);
    }

    @Test
    void aKpiWithATargetGetsTheDashedTargetLineAndOneWithoutGetsNone() {
        List<String> days = List.of("1", "2", "3");
        List<Double> v = List.of(0.5, 0.45, 0.55);
        List<Rag> rags = List.of(Rag.GREEN, Rag.GREEN, Rag.AMBER);
        // cycle_cv has a target (0.5, lower is better): one dashed grey line at 0.5 on its trend
        JFreeChart cv = TrendChart.create("t", days, v, rags, 0.5, Unit.RATIO, LEGEND);
        var markers = cv.getXYPlot().getRangeMarkers(Layer.FOREGROUND);
        assertThat(markers).hasSize(1);
        var line = (org.jfree.chart.plot.ValueMarker) markers.iterator().next();
        assertThat(line.getValue()).isEqualTo(0.5);
        assertThat(line.getPaint()).isEqualTo(ChartTheme.TARGET);
        assertThat(((java.awt.BasicStroke) line.getStroke()).getDashArray()).containsExactly(6f, 4f);
        // cycle_hours_p90 has none: no line, and the legend names only the value
        JFreeChart p90 = TrendChart.create("t", days, List.of(40.0, 44.0, 41.0), Collections.nCopies(3, null), null,
                Unit.HOURS, LEGEND);
        assertThat(p90.getXYPlot().getRangeMarkers(Layer.FOREGROUND)).isNull();
        assertThat(p90.getXYPlot().getFixedLegendItems().getItemCount()).isEqualTo(1);
        // bars: the same dashed line, labelled
        JFreeChart bars = RankedBarChart.create("t", List.of("A", "B"), List.of(0.8, 0.95), List.of(Rag.RED, Rag.GREEN),
                0.90, Unit.SHARE, "Target 90%");
        var bar = (org.jfree.chart.plot.ValueMarker) bars.getCategoryPlot().getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertThat(bar.getValue()).isEqualTo(0.90);
        assertThat(bar.getLabel()).isEqualTo("Target 90%");
        assertThat(((java.awt.BasicStroke) bar.getStroke()).getDashArray()).containsExactly(6f, 4f);
    }

    @Test
    void barsAndPointsTakeTheirColourFromTheOnePalette() {
        JFreeChart bars = RankedBarChart.create("t", List.of("A", "B", "C", "D"), List.of(0.8, 0.88, 0.95, 0.5),
                java.util.Arrays.asList(Rag.RED, Rag.AMBER, Rag.GREEN, null), 0.90, Unit.SHARE, "target");
        var r = bars.getCategoryPlot().getRenderer();
        assertThat(r.getItemPaint(0, 0)).isEqualTo(new java.awt.Color(0xC0, 0x1C, 0x28));
        assertThat(r.getItemPaint(0, 1)).isEqualTo(com.logisticskpi.report.RagPalette.AMBER.chart());
        assertThat(r.getItemPaint(0, 2)).isEqualTo(com.logisticskpi.report.RagPalette.GREEN.chart());
        assertThat(r.getItemPaint(0, 3)).isEqualTo(ChartTheme.NEUTRAL);
        // the cells' status styles are built from the same palette entries (Excel's good / neutral / bad)
        assertThat(com.logisticskpi.report.RagPalette.styleKey(Rag.RED)).isEqualTo("rag_red");
        assertThat(com.logisticskpi.report.RagPalette.RED.cellFill()).isEqualTo("FFC7CE");
        assertThat(com.logisticskpi.report.RagPalette.styleKey(null)).isEqualTo("rag_none");
    }
}
