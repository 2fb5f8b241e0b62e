package com.logisticskpi.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.RagPalette;

/**
 * Horizontal bars, one per slice value in the given (worst-first) order, coloured by RAG (neutral without a status,
 * e.g. from too few orders), target line across; the value axis starts at 0 (shares run to 100 %).
 */
public final class RankedBarChart {

    private RankedBarChart() {
    }

    public static JFreeChart create(String title, List<String> categories, List<Double> values, List<Rag> rags,
                                    Double target, Unit unit, String targetLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values.get(i), "v", categories.get(i));
        }
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return RagPalette.chartColour(column < rags.size() ? rags.get(column) : null, ChartTheme.NEUTRAL);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.16);
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis y = ChartAxes.values(unit);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double hi = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        if (target != null) {
            plot.addRangeMarker(TargetLine.acrossBars(target, targetLabel));
            hi = Math.max(hi, target);
        }
        double lo = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
        // bars start at 0 (a bar's length is its value); values are labelled, so small differences still read
        double low = Math.min(0, lo);
        boolean share = unit == Unit.SHARE;
        // shares: the whole 0-100 % scale, labels inside the bar ends; others: room for the labels beyond the bars
        y.setRange(low, share ? 1.0 + 1e-9 : hi + (hi - low) * 0.25 + 1e-9);
        JFreeChart chart = ChartTheme.apply(new JFreeChart(title, null, plot, false));
        // value labels at the end of each bar (after the theme, which resets item label fonts)
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartAxes.format(unit)));
        r.setDefaultItemLabelFont(ChartFonts.font(Font.BOLD, 11));
        if (share) {
            r.setDefaultItemLabelPaint(Color.WHITE);
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
        } else {
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        }
        return chart;
    }
}
