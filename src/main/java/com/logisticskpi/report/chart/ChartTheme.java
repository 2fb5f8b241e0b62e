package com.logisticskpi.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;

import com.logisticskpi.report.RagPalette;

/**
 * The look of every report chart: the colours that are not a status ({@link RagPalette} has those), the fonts
 * ({@link ChartFonts}), white backgrounds, light grid lines, flat bars and the padding.
 */
public final class ChartTheme {

    /** The KPI's own line and points. */
    public static final Color LINE = new Color(0x1F, 0x4E, 0x79);
    /** A second series beside {@link #LINE}. */
    public static final Color SECOND = new Color(0x9E, 0x48, 0x0E);
    /** Target lines, zero lines, quadrant splits. */
    public static final Color TARGET = new Color(0x55, 0x55, 0x55);
    /** Bars without a status (counts; a slice value from too few orders). */
    public static final Color NEUTRAL = new Color(0x5B, 0x7F, 0xA6);
    /** Points drawn from too few orders. */
    public static final Color THIN = new Color(0x9E, 0x9E, 0x9E);
    /** The shaded baseline days of the control chart. */
    public static final Color BASELINE = new Color(0xE3, 0xEC, 0xF5);
    /** Background of line labels, so that a label stays readable over the data. */
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
    /** Series colours, in order, of a chart with several lines. */
    static final List<Color> SERIES = List.of(LINE, SECOND, RagPalette.GREEN.chart(), NEUTRAL);

    private ChartTheme() {
    }

    /** The colour of the i-th series of a chart with several lines. */
    static Color series(int i) {
        return SERIES.get(i % SERIES.size());
    }

    /** Applies the report's theme to {@code chart}, keeping the paints, strokes and shapes its renderers set. */
    static JFreeChart apply(JFreeChart chart) {
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
        List<Runnable> restore = new ArrayList<>();
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
        if (!(renderer instanceof AbstractRenderer r)) {
            return;
        }
        for (int i = 0; i < 8; i++) {
            int series = i;
            Paint p = r.getSeriesPaint(i);
            Stroke st = r.getSeriesStroke(i);
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
}
