package com.logisticskpi.report.chart;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** A histogram from pre-counted bins: touching bars, bin labels at 45°, whole numbers on the count axis. */
public final class HistogramChart {

    private HistogramChart() {
    }

    public static JFreeChart create(String title, String xLabel, String yLabel, List<String> bins, List<Long> counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < bins.size(); i++) {
            data.addValue(counts.get(i), "n", bins.get(i));
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ChartTheme.NEUTRAL);
        r.setItemMargin(0);
        CategoryAxis x = new CategoryAxis(xLabel);
        x.setCategoryMargin(0.05);
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = new NumberAxis(yLabel);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        return ChartTheme.apply(new JFreeChart(title, null, plot, false));
    }
}
