package com.logisticskpi.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the manager's workbook ({@code kpi.report.*}).
 *
 * @param exceptionsCap  at most this many exception orders are written to the Exceptions sheet (default 100000);
 *                       the sheet names how many were left out and where the full CSV is
 * @param template       an xlsx template to use instead of the built-in {@code reports-templates/kpi-report.xlsx}
 * @param chartScale     pixel scale of the chart images (default 2: print quality)
 */
@ConfigurationProperties("kpi.report")
public record ReportProperties(Integer exceptionsCap, Path template, Integer chartScale) {

    public static final int DEFAULT_EXCEPTIONS_CAP = 100_000;

    public ReportProperties {
        if (exceptionsCap == null) {
            exceptionsCap = DEFAULT_EXCEPTIONS_CAP;
        }
        if (exceptionsCap < 0) {
            throw new IllegalArgumentException("kpi.report.exceptions-cap must not be negative");
        }
        if (chartScale == null) {
            chartScale = 2;
        }
        if (chartScale < 1 || chartScale > 4) {
            throw new IllegalArgumentException("kpi.report.chart-scale must be 1..4");
        }
    }

    public static ReportProperties defaults() {
        return new ReportProperties(null, null, null);
    }
}
