package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

class JobSchedulerTests {

    private static JobDefinition job(String name, String cron) {
        return new JobDefinition(name, cron, BusinessDateRule.YESTERDAY, null, Path.of("in"), Path.of("archive"),
                Path.of("out"), "daily", Locale.ENGLISH, List.of("a@example.com"), "KPI {period}", null, 30, null);
    }

    private record Start(String job, Instant scheduled, Instant started) {
    }

    @Test
    void runsOneAtATimeWithTheScheduledInstantAndStopWaitsForTheRunInProgress() throws Exception {
        List<Start> starts = new CopyOnWriteArrayList<>();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        // both jobs every second, each run 700 ms: the starts fall due while the other job runs
        JobScheduler scheduler = new JobScheduler(List.of(job("a", "* * * * *"), job("b", "* * * * *")),
                d -> new CronTrigger("* * * * * *", ZoneOffset.UTC), (d, at) -> {
                    mostAtOnce.accumulateAndGet(active.incrementAndGet(), Math::max);
                    starts.add(new Start(d.name(), at, Instant.now()));
                    try {
                        Thread.sleep(700);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        active.decrementAndGet();
                    }
                });
        Thread.sleep(3500);
        scheduler.stop();
        assertThat(active.get()).as("stop() returns after the run in progress").isZero();
        int runs = starts.size();
        Thread.sleep(1500);
        assertThat(starts).as("nothing starts after stop()").hasSize(runs);
        scheduler.awaitStop();                                               // released, does not block

        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(starts).extracting(Start::job).contains("a", "b");
        assertThat(runs).isBetween(3, 6);
        for (Start s : starts) {
            assertThat(s.scheduled().getNano()).as("a cron second").isZero();
            assertThat(s.started()).isAfterOrEqualTo(s.scheduled().minusMillis(50));
        }
    }

    @Test
    void theJobsCronTriggerIsTheFiveFieldScheduleInUtc() {
        CronTrigger t = job("nightly", "30 21 * * *").cronTrigger();
        SimpleTriggerContext after = new SimpleTriggerContext(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
        assertThat(t.getExpression()).isEqualTo("0 30 21 * * *");
        assertThat(t.nextExecution(after)).isEqualTo(Instant.parse("2026-11-22T21:30:00Z"));
        assertThat(job("nightly", "30 21 * * *").nextRun(Instant.parse("2026-11-22T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T21:30:00Z"));
    }
}
