package com.logisticskpi.kpi.restate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A KPI run whose figures went out in a report: the run of a scheduled report job ({@code ./kpi run}) whose report
 * step completed (see {@link ReportingRuns} for the exact rule).
 *
 * @param runId          kpi_run.run_id
 * @param jobExecutionId the Spring Batch execution that prepared the run (the id {@code ./kpi history} lists)
 * @param job            the job file's name (nightly, weekly, monthly)
 * @param reportDate     the report's business date (the last day of its period)
 * @param asOf           the run's as-of: every figure counts the events stored by then
 * @param zone           the run's business zone
 */
public record ReportingRun(long runId, long jobExecutionId, String job, LocalDate reportDate, Instant asOf, ZoneId zone) {

    /** "nightly 2026-11-21, kpi run 7 as of 2026-11-22 06:00" (as-of in the run's zone). */
    public String describe() {
        return job + " " + reportDate + ", kpi run " + runId + " as of " + localAsOf();
    }

    /** The as-of in the run's zone, to the minute ("2026-11-22 06:00"). */
    public String localAsOf() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(asOf.atZone(zone));
    }
}
