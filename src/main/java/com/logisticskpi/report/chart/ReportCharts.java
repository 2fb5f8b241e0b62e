package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.logisticskpi.kpi.Rag;
import com.logisticskpi.report.KpiCatalog.Unit;

/** Builds the report's charts with JFreeChart and renders them as PNG at print scale. */
public final class ReportCharts {

    public static final Color LINE = new Color(0x1F, 0x4E, 0x79);
    public static final Color SECOND = new Color(0x9E, 0x48, 0x0E);
    public static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
    public static final Color AMBER = new Color(0xE6, 0x9A, 0x00);
    public static final Color RED = new Color(0xC0, 0x1C, 0x28);
    public static final Color TARGET = new Color(0x55, 0x55, 0x55);
    public static final Color NEUTRAL = new Color(0x5B, 0x7F, 0xA6);

    private final int scale;
    private final int minOrders;

    public ReportCharts(int scale) {
        this(scale, 30);
    }

    /** @param minOrders a point computed from fewer orders (or responses) is drawn hollow grey, out of the axis range */
    public ReportCharts(int scale, int minOrders) {
        this.scale = scale;
        this.minOrders = minOrders;
    }

    public int minOrders() {
        return minOrders;
    }

    /** Renders {@code chart} at {@code width × height} logical pixels, {@code scale} times larger on disk. */
    public ChartImage render(String fileName, JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, scale, scale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartImage(fileName, out.toByteArray(), width, height);
    }

    // ---- chart kinds ----------------------------------------------------------------------------------------

    /** A KPI over time: line, dashed target line, amber and red points marked. */
    public static JFreeChart trend(String title, List<String> labels, List<Double> values, List<Rag> rags,
                                   Double target, Unit unit, LegendText legend) {
        return trend(title, labels, values, rags, null, target, unit, legend, null);
    }

    /**
     * A KPI over time: line, dashed target line, amber and red points marked. Points flagged {@code thin} (computed
     * from fewer orders than the report's minimum) are not part of the line and not of the axis range: they are
     * drawn as hollow grey circles (a hollow grey triangle at the edge when they lie outside the range), so that a
     * one-order day at 0 % cannot flatten the trend of the others.
     */
    public static JFreeChart trend(String title, List<String> labels, List<Double> values, List<Rag> rags,
                                   List<Boolean> thin, Double target, Unit unit, LegendText legend, String thinLabel) {
        List<Boolean> small = thin == null ? java.util.Collections.nCopies(values.size(), false) : thin;
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
        XYSeriesCollection data = new XYSeriesCollection(s);
        NumberAxis x = indexAxis(labels);
        NumberAxis y = valueAxis(unit);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                Rag rag = item < rags.size() ? rags.get(item) : null;
                return values.get(item) != null && (rag == Rag.AMBER || rag == Rag.RED || labels.size() <= 14);
            }

            @Override
            public Paint getItemFillPaint(int series, int item) {
                Rag rag = item < rags.size() ? rags.get(item) : null;
                return rag == Rag.RED ? RED : rag == Rag.AMBER ? AMBER : LINE;
            }

            @Override
            public Shape getItemShape(int series, int item) {
                Rag rag = item < rags.size() ? rags.get(item) : null;
                double d = rag == Rag.RED || rag == Rag.AMBER ? 8 : 5;
                return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesPaint(0, LINE);
        r.setUseFillPaint(true);
        r.setUseOutlinePaint(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(legend.value(), null, null, null, new Rectangle2D.Double(-6, -1.5, 12, 3), LINE));
        if (target != null) {
            ValueMarker m = new ValueMarker(target, TARGET, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            plot.addRangeMarker(m);
            items.add(new LegendItem(legend.target(), null, null, null, new Rectangle2D.Double(-6, -1, 12, 2), TARGET));
            items.add(new LegendItem(legend.amber(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), AMBER));
            items.add(new LegendItem(legend.red(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), RED));
        }
        if (few.getItemCount() > 0) {
            plot.setDataset(1, new XYSeriesCollection(few));
            plot.setRenderer(1, thinRenderer(few, range));
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            items.add(new LegendItem(thinLabel == null ? "" : thinLabel, null, null, null, true,
                    new Ellipse2D.Double(-4, -4, 8, 8), false, Color.WHITE, true, THIN, new BasicStroke(1.5f), false,
                    new java.awt.geom.Line2D.Double(), new BasicStroke(1f), THIN));
        }
        if (range != null) {
            y.setRange(range[0], range[1]);
        }
        plot.setFixedLegendItems(items);
        JFreeChart chart = new JFreeChart(title, null, plot, true);
        return styled(chart);
    }

    /** Grey of the points drawn from too few orders. */
    public static final Color THIN = new Color(0x9E, 0x9E, 0x9E);

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
        r.setSeriesPaint(0, THIN);
        r.setSeriesShapesFilled(0, false);
        r.setUseOutlinePaint(true);
        r.setSeriesOutlinePaint(0, THIN);
        r.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        r.setDrawOutlines(true);
        return r;
    }

