package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kpi schedule}: refuses a bad job file at start (exit 6), announces the next starts, stops on SIGTERM. */
class NightlyScheduleTests {

    @TempDir
    Path tmp;

    @Test
    void aBadJobFileStopsTheSchedulerAtStart() throws Exception {
        Path jobs = tmp.resolve("jobs");
        NightlyKit.jobFile(jobs, "nightly", tmp.resolve("inbox"), null);
        Files.writeString(jobs.resolve("weekly.yml"), "name: weekly\nschedule: \"every monday\"\n");
        NightlyKit.Result r = NightlyKit.inProcess("schedule", "--jobs-dir", jobs.toString());
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).contains("kpi schedule: " + jobs.resolve("weekly.yml") + ": schedule: 'every monday' is not a"
                + " 5-field cron expression");

        NightlyKit.Result empty = NightlyKit.inProcess("schedule", "--jobs-dir", tmp.resolve("none").toString());
        assertThat(empty.exitCode()).isEqualTo(6);
    }

    @Test
    void announcesTheNextStartsAndStopsCleanlyOnSigterm() throws Exception {
        Path jobs = tmp.resolve("jobs");
        NightlyKit.jobFile(jobs, "nightly", tmp.resolve("inbox"), null);     // 30 21 * * * (UTC)
        NightlyKit.Child child = NightlyKit.Child.start(tmp, "schedule", List.of(), Map.of(), "schedule", "--jobs-dir",
                jobs.toString(), "--data-dir", tmp.resolve("data").toString());
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(child.stdout).contains("next at") && System.nanoTime() < end) {
            assertThat(child.process.isAlive()).as(Files.readString(child.stderr)).isTrue();
            Thread.sleep(100);
        }
        assertThat(Files.readString(child.stdout)).containsPattern("schedule: nightly \\(30 21 \\* \\* \\* UTC\\) next at "
                + "\\d{4}-\\d\\d-\\d\\dT21:30:00Z");
        child.process.destroy();                                             // SIGTERM
        assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
        assertThat(Files.readString(child.stdout)).contains("schedule: stopped");
        assertThat(child.process.exitValue()).isIn(0, 143);                  // 143 = 128 + SIGTERM: the JVM's own exit
    }
}
