package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi run} in this JVM on a small generated inbox (embedded H2): the happy path without SMTP, the refusal of a
 * completed date (exit 3), {@code --rerun} (a new instance), restart of a completed execution, history, a bad job
 * file (exit 6) and a missing job file.
 */
class NightlyRunTests {

    @TempDir
    Path tmp;

    @Test
    void runsTheWholeJobThenRefusesTheCompletedDateUntilRerun() throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        long exports;
        try (Stream<Path> s = Files.list(inbox)) {
            exports = s.count();
        }
        assertThat(exports).isEqualTo(15);                     // 5 kinds (tickets included) x 3 days
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "nightly", inbox, null);
        String data = tmp.resolve("data").toString();

        NightlyKit.Result first = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF);
        assertThat(first.exitCode()).as(first.all()).isZero();
        Path out = NightlyKit.outDir(jobs);
        assertThat(first.out()).contains("nightly 2026-11-22 (execution 1): COMPLETED", "data quality (",
                "orders_20261122.csv", "headline KPIs 2026-11-22", "on_time_rate",
                "workbook: " + out.resolve("kpi-report_2026-11-22.xlsx"),
                "delivery: delivery off: no SMTP host configured",
                "archive:  15 file(s) moved to " + jobs.resolve("archive").resolve("2026-11-22"));
        assertThat(out.resolve("kpi-report_2026-11-22.xlsx")).isRegularFile();
        assertThat(out.resolve("kpi-values.csv")).isRegularFile();
        assertThat(out.resolve("orders-outcome.csv")).isRegularFile();
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.filter(p -> p.toString().endsWith(".png")).count()).isPositive();
        }
        try (Stream<Path> s = Files.list(inbox)) {
            assertThat(s.count()).as("inbox emptied by archive").isZero();
        }
        try (Stream<Path> s = Files.list(jobs.resolve("archive").resolve("2026-11-22"))) {
            assertThat(s.count()).isEqualTo(15);
        }
        Path log = tmp.resolve("data").resolve("logs").resolve("nightly-2026-11-22-1.log");
        assertThat(Files.readString(log)).contains("job nightly for 2026-11-22 (execution 1) started",
                "compute: kpi run", "job execution 1 ended COMPLETED");

        NightlyKit.Result again = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date", NightlyKit.DATE);
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("kpi run: job nightly for 2026-11-22 already completed (execution 1); nothing done."
                + " Add --rerun to run it again");

        NightlyKit.Result restart = NightlyKit.inProcess("restart", "1", "--data-dir", data);
        assertThat(restart.exitCode()).isEqualTo(3);

        NightlyKit.Result rerun = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF, "--rerun");
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("nightly 2026-11-22 (execution 2): COMPLETED",
                "workbook: " + jobs.resolve("out").resolve("2026-11-22-rerun1").resolve("kpi-report_2026-11-22.xlsx"));
        // same stored exports, same as_of: the re-run's figures are the first run's
        assertThat(Files.readString(jobs.resolve("out").resolve("2026-11-22-rerun1").resolve("kpi-values.csv")))
                .isEqualTo(Files.readString(out.resolve("kpi-values.csv")));

        NightlyKit.Result history = NightlyKit.inProcess("history", "--data-dir", data);
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).containsPattern("(?m)^\\s+2  nightly\\s+COMPLETED .*date=2026-11-22, job=nightly, rerun=1$")
                .containsPattern("(?m)^\\s+1  nightly\\s+COMPLETED .*date=2026-11-22, job=nightly$");
    }

    @Test
    void aFailedFileFailsTheRunWithExitOneAndRestartResumesOnceItIsFixed() throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path broken = inbox.resolve("surveys_20261122.csv");
        Files.writeString(broken, "this is not,a survey export\n1,2\n");
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "nightly", inbox, null);
        String[] cmd = {"run", job.toString(), "--data-dir", tmp.resolve("data").toString(), "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF};

        NightlyKit.Result failed = NightlyKit.inProcess(cmd);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("kpi run: job nightly for 2026-11-22 failed in step ingest (execution 1):",
                "surveys_20261122.csv", "run the same command again (or ./kpi restart 1) to resume at that step");
        assertThat(failed.out()).contains("FAILED surveys_20261122.csv");
        assertThat(NightlyKit.outDir(jobs)).doesNotExist();               // nothing after the failed step ran
        assertThat(broken).exists();                                      // not archived

        Files.delete(broken);                                             // the sender withdrew the bad file
        NightlyKit.Result resumed = NightlyKit.inProcess("restart", "1", "--data-dir", tmp.resolve("data").toString());
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("resumed the run of nightly for 2026-11-22", "(execution 2): COMPLETED",
                "archive:  14 file(s) moved");
        assertThat(NightlyKit.outDir(jobs).resolve("kpi-report_2026-11-22.xlsx")).isRegularFile();
    }

    @Test
    void weeklyJobTakesTheLastCompletedIsoWeekFromAsOf() throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "weekly", inbox, null);
        Files.writeString(job, Files.readString(job).replace("business-date: yesterday", "business-date: last-completed-week"));
        // as of Monday 2026-11-23 06:00 in Shanghai: the last completed ISO week is 2026-W47 (Mon 11-16 .. Sun 11-22)
        NightlyKit.Result r = NightlyKit.inProcess("run", job.toString(), "--data-dir", tmp.resolve("data").toString(),
                "--as-of", NightlyKit.AS_OF);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("weekly 2026-W47 (execution 1): COMPLETED", "headline KPIs 2026-W47",
                "archive:  15 file(s) moved to " + jobs.resolve("archive").resolve("2026-W47"));
        assertThat(jobs.resolve("out").resolve("2026-W47").resolve("kpi-report_2026-W47.xlsx")).isRegularFile();
        // the run is keyed by the week's last date: the same week again is complete
        NightlyKit.Result again = NightlyKit.inProcess("run", job.toString(), "--data-dir", tmp.resolve("data").toString(),
                "--date", "2026-11-18");
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("job weekly for 2026-W47 already completed");
    }

    @Test
    void badJobFilesExitWithSixNamingFileAndKey() throws Exception {
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, "name: bad\nschedule: \"30 21 * * *\"\nbusiness-date: yesterday\ninbox: in\narchive-dir: a\n"
                + "out-dir: o\nrecipients: ops@example.com\nretention-dayz: 3\n");
        NightlyKit.Result r = NightlyKit.inProcess("run", bad.toString(), "--data-dir", tmp.resolve("data").toString());
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).contains("kpi run: " + bad + ": retention-dayz: unknown key");

        NightlyKit.Result missing = NightlyKit.inProcess("run", tmp.resolve("nope.yml").toString());
        assertThat(missing.exitCode()).isEqualTo(6);
        assertThat(missing.err()).contains("job file " + tmp.resolve("nope.yml") + " does not exist");

        NightlyKit.Result badDate = NightlyKit.inProcess("run", bad.toString(), "--date", "22.11.2026");
        assertThat(badDate.exitCode()).isEqualTo(2);
    }
}
