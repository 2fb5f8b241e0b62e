package com.logisticskpi.report.chart;

/**
 * A rendered chart.
 *
 * @param fileName  the PNG file name under {@code <out>/charts/} (built from fixed ids only, never from data)
 * @param png       the image
 * @param widthPx   logical width (the image is {@code scale} times larger)
 * @param heightPx  logical height
 */
public record ChartImage(String fileName, byte[] png, int widthPx, int heightPx) {
}
