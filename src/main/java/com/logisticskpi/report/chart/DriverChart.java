package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import com.logisticskpi.report.RagPalette;

/**
 * The diverging bar chart of the Drivers sheet: one horizontal bar per slice value, its contribution to the change
 * of a KPI in percentage points, from a zero line; bars that pushed the KPI the wrong way are red, the others green.
 * Bars are drawn in the given order (the sheet passes the most adverse first) and labelled with their value.
 */
public final class DriverChart {

    private DriverChart() {
    }

    /**
     * @param labels   one per bar, e.g. "carrier EMS" (unique)
     * @param points   the contributions in percentage points
     * @param adverse  -1 when falling is bad (higher is better), +1 when rising is bad
     */
    public static JFreeChart diverging(String title, List<String> labels, List<Double> points, int adverse) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            data.addValue(points.get(i), "pts", labels.get(i));
        }
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                double v = points.get(column);
                return (v * adverse > 0 ? RagPalette.RED : RagPalette.GREEN).chart();
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.08);
        r.setItemMargin(0);
        DecimalFormat f = new DecimalFormat("+0.00;-0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", f));
        r.setDefaultItemLabelFont(ChartFonts.font(Font.PLAIN, 10));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        CategoryAxis x = new CategoryAxis();
        x.setTickLabelFont(ChartFonts.font(Font.PLAIN, 10));
        x.setMaximumCategoryLabelWidthRatio(0.4f);
        x.setCategoryMargin(0.15);
        NumberAxis y = new NumberAxis("pts");
        y.setTickLabelFont(ChartFonts.font(Font.PLAIN, 10));
        y.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
        y.setNumberFormatOverride(new DecimalFormat("+0.0;-0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        double max = points.stream().mapToDouble(Math::abs).max().orElse(1);
        double span = max == 0 ? 1 : max * 1.35;
        y.setRange(-span, span);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        plot.setOutlineVisible(false);
        plot.addRangeMarker(new ValueMarker(0, ChartTheme.TARGET, new BasicStroke(1.2f)));
        JFreeChart chart = new JFreeChart(null, ChartFonts.font(Font.BOLD, 12), plot, false);
        chart.setTitle(new TextTitle(title, ChartFonts.font(Font.BOLD, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        return chart;
    }
}
