package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

class JobDefinitionLoaderTests {

    @TempDir
    Path dir;

    private final JobDefinitionLoader loader = new JobDefinitionLoader(
            Map.of("KPI_HOME", "/srv/kpi", "SMTP_PW", "s3cret", "EMPTY", "")::get);

    private static final String MINIMAL = """
            name: test
            schedule: "30 21 * * *"
            business-date: yesterday
            inbox: /in
            archive-dir: /archive
            out-dir: /out
            recipients: [a@example.com]
            """;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("job.yml");
        Files.writeString(f, yaml);
        return f;
    }

    private KpiException failure(String yaml, String... overrides) throws IOException {
        Path f = write(yaml);
        try {
            loader.load(f, List.of(overrides));
        } catch (KpiException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("expected a failure for " + yaml);
    }

    @Test
    void theBundledNightlyJobLoadsWithEnvironmentSubstitution() {
        JobDefinition d = loader.load(Path.of("jobs/nightly.yml"));
        assertThat(d.name()).isEqualTo("nightly");
        assertThat(d.businessDate()).isEqualTo(BusinessDateRule.YESTERDAY);
        assertThat(d.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(d.inbox()).isEqualTo(Path.of("/srv/kpi/inbox"));            // ${KPI_HOME:...} with KPI_HOME set
        assertThat(d.outDir()).isEqualTo(Path.of("/srv/kpi/data/out/nightly"));   // outputs under the data dir (docs/nightly.md)
        assertThat(d.recipients()).containsExactly("ops-managers@example.com");  // ${KPI_NIGHTLY_RECIPIENTS:default}
        assertThat(d.attachmentMaxBytes()).isEqualTo(10L * 1024 * 1024);       // 10MB = 10,485,760 bytes
        assertThat(d.attachmentMaxBytesOr(1)).isEqualTo(10L * 1024 * 1024);
        assertThat(d.retentionDays()).isEqualTo(90);
        assertThat(d.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(d.smtp()).isNull();
        // 21:30 UTC every day: the next start after 2026-11-22 00:00Z is 2026-11-22 21:30Z
        assertThat(d.nextRun(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-22T21:30:00Z"));
        // that start (05:30 on 11-23 in Shanghai) reports on 2026-11-22
        BusinessPeriod p = d.periodFor(Instant.parse("2026-11-22T21:30:00Z"), ZoneId.of("UTC"));
        assertThat(p.lastDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(d.subjectFor(p)).isEqualTo("物流服务 KPI 日报 2026-11-22");
    }

    @Test
    void theBundledWeeklyAndMonthlyJobsLoad() {
        JobDefinition w = loader.load(Path.of("jobs/weekly.yml"));
        assertThat(w.businessDate()).isEqualTo(BusinessDateRule.LAST_COMPLETED_WEEK);
        assertThat(w.recipients()).containsExactly("ops-managers@example.com", "quality@example.com");
        // Sunday 22:00 UTC; 2026-11-22 is a Sunday
        assertThat(w.nextRun(Instant.parse("2026-11-20T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));
        assertThat(w.subjectFor(w.periodFor(Instant.parse("2026-11-22T22:00:00Z"), ZoneId.of("UTC")))).endsWith("2026-W47");
        JobDefinition m = loader.load(Path.of("jobs/monthly.yml"));
        assertThat(m.businessDate()).isEqualTo(BusinessDateRule.LAST_MONTH);
        assertThat(m.attachmentMaxBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(m.nextRun(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void defaultsApplyAndTheNameDefaultsToTheFileName() throws IOException {
        Path f = dir.resolve("daily-ops.yml");
        Files.writeString(f, MINIMAL.replace("name: test\n", ""));
        JobDefinition d = loader.load(f);
        assertThat(d.name()).isEqualTo("daily-ops");
        assertThat(d.template()).isEqualTo("default");
        assertThat(d.subject()).isEqualTo("Logistics KPI {period}");
        assertThat(d.attachmentMaxBytes()).isNull();                            // not set: the delivery default applies
        assertThat(d.attachmentMaxBytesOr(5_000)).isEqualTo(5_000);
        assertThat(d.retentionDays()).isEqualTo(90);
        assertThat(d.zone()).isNull();
        assertThat(d.zoneOr(ZoneId.of("Europe/Berlin"))).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void setOverridesOneValueForOneRun() throws IOException {
        Path f = write(MINIMAL);
        JobDefinition d = loader.load(f, List.of("subject=Re-run {job} {period}", "recipients=x@example.com, y@example.com",
                "retention-days=7", "attachment-max-size=512KB", "smtp.host=mail.internal", "smtp.port=2525"));
        assertThat(d.subject()).isEqualTo("Re-run {job} {period}");
        assertThat(d.subjectFor(BusinessPeriod.of(com.logisticskpi.kpi.PeriodType.DAY, LocalDate.of(2026, 11, 22))))
                .isEqualTo("Re-run test 2026-11-22");
        assertThat(d.recipients()).containsExactly("x@example.com", "y@example.com");
        assertThat(d.retentionDays()).isEqualTo(7);
        assertThat(d.attachmentMaxBytes()).isEqualTo(512L * 1024);
        assertThat(d.smtp().host()).isEqualTo("mail.internal");
        assertThat(d.smtp().port()).isEqualTo(2525);
        // the file itself is unchanged
        assertThat(loader.load(f).subject()).isEqualTo("Logistics KPI {period}");
    }

    @Test
    void passwordsComeFromTheEnvironmentOrAFileOnly() throws IOException {
        JobDefinition env = loader.load(write(MINIMAL + "smtp:\n  host: h\n  password: ${SMTP_PW}\n"));
        assertThat(env.smtp().password().value()).isEqualTo("s3cret");
        assertThat(env.smtp().toString()).doesNotContain("s3cret");
        assertThat(env.smtp().password().toString()).doesNotContain("s3cret").contains("SMTP_PW");

        Path pw = dir.resolve("pw");
        Files.writeString(pw, "from-file\n");
        JobDefinition file = loader.load(write(MINIMAL + "smtp:\n  password-file: " + pw + "\n"));
        assertThat(file.smtp().password().value()).isEqualTo("from-file");    // the trailing newline is not part of it

        assertThat(failure(MINIMAL + "smtp:\n  password: hunter2\n").getMessage())
                .contains("smtp.password").contains("literal password").doesNotContain("hunter2");
        assertThat(failure(MINIMAL + "smtp:\n  password: ${NOT_SET}\n").getMessage()).contains("NOT_SET is not set");
        assertThat(failure(MINIMAL + "smtp:\n  password: ${EMPTY}\n").getMessage()).contains("EMPTY is not set");
        assertThat(failure(MINIMAL + "smtp:\n  password-file: " + dir.resolve("missing") + "\n").getMessage())
                .contains("smtp.password-file").contains("cannot read password file");

        KpiException cli = failure(MINIMAL, "smtp.password=hunter2");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.getMessage()).contains("never taken from the command line").doesNotContain("hunter2");
    }

    @Test
    void badValuesAreOneLineConfigurationErrorsNamingFileAndKey() throws IOException {
        assertBad(MINIMAL + "recipent: a@example.com\n", "recipent: unknown key");
        assertBad(MINIMAL.replace("30 21 * * *", "99 21 * * *"), "schedule:");
        assertBad(MINIMAL.replace("30 21 * * *", "0 30 21 * * *"), "schedule: '0 30 21 * * *' is not a 5-field cron");
        assertBad(MINIMAL.replace("yesterday", "today"), "business-date: unknown business-date rule 'today'");
        assertBad(MINIMAL.replace("a@example.com", "not an address"), "recipients: 'not an address' is not a mail address");
        assertBad(MINIMAL.replace("recipients: [a@example.com]", "recipients: []"), "recipients: at least one");
        assertBad(MINIMAL.replace("inbox: /in\n", ""), "inbox: is required");
        assertBad(MINIMAL + "zone: Mars/Base\n", "zone: unknown time zone 'Mars/Base'");
        assertBad(MINIMAL + "attachment-max-size: ten megabytes\n", "attachment-max-size: 'ten megabytes' is not a size");
        assertBad(MINIMAL + "retention-days: 0\n", "retention-days: '0' is not a whole number of at least 1");
        assertBad(MINIMAL + "template: wekly\n", "template: 'wekly' is not daily, weekly, monthly, default or an .xlsx template file");
        assertBad(MINIMAL.replace("name: test", "name: ../../etc"), "name: '../../etc' is not valid");
        assertBad(MINIMAL + "out-dir2: x\n", "out-dir2: unknown key");
        assertBad(MINIMAL.replace("inbox: /in", "inbox: ${INBOX_DIR}/x"), "inbox: environment variable INBOX_DIR is not set");
        assertBad(MINIMAL + "smtp:\n  port: 70000\n", "smtp.port: '70000' is not a port number");
        assertBad(MINIMAL + "smtp:\n  starttls: maybe\n", "smtp.starttls:");
        assertBad(MINIMAL + "smtp:\n  hots: x\n", "smtp.hots: unknown key");
        assertBad("name: [unclosed\n", "YAML error at line");
        assertBad("- a\n- b\n", "not a YAML mapping");
        assertThat(failure(MINIMAL, "nope=1").getMessage()).isEqualTo("--set nope: unknown job setting");
        assertThat(failure(MINIMAL, "subject").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void theBinderConvertsSizesListsNumbersAndBooleansAndResolvesEveryListElement() throws IOException {
        JobDefinition d = loader.load(write(MINIMAL.replace("recipients: [a@example.com]",
                "recipients: [\"ops@${MAIL_DOMAIN:example.com}\", \" b@example.com \"]")
                + "attachment-max-size: 1GB\nretention-days: \"${DAYS:30}\"\nsmtp:\n  port: 587\n  starttls: false\n"));
        assertThat(d.recipients()).containsExactly("ops@example.com", "b@example.com");
        assertThat(d.attachmentMaxBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(d.retentionDays()).isEqualTo(30);
        assertThat(d.smtp().port()).isEqualTo(587);
        assertThat(d.smtp().starttls()).isFalse();
        assertThat(d.smtp().password()).isNull();
        // a size needs Spring's units (B, KB, MB, GB, TB); an env value is substituted before it is converted
        assertBad(MINIMAL + "attachment-max-size: 10M\n", "attachment-max-size: '10M' is not a size");
        assertBad(MINIMAL + "smtp:\n  port: twenty-five\n", "smtp.port: 'twenty-five' is not a port number");
        assertBad(MINIMAL + "smtp: mail.example.com\n", "smtp: must be a mapping");
        assertBad(MINIMAL + "subject: [a, b]\n", "subject: must be a single value");
    }

    private void assertBad(String yaml, String expected) throws IOException {
        KpiException e = failure(yaml);
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(e.getMessage()).startsWith(dir.resolve("job.yml").toString()).contains(expected);
    }

    @Test
    void aMissingFileIsABadConfiguration() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml")))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIG))
                .hasMessageContaining("nope.yml does not exist");
    }

    @Test
    void jobNamesNeverBecomePaths() {
        assertThat(JobDefinitionLoader.fileFor(Path.of("jobs"), "nightly")).isEqualTo(Path.of("jobs/nightly.yml"));
        assertThatThrownBy(() -> JobDefinitionLoader.fileFor(Path.of("jobs"), "../secrets"))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
