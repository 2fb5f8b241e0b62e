package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.logisticskpi.report.RagPalette;

/**
 * The importance–performance grid: performance (dim_score) on x, importance on y, split at their means, each
 * quadrant labelled (top-left concentrate here, top-right keep up the good work, bottom-left low priority,
 * bottom-right possible overkill).
 */
public final class QuadrantChart {

    private QuadrantChart() {
    }

    public static JFreeChart create(String title, String xLabel, String yLabel, List<String> names, List<Double> x,
                                    List<Double> y, double xSplit, double ySplit, QuadrantText text) {
        XYSeries s = new XYSeries("dims", false, true);
        for (int i = 0; i < names.size(); i++) {
            s.add(x.get(i), y.get(i));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, ChartTheme.LINE);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        NumberAxis xa = new NumberAxis(xLabel);
        NumberAxis ya = new NumberAxis(yLabel);
        double xlo = Math.min(xSplit, x.stream().mapToDouble(Double::doubleValue).min().orElse(xSplit));
        double xhi = Math.max(xSplit, x.stream().mapToDouble(Double::doubleValue).max().orElse(xSplit));
        double ylo = Math.min(ySplit, y.stream().mapToDouble(Double::doubleValue).min().orElse(ySplit));
        double yhi = Math.max(ySplit, y.stream().mapToDouble(Double::doubleValue).max().orElse(ySplit));
        double xp = Math.max((xhi - xlo) * 0.35, 2);
        double yp = Math.max((yhi - ylo) * 0.35, 0.05);
        if (names.isEmpty()) { // nothing to place: the whole scale, no split lines
            xlo = 0;
            xhi = 100;
            ylo = 0;
            yhi = 1;
            xp = 0;
            yp = 0.05;
        }
        xa.setRange(xlo - xp, xhi + xp);
        ya.setRange(ylo - yp, yhi + yp);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), xa, ya, r);
        if (!names.isEmpty()) {
            plot.addDomainMarker(new ValueMarker(xSplit, ChartTheme.TARGET, new BasicStroke(1f)));
            plot.addRangeMarker(new ValueMarker(ySplit, ChartTheme.TARGET, new BasicStroke(1f)));
        }
        JFreeChart chart = ChartTheme.apply(new JFreeChart(title, null, plot, false));
        // annotations after the theme, which would reset their fonts and colours
        Font pointFont = ChartFonts.font(Font.PLAIN, 12);
        for (int i = 0; i < names.size(); i++) {
            XYTextAnnotation a = new XYTextAnnotation(names.get(i), x.get(i), y.get(i));
            a.setFont(pointFont);
            // a point close to an earlier one gets its label below, so that the two names do not overlap
            boolean crowded = false;
            for (int j = 0; j < i; j++) {
                crowded |= Math.abs(x.get(i) - x.get(j)) < (xhi - xlo + 2 * xp) * 0.08
                        && Math.abs(y.get(i) - y.get(j)) < (yhi - ylo + 2 * yp) * 0.08;
            }
            a.setTextAnchor(crowded ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER);
            a.setY(crowded ? y.get(i) - yp * 0.12 : y.get(i) + yp * 0.12);
            plot.addAnnotation(a);
        }
        Font qf = ChartFonts.font(Font.BOLD, 13);
        double left = names.isEmpty() ? 1 : xlo - xp * 0.95;
        double right = names.isEmpty() ? 99 : xhi + xp * 0.95;
        double top = yhi + yp * 0.9;
        double bottom = ylo - yp * 0.9;
        plot.addAnnotation(corner(text.concentrate(), left, top, TextAnchor.TOP_LEFT, RagPalette.RED.chart(), qf));
        plot.addAnnotation(corner(text.keepUp(), right, top, TextAnchor.TOP_RIGHT, RagPalette.GREEN.chart(), qf));
        plot.addAnnotation(corner(text.lowPriority(), left, bottom, TextAnchor.BOTTOM_LEFT, ChartTheme.TARGET, qf));
        plot.addAnnotation(corner(text.overkill(), right, bottom, TextAnchor.BOTTOM_RIGHT, RagPalette.AMBER.chart(), qf));
        return chart;
    }

    private static XYTextAnnotation corner(String label, double x, double y, TextAnchor anchor, Color c, Font f) {
        XYTextAnnotation a = new XYTextAnnotation(label, x, y);
        a.setTextAnchor(anchor);
        a.setPaint(c);
        a.setFont(f);
        return a;
    }

    /** The four quadrant labels of the importance–performance grid. */
    public record QuadrantText(String concentrate, String keepUp, String lowPriority, String overkill) {
    }
}