    private static Shape triangle(boolean up) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        double d = up ? -1 : 1;
        p.moveTo(0, 6 * d);
        p.lineTo(-5, 0);
        p.lineTo(5, 0);
        p.closePath();
        return p;
    }

    /** Several series over the same periods on one value axis (e.g. CSI and NPS). */
    public static JFreeChart multiTrend(String title, List<String> labels, Map<String, List<Double>> series, Unit unit) {
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
        Color[] colors = {LINE, SECOND, GREEN, NEUTRAL};
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, colors[i % colors.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis y = valueAxis(unit);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, indexAxis(labels), y, r);
        plot.addRangeMarker(new ValueMarker(0, TARGET, new BasicStroke(0.8f)));
        return styled(new JFreeChart(title, null, plot, true));
    }

    /**
     * Dashed target lines on a {@link #multiTrend} chart, the i-th in the colour of the i-th series (null targets
     * are skipped), labelled "<label> <value>".
     */
    public static void addTargets(JFreeChart chart, List<com.logisticskpi.kpi.KpiTarget> targets, String label) {
        XYPlot plot = chart.getXYPlot();
        Color[] colors = {LINE, SECOND, GREEN, NEUTRAL};
        for (int i = 0; i < targets.size(); i++) {
            var t = targets.get(i);
            if (t == null) {
                continue;
            }
            Color c = colors[i % colors.length];
            plot.addRangeMarker(labelled(t.target(), c, label + " " + format(Unit.SCORE).format(t.target()), true));
            // the axis takes in the target (an auto range covers the data only)
            var y = plot.getRangeAxis();
            double lo = Math.min(y.getLowerBound(), t.target() - 5);
            double hi = Math.max(y.getUpperBound(), t.target() + 5);
            y.setRange(lo, hi);
        }
    }

    /**
     * Horizontal bars, one per slice value in the given (worst-first) order, coloured by RAG (grey without a status,
     * e.g. from too few orders), target marked; the value axis starts at 0 (shares run to 100 %).
     */
    public static JFreeChart rankedBars(String title, List<String> categories, List<Double> values, List<Rag> rags,
                                        Double target, Unit unit, String targetLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values.get(i), "v", categories.get(i));
        }
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Rag rag = column < rags.size() ? rags.get(column) : null;
                return rag == null ? NEUTRAL : rag == Rag.GREEN ? GREEN : rag == Rag.AMBER ? AMBER : RED;
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.16);
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis y = valueAxis(unit);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double hi = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        if (target != null) {
            ValueMarker m = new ValueMarker(target, TARGET, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            m.setLabel(targetLabel);
            m.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            plot.addRangeMarker(m);
            hi = Math.max(hi, target);
        }
        double lo = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
        // bars start at 0 (a bar's length is its value); values are labelled, so small differences still read
        double low = Math.min(0, lo);
        boolean share = unit == Unit.SHARE;
        // shares: the whole 0-100 % scale, labels inside the bar ends; others: room for the labels beyond the bars
        y.setRange(low, share ? 1.0 + 1e-9 : hi + (hi - low) * 0.25 + 1e-9);
        JFreeChart chart = styled(new JFreeChart(title, null, plot, false));
        // value labels at the end of each bar (after the theme, which resets item label fonts)
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", format(unit)));
        r.setDefaultItemLabelFont(ChartFonts.font(Font.BOLD, 11));
        if (share) {
            r.setDefaultItemLabelPaint(Color.WHITE);
            r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                    org.jfree.chart.labels.ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
        } else {
            r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                    org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        }
        return chart;
    }

    /** A histogram from pre-counted bins. */
    public static JFreeChart histogram(String title, String xLabel, String yLabel, List<String> bins, List<Long> counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < bins.size(); i++) {
            data.addValue(counts.get(i), "n", bins.get(i));
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, NEUTRAL);
        r.setItemMargin(0);
        CategoryAxis x = new CategoryAxis(xLabel);
        x.setCategoryMargin(0.05);
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = new NumberAxis(yLabel);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        return styled(new JFreeChart(title, null, plot, false));
    }

    /** An XmR individuals chart: daily values, centre line, control limits, signal days in red. */
    public static JFreeChart controlChart(String title, List<String> labels, List<Double> values, List<Boolean> signal,
                                          double centre, double ucl, double lcl, ControlText text) {
        return controlChart(title, labels, values, signal, centre, ucl, lcl, text, -1, -1, null);
    }

    /**
     * The same with the baseline days (indexes {@code baselineFirst..baselineLast}, kpis.md section 4) shaded and
     * labelled, so that a reader sees which days set the limits.
     */
    public static JFreeChart controlChart(String title, List<String> labels, List<Double> values, List<Boolean> signal,
                                          double centre, double ucl, double lcl, ControlText text, int baselineFirst,
                                          int baselineLast, String baselineLabel) {
        JFreeChart chart = xmr(title, labels, values, signal, centre, ucl, lcl, text);
        if (baselineFirst >= 0 && baselineLast >= baselineFirst) {
            XYPlot plot = chart.getXYPlot();
            var band = new org.jfree.chart.plot.IntervalMarker(baselineFirst - 0.5, baselineLast + 0.5,
                    new Color(0xE3, 0xEC, 0xF5), new BasicStroke(0f), null, null, 1f);
            band.setLabel(baselineLabel);
            band.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
            band.setLabelPaint(LINE);
            band.setLabelAnchor(RectangleAnchor.BOTTOM);
            band.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addDomainMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
            LegendItemCollection items = plot.getFixedLegendItems();
            items.add(new LegendItem(baselineLabel, null, null, null, new Rectangle2D.Double(-6, -5, 12, 10),
                    new Color(0xE3, 0xEC, 0xF5)));
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
                return Boolean.TRUE.equals(signal.get(item)) ? RED : LINE;
            }

            @Override
            public Shape getItemShape(int series, int item) {
                double d = Boolean.TRUE.equals(signal.get(item)) ? 9 : 5;
                return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setSeriesPaint(0, LINE);
        r.setUseFillPaint(true);
        NumberAxis y = valueAxis(Unit.HOURS);
        y.setLabel(text.yAxis());
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), indexAxis(labels), y, r);
        plot.addRangeMarker(labelled(centre, GREEN, text.centre(), false));
        plot.addRangeMarker(labelled(ucl, RED, text.ucl(), true));
        plot.addRangeMarker(labelled(lcl, RED, text.lcl(), true));
        double lo = Math.min(lcl, values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(lcl));
        double hi = Math.max(ucl, values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(ucl));
        double pad = Math.max((hi - lo) * 0.08, 0.5);
        y.setRange(lo - pad, hi + pad);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(text.value(), null, null, null, new Rectangle2D.Double(-6, -1.5, 12, 3), LINE));
        items.add(new LegendItem(text.signal(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), RED));
        plot.setFixedLegendItems(items);
        return styled(new JFreeChart(title, null, plot, true));
    }

    private static ValueMarker labelled(double v, Color c, String label, boolean dashed) {
        ValueMarker m = new ValueMarker(v, c, dashed ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f) : new BasicStroke(1.2f));
        m.setLabel(label);
        m.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
        m.setLabelPaint(c);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        return m;
    }

    /**
     * The importance–performance grid: performance (dim_score) on x, importance on y, split at their means,
     * each quadrant labelled (top-left concentrate here, top-right keep up the good work, bottom-left low priority,
     * bottom-right possible overkill).
     */
    public static JFreeChart quadrant(String title, String xLabel, String yLabel, List<String> names, List<Double> x,
                                      List<Double> y, double xSplit, double ySplit, QuadrantText text) {
        XYSeries s = new XYSeries("dims", false, true);
        for (int i = 0; i < names.size(); i++) {
            s.add(x.get(i), y.get(i));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, LINE);
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
            plot.addDomainMarker(new ValueMarker(xSplit, TARGET, new BasicStroke(1f)));
            plot.addRangeMarker(new ValueMarker(ySplit, TARGET, new BasicStroke(1f)));
        }
        JFreeChart chart = styled(new JFreeChart(title, null, plot, false));
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
        plot.addAnnotation(corner(text.concentrate(), left, top, TextAnchor.TOP_LEFT, RED, qf));
        plot.addAnnotation(corner(text.keepUp(), right, top, TextAnchor.TOP_RIGHT, GREEN, qf));
        plot.addAnnotation(corner(text.lowPriority(), left, bottom, TextAnchor.BOTTOM_LEFT, TARGET, qf));
        plot.addAnnotation(corner(text.overkill(), right, bottom, TextAnchor.BOTTOM_RIGHT, AMBER, qf));
        return chart;
    }

    private static XYTextAnnotation corner(String label, double x, double y, TextAnchor anchor, Color c, Font f) {
        XYTextAnnotation a = new XYTextAnnotation(label, x, y);
        a.setTextAnchor(anchor);
        a.setPaint(c);
        a.setFont(f);
        return a;
    }

    /** Pareto: counts as bars (largest first) with the cumulative share as a line on a 0–100 % axis. */
    public static JFreeChart pareto(String title, List<String> categories, List<Long> counts, String countLabel,
                                    String cumulativeLabel) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset cum = new DefaultCategoryDataset();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long run = 0;
        for (int i = 0; i < categories.size(); i++) {
            bars.addValue(counts.get(i), countLabel, categories.get(i));
            run += counts.get(i);
            cum.addValue(total == 0 ? 0 : (double) run / total, cumulativeLabel, categories.get(i));
        }
        BarRenderer br = new BarRenderer();
        br.setBarPainter(new StandardBarPainter());
        br.setShadowVisible(false);
        br.setSeriesPaint(0, NEUTRAL);
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(categories.size() > 5 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis(countLabel);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(bars, x, y, br);
        NumberAxis y2 = new NumberAxis(cumulativeLabel);
        y2.setRange(0, 1.05);
        y2.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        y2.setTickUnit(new NumberTickUnit(0.2, NumberFormat.getPercentInstance(Locale.ROOT)));
        plot.setRangeAxis(1, y2);
        plot.setDataset(1, cum);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer lr = new LineAndShapeRenderer(true, true);
        lr.setSeriesPaint(0, RED);
        lr.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return styled(new JFreeChart(title, null, plot, true));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static NumberAxis indexAxis(List<String> labels) {
        NumberAxis x = new NumberAxis();
        x.setNumberFormatOverride(new IndexLabels(labels));
        int n = Math.max(1, labels.size());
        int step = n <= 8 ? 1 : n <= 16 ? 2 : n <= 31 ? 4 : 7;
        x.setTickUnit(new NumberTickUnit(step, new IndexLabels(labels)));
        x.setRange(-0.5, n - 0.5);
        x.setVerticalTickLabels(n > 31);
        return x;
    }

    private static NumberAxis valueAxis(Unit unit) {
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(false);
        y.setNumberFormatOverride(format(unit));
        return y;
    }

    static NumberFormat format(Unit unit) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return switch (unit) {
            case SHARE -> new DecimalFormat("0.0%", sym);
            case HOURS, SCORE -> new DecimalFormat("0.0", sym);
            case RATIO -> new DecimalFormat("0.00", sym);
            case COUNT -> new DecimalFormat("#,##0", sym);
        };
    }

    private static JFreeChart styled(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(ChartFonts.font(Font.BOLD, 15));
        theme.setLargeFont(ChartFonts.font(Font.BOLD, 12));
        theme.setRegularFont(ChartFonts.font(Font.PLAIN, 11));
        theme.setSmallFont(ChartFonts.font(Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        theme.setRangeGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        // the theme clears series paints of auto-populating renderers: keep the renderers' own paints, strokes, shapes
        var plot = chart.getPlot();
        List<Runnable> restore = new java.util.ArrayList<>();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRendererCount(); i++) {
                snapshot(xy.getRenderer(i), restore);
            }
        } else if (plot instanceof CategoryPlot cp) {
            for (int i = 0; i < cp.getRendererCount(); i++) {
                snapshot(cp.getRenderer(i), restore);
            }
        }
        theme.apply(chart);
        restore.forEach(Runnable::run);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinesVisible(false);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        return chart;
    }

    private static void snapshot(Object renderer, List<Runnable> restore) {
        if (!(renderer instanceof org.jfree.chart.renderer.AbstractRenderer r)) {
            return;
        }
        for (int i = 0; i < 8; i++) {
            int series = i;
            Paint p = r.getSeriesPaint(i);
            java.awt.Stroke st = r.getSeriesStroke(i);
            Shape sh = r.getSeriesShape(i);
            restore.add(() -> {
                if (p != null) {
                    r.setSeriesPaint(series, p, false);
                }
                if (st != null) {
                    r.setSeriesStroke(series, st, false);
                }
                if (sh != null) {
                    r.setSeriesShape(series, sh, false);
                }
            });
        }
    }

    /** Legend labels of a trend chart. */
    public record LegendText(String value, String target, String amber, String red) {
    }

    /** Labels of the control chart. */
    public record ControlText(String value, String yAxis, String centre, String ucl, String lcl, String signal) {
    }

    /** The four quadrant labels of the importance–performance grid. */
    public record QuadrantText(String concentrate, String keepUp, String lowPriority, String overkill) {
    }
}
