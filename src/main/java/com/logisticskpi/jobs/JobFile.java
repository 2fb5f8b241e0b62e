package com.logisticskpi.jobs;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.util.unit.DataSize;

import com.logisticskpi.base.KpiException;
import com.logisticskpi.delivery.Secret;
import com.logisticskpi.delivery.SmtpOverride;
import com.logisticskpi.report.ReportKind;

/**
 * A job file as Spring Boot's Binder reads it ({@link JobDefinitionLoader}): the keys of jobs/README.md with their
 * {@code ${ENV}} references resolved and their values converted (numbers, sizes, booleans, comma-separated lists).
 * {@link #validate} checks what conversion cannot (names, cron, zone, language, addresses, ranges) and builds the
 * {@link JobDefinition}. The SMTP password is not bound: it is taken only from {@code ${ENV_VAR}} or a file
 * ({@link JobDefinitionLoader}).
 */
record JobFile(String name, String schedule, String businessDate, String zone, String inbox, String archiveDir,
               String outDir, String template, String locale, List<String> recipients, String subject,
               DataSize attachmentMaxSize, Integer retentionDays, Smtp smtp) {

    static final int DEFAULT_RETENTION_DAYS = 90;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The job's own {@code smtp:} block (password apart). */
    record Smtp(String host, Integer port, String username, String passwordFile, Boolean starttls, String from) {
    }

    /**
     * The validated definition. {@code fail(key, reason)} makes the one-line error naming the file and the key;
     * {@code password} is the SMTP password already looked up, or null.
     */
    JobDefinition validate(String defaultName, Secret password, BiFunction<String, String, KpiException> fail) {
        String n = name != null ? name.trim() : defaultName;
        if (!NAME.matcher(n).matches()) {
            throw fail.apply("name", "'" + n + "' is not valid (letters, digits, '-', '_', at most 64)");
        }
        String cron = required("schedule", schedule, fail);
        try {
            JobDefinition.cron(cron);
        } catch (IllegalArgumentException e) {
            throw fail.apply("schedule", e.getMessage());
        }
        BusinessDateRule rule;
        try {
            rule = BusinessDateRule.fromKey(required("business-date", businessDate, fail));
        } catch (IllegalArgumentException e) {
            throw fail.apply("business-date", e.getMessage());
        }
        ZoneId zoneId = null;
        if (zone != null && !zone.isBlank()) {
            try {
                zoneId = ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                throw fail.apply("zone", "unknown time zone '" + zone + "'");
            }
        }
        String t = template != null ? template : "default";
        if (!t.equalsIgnoreCase("default") && ReportKind.ofKey(t) == null && !t.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw fail.apply("template", "'" + t + "' is not daily, weekly, monthly, default or an .xlsx template file");
        }
        String tag = locale != null ? locale : "zh-CN";
        Locale l = Locale.forLanguageTag(tag);
        if (l.getLanguage().isEmpty()) {
            throw fail.apply("locale", "'" + tag + "' is not a language tag such as zh-CN or en");
        }
        Long maxBytes = null;                                   // null: kpi.delivery.attachment-max-size
        if (attachmentMaxSize != null) {
            if (attachmentMaxSize.toBytes() <= 0) {
                throw fail.apply("attachment-max-size", "must be above 0");
            }
            maxBytes = attachmentMaxSize.toBytes();
        }
        int retention = retentionDays != null ? retentionDays : DEFAULT_RETENTION_DAYS;
        if (retention < 1) {
            throw fail.apply("retention-days", "'" + retention + "' is not a whole number of at least 1");
        }
        return new JobDefinition(n, cron, rule, zoneId, Path.of(required("inbox", inbox, fail)),
                Path.of(required("archive-dir", archiveDir, fail)), Path.of(required("out-dir", outDir, fail)), t, l,
                addresses(fail), subject != null ? subject : "Logistics KPI {period}", maxBytes, retention,
                smtp(password, fail));
    }

    private List<String> addresses(BiFunction<String, String, KpiException> fail) {
        List<String> out = new ArrayList<>();
        for (String s : recipients == null ? List.<String>of() : recipients) {
            String a = s == null ? "" : s.trim();
            if (a.isEmpty()) {
                continue;
            }
            mailAddress("recipients", a, fail);
            out.add(a);
        }
        if (out.isEmpty()) {
            throw fail.apply("recipients", "at least one mail address is required");
        }
        return out;
    }

    private SmtpOverride smtp(Secret password, BiFunction<String, String, KpiException> fail) {
        if (smtp == null && password == null) {
            return null;
        }
        Smtp s = smtp != null ? smtp : new Smtp(null, null, null, null, null, null);
        if (s.port() != null && (s.port() < 1 || s.port() > 65535)) {
            throw fail.apply("smtp.port", "'" + s.port() + "' is not a port number");
        }
        if (s.from() != null) {
            mailAddress("smtp.from", s.from(), fail);
        }
        return new SmtpOverride(s.host(), s.port(), s.username(), password, s.starttls(), s.from());
    }

    private static void mailAddress(String key, String address, BiFunction<String, String, KpiException> fail) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw fail.apply(key, "'" + address + "' is not a mail address");
        }
    }

    private static String required(String key, String value, BiFunction<String, String, KpiException> fail) {
        if (value == null || value.isBlank()) {
            throw fail.apply(key, "is required");
        }
        return value.trim();
    }
}
