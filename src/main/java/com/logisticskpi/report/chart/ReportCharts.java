package com.logisticskpi.report.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Renders the report's charts as PNG at print scale, and carries the report's chart settings. The charts
 * themselves are built by one class per kind: {@link TrendChart}, {@link MultiTrendChart}, {@link RankedBarChart},
 * {@link HistogramChart}, {@link ControlChart}, {@link QuadrantChart}, {@link ParetoChart} and {@link DriverChart},
 * all with the look of {@link ChartTheme}, the status colours of {@link com.logisticskpi.report.RagPalette} and the
 * target line of {@link TargetLine}.
 */
public final class ReportCharts {

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
}
