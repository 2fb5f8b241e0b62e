package com.logisticskpi.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.logisticskpi.kpi.PeriodType;

/**
 * The three reports: daily, weekly and monthly. A kind decides what the Summary (and the mail) leads with, the
 * workbook's file name and the built-in template:
 *
 * <ul>
 * <li>daily: the day against the previous day, then the week and the month as of the run, each against the period
 * before; {@code kpi-report_2026-11-22.xlsx}, {@code reports-templates/kpi-report.xlsx};</li>
 * <li>weekly: the ISO week against the previous week, then the month as of the run against the previous month;
 * {@code kpi-report_2026-W47.xlsx}, {@code kpi-report-weekly.xlsx};</li>
 * <li>monthly: the month against the previous month, then the same month against the same month last year;
 * {@code kpi-report_2026-11.xlsx}, {@code kpi-report-monthly.xlsx}.</li>
 * </ul>
 */
public enum ReportKind {
    DAILY("daily", PeriodType.DAY, "kpi-report.xlsx"),
    WEEKLY("weekly", PeriodType.WEEK, "kpi-report-weekly.xlsx"),
    MONTHLY("monthly", PeriodType.MONTH, "kpi-report-monthly.xlsx");

    private final String key;
    private final PeriodType period;
    private final String templateFile;

    ReportKind(String key, PeriodType period, String templateFile) {
        this.key = key;
        this.period = period;
        this.templateFile = templateFile;
    }

    /** {@code daily}, {@code weekly}, {@code monthly}: the job file's {@code template:} value and the bundle suffix. */
    public String key() {
        return key;
    }

    /** The period the report is about. */
    public PeriodType period() {
        return period;
    }

    /** The built-in template on the class path, e.g. {@code /reports-templates/kpi-report-weekly.xlsx}. */
    public String builtInTemplate() {
        return "/reports-templates/" + templateFile;
    }

    public String templateFileName() {
        return templateFile;
    }

    /** The label of the report's period containing {@code businessDate}: 2026-11-22, 2026-W47, 2026-11. */
    public String periodLabel(LocalDate businessDate) {
        return period.periodOf(businessDate);
    }

    /** {@code kpi-report_2026-11-22.xlsx}, {@code kpi-report_2026-W47.xlsx}, {@code kpi-report_2026-11.xlsx}. */
    public String workbookName(LocalDate businessDate) {
        return "kpi-report_" + periodLabel(businessDate) + ".xlsx";
    }

    /** The blocks of the Summary, in order; the first is what the report (and its mail) leads with. */
    public List<Comparison> comparisons(LocalDate businessDate) {
        return switch (this) {
            case DAILY -> List.of(Comparison.previous(PeriodType.DAY, businessDate),
                    Comparison.previous(PeriodType.WEEK, businessDate), Comparison.previous(PeriodType.MONTH, businessDate));
            case WEEKLY -> List.of(Comparison.previous(PeriodType.WEEK, businessDate),
                    Comparison.previous(PeriodType.MONTH, businessDate));
            case MONTHLY -> List.of(Comparison.previous(PeriodType.MONTH, businessDate),
                    Comparison.yearAgo(businessDate));
        };
    }

    /** The first comparison: the report's own period against the one before. */
    public Comparison lead(LocalDate businessDate) {
        return comparisons(businessDate).get(0);
    }

    /** The kind of a name ({@code daily}, {@code weekly}, {@code monthly}, any case), or null. */
    public static ReportKind ofKey(String name) {
        for (ReportKind k : values()) {
            if (k.key.equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind a job's {@code template:} value asks for: {@code daily}, {@code weekly}, {@code monthly}; {@code default}
     * or a template file ({@code *.xlsx}) = the kind of the job's period ({@code yesterday} daily,
     * {@code last-completed-week} weekly, {@code last-month} monthly).
     */
    public static ReportKind forTemplate(String template, PeriodType jobPeriod) {
        ReportKind named = ofKey(template);
        return named != null ? named : of(jobPeriod);
    }

    /** The template file a job's {@code template:} names ({@code /path/my-report.xlsx}), or null for a built-in one. */
    public static java.nio.file.Path templateFile(String template) {
        if (template == null || ofKey(template) != null || template.trim().equalsIgnoreCase("default")) {
            return null;
        }
        return java.nio.file.Path.of(template.trim());
    }

    /** The kind whose period is {@code type}. */
    public static ReportKind of(PeriodType type) {
        for (ReportKind k : values()) {
            if (k.period == type) {
                return k;
            }
        }
        throw new IllegalArgumentException("no report kind for " + type);
    }

    /**
     * One block of the Summary: the figures of {@code period} against those of {@code against}.
     *
     * @param type     day, week or month
     * @param period   the period shown (2026-W47)
     * @param against  the period compared with (2026-W46, or 2025-11 for the same month last year)
     * @param yearAgo  true when {@code against} is the same month a year before
     */
    public record Comparison(PeriodType type, String period, String against, boolean yearAgo) {

        static Comparison previous(PeriodType type, LocalDate date) {
            return new Comparison(type, type.periodOf(date), type.periodOf(KpiLookup.previous(type, date)), false);
        }

        static Comparison yearAgo(LocalDate date) {
            return new Comparison(PeriodType.MONTH, PeriodType.MONTH.periodOf(date),
                    PeriodType.MONTH.periodOf(date.minusYears(1)), true);
        }
    }
}
