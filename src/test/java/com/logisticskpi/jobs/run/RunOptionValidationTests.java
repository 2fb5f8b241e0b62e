package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.delivery.step.DeliverStep;

/**
 * Options are validated before any step runs (issue 15, items 4 and 8): a {@code --set} with a line break is refused
 * with exit 2 and nothing is stored (the password it smuggles is nowhere on disk); a failed run's re-run with another
 * {@code --inbox} is refused with a line saying what to do instead of silently reusing the first path; {@code restart}
 * of an unknown id says so.
 */
class RunOptionValidationTests {

    @TempDir
    Path tmp;

    @Test
    void aSetWithALineBreakIsRefusedBeforeAnythingIsStored() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path job = NightlyKit.jobFile(tmp.resolve("jobs"), "nightly", inbox, null);
        Path data = tmp.resolve("data");

        NightlyKit.Result r = NightlyKit.inProcess("run", job.toString(), "--data-dir", data.toString(), "--date",
                NightlyKit.DATE, "--set", "subject=x\nsmtp.password=LeakMe456");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("kpi run: --set subject holds a line break or control character (U+000A at "
                + "position 10): a setting is one line of text" + System.lineSeparator());
        assertThat(r.all()).doesNotContain("LeakMe456");
        assertThat(r.out()).isEmpty();
        if (Files.exists(data)) {                                  // nothing ran: no database, no job parameters
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                            .doesNotContain("LeakMe456");
                }
            }
            assertThat(data.resolve("kpi.mv.db")).doesNotExist();
        }
        // a carriage return and a tab are refused the same way
        assertThat(NightlyKit.inProcess("run", job.toString(), "--data-dir", data.toString(), "--set",
                "subject=a\rb").exitCode()).isEqualTo(2);
        assertThat(NightlyKit.inProcess("run", job.toString(), "--data-dir", data.toString(), "--set",
                "recipients=a@x.com\tb@x.com").exitCode()).isEqualTo(2);
    }

    @Test
    void aCorrectedInboxOnAFailedRunIsRefusedWithWhatToDoAndRerunHonoursIt() throws Exception {
        Path wrong = Files.createDirectories(tmp.resolve("wrong-inbox"));
        Files.writeString(wrong.resolve("orders_20261122.csv"), "not,an,export\n1,2,3\n");   // fails: columns missing
        Path right = tmp.resolve("inbox");
        NightlyKit.generateInbox(right);
        Path job = NightlyKit.jobFile(tmp.resolve("jobs"), "nightly", right, null);
        String data = tmp.resolve("data").toString();

        NightlyKit.Result failed = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF, "--inbox", wrong.toString());
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);

        NightlyKit.Result corrected = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date",
                NightlyKit.DATE, "--as-of", NightlyKit.AS_OF, "--inbox", right.toString());
        assertThat(corrected.exitCode()).isEqualTo(2);
        assertThat(corrected.err().strip()).isEqualTo("kpi run: execution 1 of nightly for 2026-11-22 (FAILED) was started"
                + " with --inbox " + wrong.toAbsolutePath() + " and resuming keeps it: run the same command with --inbox "
                + wrong.toAbsolutePath() + " (or without --inbox) to resume, or add --rerun to start a new run with "
                + right.toAbsolutePath());

        NightlyKit.Result rerun = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date",
                NightlyKit.DATE, "--as-of", NightlyKit.AS_OF, "--inbox", right.toString(), "--rerun");
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("orders_20261122.csv");

        NightlyKit.Result missing = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--inbox",
                tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("kpi run: --inbox " + tmp.resolve("nope") + " is not a directory");
    }

    @Test
    void restartOfAnUnknownIdSaysSo() throws IOException {
        String data = tmp.resolve("data").toString();
        NightlyKit.Result r = NightlyKit.inProcess("restart", "999", "--data-dir", data);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("kpi restart: no job execution 999 (see ./kpi history)");
    }

    @Test
    void aPasswordThatMayGoInClearTextIsWarnedAbout() {
        var pw = com.logisticskpi.delivery.Secret.fromEnvironment("KPI_SMTP_PASSWORD", "pw");
        java.time.Duration t = java.time.Duration.ofSeconds(10);
        var offered = new com.logisticskpi.delivery.SmtpSettings("smtp.example.com", 587, "kpi", pw, true, false, "a@x.com",
                t, t, t);
        assertThat(DeliverStep.clearTextWarning(offered)).isEqualTo("the SMTP password for smtp.example.com:587 may go"
                + " in clear text (STARTTLS only when the server offers it): set kpi.delivery.starttls-required: true (or"
                + " starttls in the job's smtp block)");
        var off = new com.logisticskpi.delivery.SmtpSettings("smtp.example.com", 25, "kpi", pw, false, false, "a@x.com", t,
                t, t);
        assertThat(DeliverStep.clearTextWarning(off)).contains("(STARTTLS off)").doesNotContain("pw)");
        assertThat(DeliverStep.clearTextWarning(new com.logisticskpi.delivery.SmtpSettings("h", 587, "kpi", pw, true,
                true, "a@x.com", t, t, t))).isNull();                               // required: never in clear
        assertThat(DeliverStep.clearTextWarning(new com.logisticskpi.delivery.SmtpSettings("h", 25, null, null, false,
                false, "a@x.com", t, t, t))).isNull();                              // no password
    }
}
