package com.logisticskpi.report;

import java.nio.file.Path;
import java.util.List;

import com.logisticskpi.report.workbook.ReportWriter;

/**
 * What {@link ReportWriter#write} produced.
 *
 * @param workbook the workbook, {@code <out>/kpi-report_<date>.xlsx}
 * @param charts   every chart as a PNG file, {@code <out>/charts/*.png}, in workbook order (for inlining in the mail)
 */
public record ReportFiles(Path workbook, List<Path> charts) {
    public ReportFiles {
        charts = List.copyOf(charts);
    }
}
