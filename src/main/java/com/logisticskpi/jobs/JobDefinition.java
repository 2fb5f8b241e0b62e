package com.logisticskpi.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import com.logisticskpi.delivery.SmtpOverride;

/**
 * One scheduled job as declared in {@code jobs/<name>.yml} (see jobs/README.md), validated by
 * {@link JobDefinitionLoader}.
 *
 * @param name               job name: letters, digits, '-' and '_' (used in lock and log file names)
 * @param schedule           5-field cron expression, evaluated in UTC (as in crontab with CRON_TZ unset)
 * @param businessDate       which period a run reports on
 * @param zone               business time zone of the business-date rule; null = kpi.zone
 * @param inbox              directory the exports arrive in
 * @param archiveDir         where loaded export files are moved to
 * @param outDir             where workbooks, kpi-values.csv and reject files are written
 * @param template           report template name or file
 * @param locale             report and mail language, e.g. zh-CN
 * @param recipients         mail addresses of the report's readers
 * @param subject            mail subject; {@code {period}} and {@code {job}} are replaced
 * @param attachmentMaxBytes above this size the workbook is not attached, its path is put in the mail instead;
 *                           null = {@code kpi.delivery.attachment-max-size}
 * @param retentionDays      reports and reject files older than this are deleted
 * @param smtp               the job's own SMTP settings, or null for kpi.delivery.*
 */
public record JobDefinition(String name, String schedule, BusinessDateRule businessDate, ZoneId zone, Path inbox,
                            Path archiveDir, Path outDir, String template, Locale locale, List<String> recipients,
                            String subject, Long attachmentMaxBytes, int retentionDays, SmtpOverride smtp) {

    public JobDefinition {
        recipients = List.copyOf(recipients);
    }

    /** The business zone of this job: its own {@code zone}, else {@code defaultZone} (kpi.zone / --zone). */
    public ZoneId zoneOr(ZoneId defaultZone) {
        return zone != null ? zone : defaultZone;
    }

    /** The period a run at {@code asOf} reports on. */
    public BusinessPeriod periodFor(Instant asOf, ZoneId defaultZone) {
        return businessDate.resolve(asOf, zoneOr(defaultZone));
    }

    /** This job's attachment cap, else {@code deliveryDefault} (kpi.delivery.attachment-max-size). */
    public long attachmentMaxBytesOr(long deliveryDefault) {
        return attachmentMaxBytes != null ? attachmentMaxBytes : deliveryDefault;
    }

    /** The subject with {@code {period}} and {@code {job}} filled in. */
    public String subjectFor(BusinessPeriod period) {
        return subject.replace("{period}", period.label()).replace("{job}", name);
    }

    /** The next scheduled start after {@code after} (cron in UTC). */
    public Instant nextRun(Instant after) {
        ZonedDateTime next = cron(schedule).next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }

    /** Spring's trigger for {@link #schedule}, in UTC ({@link JobScheduler}). */
    public CronTrigger cronTrigger() {
        return new CronTrigger(cron(schedule).toString(), ZoneOffset.UTC);
    }

    /** Parses a classic 5-field crontab expression (minute hour day-of-month month day-of-week). */
    static CronExpression cron(String fiveFields) {
        String[] parts = fiveFields.trim().split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("'" + fiveFields + "' is not a 5-field cron expression (minute hour day month weekday)");
        }
        return CronExpression.parse("0 " + String.join(" ", parts));
    }
}
