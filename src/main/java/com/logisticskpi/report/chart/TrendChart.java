package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.RagPalette;

/** A KPI over time: line, dashed target line, amber and red points marked, points from too few orders hollow grey. */
public final class TrendChart {

    private TrendChart() {
    }

    /** A KPI over time without thin points. */
    public static JFreeChart create(String title, List<String> labels, List<Double> values, List<Rag> rags,
                                    Double target, Unit unit, LegendText legend) {
        return create(title, labels, values, rags, null, target, unit, legend, null);
    }

    /**
     * A KPI over time: line, dashed target line, amber and red points marked. Points flagged {@code thin} (computed
     * from fewer orders than the report's minimum) are not part of the line and not of the axis range: they are
     * drawn as hollow grey circles (a hollow grey triangle at the edge when they lie outside the range), so that a
     * one-order day at 0 % cannot flatten the trend of the others.
     */
    public static JFreeChart create(String title, List<String> labels, List<Double> values, List<Rag> rags,
                                    List<Boolean> thin, Double target, Unit unit, LegendText legend, String thinLabel) {
        List<Boolean> small = thin == null ? Collections.nCopies(values.size(), false) : thin;
        XYSeries s = new XYSeries(title, false, true);
        XYSeries few = new XYSeries("thin", false, true);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null && !Boolean.TRUE.equals(small.get(i))) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (target != null && lo <= hi) {
            lo = Math.min(lo, target);
            hi = Math.max(hi, target);
        }
        double[] range = AxisRange.of(lo, hi, unit);
        boolean anyValue = values.stream().anyMatch(v -> v != null);
        if (anyValue) { // all gaps: an empty series, so the no-data message shows
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                boolean isThin = v != null && Boolean.TRUE.equals(small.get(i));
                s.add(i, isThin ? null : v);
                if (isThin) {
                    few.add(i, range == null ? v : Math.max(range[0], Math.min(range[1], v)));
                }
            }
        }
        NumberAxis y = ChartAxes.values(unit);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), ChartAxes.periods(labels), y, lineRenderer(labels, values, rags));
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(legend.value(), null, null, null, new Rectangle2D.Double(-6, -1.5, 12, 3), ChartTheme.LINE));
        if (target != null) {
            plot.addRangeMarker(TargetLine.unlabelled(target));
            items.add(new LegendItem(legend.target(), null, null, null, new Rectangle2D.Double(-6, -1, 12, 2), ChartTheme.TARGET));
            items.add(new LegendItem(legend.amber(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), RagPalette.AMBER.chart()));
            items.add(new LegendItem(legend.red(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), RagPalette.RED.chart()));
        }
        if (few.getItemCount() > 0) {
            plot.setDataset(1, new XYSeriesCollection(few));
            plot.setRenderer(1, thinRenderer(few, range));
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            items.add(new LegendItem(thinLabel == null ? "" : thinLabel, null, null, null, true,
                    new Ellipse2D.Double(-4, -4, 8, 8), false, Color.WHITE, true, ChartTheme.THIN, new BasicStroke(1.5f),
                    false, new Line2D.Double(), new BasicStroke(1f), ChartTheme.THIN));
        }
        if (range != null) {
            y.setRange(range[0], range[1]);
        }
        plot.setFixedLegendItems(items);
        return ChartTheme.apply(new JFreeChart(title, null, plot, true));
    }

    /** The KPI's line; amber and red points larger and in their colour, every point shown on short histories. */
    private static XYLineAndShapeRenderer lineRenderer(List<String> labels, List<Double> values, List<Rag> rags) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                Rag rag = item < rags.size() ? rags.get(item) : null;
                return values.get(item) != null && (rag == Rag.AMBER || rag == Rag.RED || labels.size() <= 14);
            }

            @Override
            public Paint getItemFillPaint(int series, int item) {
                Rag rag = item < rags.size() ? rags.get(item) : null;
                return rag == Rag.RED || rag == Rag.AMBER ? RagPalette.of(rag).chart() : ChartTheme.LINE;
            }

            @Override
            public Shape getItemShape(int series, int item) {
                Rag rag = item < rags.size() ? rags.get(item) : null;
                double d = rag == Rag.RED || rag == Rag.AMBER ? 8 : 5;
                return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesPaint(0, ChartTheme.LINE);
        r.setUseFillPaint(true);
        r.setUseOutlinePaint(false);
        return r;
    }

    /** Hollow grey circles; a hollow triangle pointing out of the chart for a point clamped to the axis edge. */
    private static XYLineAndShapeRenderer thinRenderer(XYSeries few, double[] range) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Shape getItemShape(int series, int item) {
                double v = few.getY(item).doubleValue();
                if (range != null && v >= range[1]) {
                    return triangle(true);
                }
                if (range != null && v <= range[0]) {
                    return triangle(false);
                }
                return new Ellipse2D.Double(-4, -4, 8, 8);
            }
        };
        r.setSeriesPaint(0, ChartTheme.THIN);
        r.setSeriesShapesFilled(0, false);
        r.setUseOutlinePaint(true);
        r.setSeriesOutlinePaint(0, ChartTheme.THIN);
        r.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        r.setDrawOutlines(true);
        return r;
    }

    private static Shape triangle(boolean up) {
        Path2D.Double p = new Path2D.Double();
        double d = up ? -1 : 1;
        p.moveTo(0, 6 * d);
        p.lineTo(-5, 0);
        p.lineTo(5, 0);
        p.closePath();
        return p;
    }

    /** Legend labels of a trend chart. */
    public record LegendText(String value, String target, String amber, String red) {

        /** The bundle's legend labels (value, target, amber, red). */
        public static LegendText of(Messages m) {
            return new LegendText(m.get("chart.value"), m.get("chart.target"), m.get("chart.amber"), m.get("chart.red"));
        }
    }
}
