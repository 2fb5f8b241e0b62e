package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.catalog.Unit;

/** Several KPIs over the same periods on one value axis (e.g. CSI and NPS), each with its own target line. */
public final class MultiTrendChart {

    private MultiTrendChart() {
    }

    /** One line per series, a thin zero line; points marked up to 30 periods. */
    public static JFreeChart create(String title, List<String> labels, Map<String, List<Double>> series, Unit unit) {
        XYSeriesCollection data = new XYSeriesCollection();
        boolean any = series.values().stream().flatMap(List::stream).anyMatch(v -> v != null);
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            if (!any) {
                data.addSeries(s);
                continue;
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                s.add(i, e.getValue().get(i));
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, labels.size() <= 30);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, ChartTheme.series(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis y = ChartAxes.values(unit);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, ChartAxes.periods(labels), y, r);
        plot.addRangeMarker(new ValueMarker(0, ChartTheme.TARGET, new BasicStroke(0.8f)));
        return ChartTheme.apply(new JFreeChart(title, null, plot, true));
    }

    /**
     * Dashed target lines on a {@link #create} chart, the i-th in the colour of the i-th series (null targets are
     * skipped), labelled "<label> <value>"; the value axis is widened to take them in.
     */
    public static void addTargets(JFreeChart chart, List<KpiTarget> targets, String label) {
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < targets.size(); i++) {
            KpiTarget t = targets.get(i);
            if (t == null) {
                continue;
            }
            Color c = ChartTheme.series(i);
            plot.addRangeMarker(TargetLine.labelled(t.target(), c, label + " " + ChartAxes.format(Unit.SCORE).format(t.target()), true));
            // the axis takes in the target (an auto range covers the data only)
            ValueAxis y = plot.getRangeAxis();
            double lo = Math.min(y.getLowerBound(), t.target() - 5);
            double hi = Math.max(y.getUpperBound(), t.target() + 5);
            y.setRange(lo, hi);
        }
    }
}
