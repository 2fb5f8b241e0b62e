package com.logisticskpi.report.step;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.logisticskpi.kpi.PeriodType;

/**
 * What the report step needs of its job: the report date and the type of its period (which, with the template name,
 * picks the {@code ReportKind}), the run's fixed {@code as_of} and business zone, the language, the template name or
 * file, and the run's output directory.
 */
public record ReportStepInput(LocalDate date, PeriodType periodType, Instant asOf, ZoneId zone, Locale locale,
                              String template, Path outDir) {
}
