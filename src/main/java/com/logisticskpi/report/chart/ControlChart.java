package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.RagPalette;

/**
 * The XmR individuals chart of daily mean cycle hours: the daily values, the centre line (solid green), the control
 * limits (dashed red), signal days as large red points, and the baseline days that set the limits shaded.
 */
public final class ControlChart {

    private ControlChart() {
    }

    /** Without a shaded baseline. */
    public static JFreeChart create(String title, List<String> labels, List<Double> values, List<Boolean> signal,
                                    double centre, double ucl, double lcl, ControlText text) {
        return create(title, labels, values, signal, centre, ucl, lcl, text, -1, -1, null);
    }

    /**
     * With the baseline days (indexes {@code baselineFirst..baselineLast}, kpis.md section 4) shaded and labelled,
     * so that a reader sees which days set the limits.
     */
    public static JFreeChart create(String title, List<String> labels, List<Double> values, List<Boolean> signal,
                                    double centre, double ucl, double lcl, ControlText text, int baselineFirst,
                                    int baselineLast, String baselineLabel) {
        JFreeChart chart = xmr(title, labels, values, signal, centre, ucl, lcl, text);
        if (baselineFirst >= 0 && baselineLast >= baselineFirst) {
            XYPlot plot = chart.getXYPlot();
            var band = new IntervalMarker(baselineFirst - 0.5, baselineLast + 0.5,
                    ChartTheme.BASELINE, new BasicStroke(0f), null, null, 1f);
            band.setLabel(baselineLabel);
            band.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
            band.setLabelPaint(ChartTheme.LINE);
            band.setLabelAnchor(RectangleAnchor.BOTTOM);
            band.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addDomainMarker(band, Layer.BACKGROUND);
            LegendItemCollection items = plot.getFixedLegendItems();
            items.add(new LegendItem(baselineLabel, null, null, null, new Rectangle2D.Double(-6, -5, 12, 10),
                    ChartTheme.BASELINE));
            plot.setFixedLegendItems(items);
        }
        return chart;
    }

    private static JFreeChart xmr(String title, List<String> labels, List<Double> values, List<Boolean> signal,
                                  double centre, double ucl, double lcl, ControlText text) {
        XYSeries s = new XYSeries(text.value(), false, true);
        for (int i = 0; i < values.size(); i++) {
            s.add(i, values.get(i));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return Boolean.TRUE.equals(signal.get(item)) ? RagPalette.RED.chart() : ChartTheme.LINE;
            }

            @Override
            public Shape getItemShape(int series, int item) {
                double d = Boolean.TRUE.equals(signal.get(item)) ? 9 : 5;
                return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setSeriesPaint(0, ChartTheme.LINE);
        r.setUseFillPaint(true);
        NumberAxis y = ChartAxes.values(Unit.HOURS);
        y.setLabel(text.yAxis());
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), ChartAxes.periods(labels), y, r);
        plot.addRangeMarker(TargetLine.labelled(centre, RagPalette.GREEN.chart(), text.centre(), false));
        plot.addRangeMarker(TargetLine.labelled(ucl, RagPalette.RED.chart(), text.ucl(), true));
        plot.addRangeMarker(TargetLine.labelled(lcl, RagPalette.RED.chart(), text.lcl(), true));
        double lo = Math.min(lcl, values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(lcl));
        double hi = Math.max(ucl, values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(ucl));
        double pad = Math.max((hi - lo) * 0.08, 0.5);
        y.setRange(lo - pad, hi + pad);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(text.value(), null, null, null, new Rectangle2D.Double(-6, -1.5, 12, 3), ChartTheme.LINE));
        items.add(new LegendItem(text.signal(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), RagPalette.RED.chart()));
        plot.setFixedLegendItems(items);
        return ChartTheme.apply(new JFreeChart(title, null, plot, true));
    }

    /** Labels of the control chart. */
    public record ControlText(String value, String yAxis, String centre, String ucl, String lcl, String signal) {
    }
}
