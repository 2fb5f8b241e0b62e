package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import com.logisticskpi.report.RagPalette;

/** Pareto: counts as bars (largest first) with the cumulative share as a red line on a 0–100 % axis. */
public final class ParetoChart {

    private ParetoChart() {
    }

    public static JFreeChart create(String title, List<String> categories, List<Long> counts, String countLabel,
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
        br.setSeriesPaint(0, ChartTheme.NEUTRAL);
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
        lr.setSeriesPaint(0, RagPalette.RED.chart());
        lr.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return ChartTheme.apply(new JFreeChart(title, null, plot, true));
    }
}
