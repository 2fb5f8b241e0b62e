package com.logisticskpi.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the manager's workbook ({@code kpi.report.*}).
 *
 * @param exceptionsCap  at most this many exception orders are written to the Exceptions sheet (default 100000);
 *                       the sheet names how many were left out and where the full CSV is
 * @param template       an xlsx template to use instead of the built-in {@code reports-templates/kpi-report.xlsx}
 * @param chartScale     pixel scale of the chart images (default 2: print quality)
 * @param dispatchAllowanceHours an exception order's line whose first parcel left the warehouse more than this many
 *                       hours after the order was dispatched late (cause "late dispatch", default 24)
 * @param chartMinOrders a chart point computed from fewer orders (or responses) than this is drawn hollow grey and
 *                       left out of the axis range (default 30)
 */
@ConfigurationProperties("kpi.report")
public record ReportProperties(Integer exceptionsCap, Path template, Integer chartScale, Integer dispatchAllowanceHours,
                               Integer chartMinOrders) {

    public static final int DEFAULT_EXCEPTIONS_CAP = 100_000;

    @ConstructorBinding
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
        if (dispatchAllowanceHours == null) {
            dispatchAllowanceHours = 24;
        }
        if (dispatchAllowanceHours < 0) {
            throw new IllegalArgumentException("kpi.report.dispatch-allowance-hours must not be negative");
        }
        if (chartMinOrders == null) {
            chartMinOrders = 30;
        }
        if (chartMinOrders < 0) {
            throw new IllegalArgumentException("kpi.report.chart-min-orders must not be negative");
        }
    }

    public ReportProperties(Integer exceptionsCap, Path template, Integer chartScale) {
        this(exceptionsCap, template, chartScale, null, null);
    }

    public static ReportProperties defaults() {
        return new ReportProperties(null, null, null, null, null);
    }
}
