package com.logisticskpi.jobs;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Starts job runs on their cron schedules with Spring's {@link ThreadPoolTaskScheduler} and a {@link CronTrigger}
 * per job (UTC, the zone of the job files' {@code schedule:}). One scheduler thread: never two runs at once; a
 * start that falls due during another job's run waits for it and then runs with its own scheduled instant (a job
 * whose own run overruns its next start skips that start). {@link #stop()} cancels the waiting starts and returns
 * once the run in progress, if any, has finished.
 */
public final class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    /** How long {@link #stop()} lets a run in progress finish (systemd's TimeoutStopSec of kpi-schedule is 4 h too). */
    static final int STOP_WAIT_SECONDS = 4 * 3600;

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Runs {@code run.accept(job, scheduledInstant)} on each job's cron schedule ({@link JobDefinition#cronTrigger()}). */
    public JobScheduler(List<JobDefinition> jobs, BiConsumer<JobDefinition, Instant> run) {
        this(jobs, JobDefinition::cronTrigger, run);
    }

    JobScheduler(List<JobDefinition> jobs, Function<JobDefinition, Trigger> triggers, BiConsumer<JobDefinition, Instant> run) {
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("kpi-schedule-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);          // stop() lets the run in progress finish
        scheduler.setAwaitTerminationSeconds(STOP_WAIT_SECONDS);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // ... and drops the starts still to come
        scheduler.setErrorHandler(e -> LOG.error("scheduled run failed", e));
        scheduler.initialize();
        for (JobDefinition job : jobs) {
            Trigger cron = triggers.apply(job);
            AtomicReference<Instant> due = new AtomicReference<>();
            // the trigger hands each start's instant to its run: the run's --as-of is the scheduled instant, also late
            Trigger recording = context -> {
                Instant next = cron.nextExecution(context);
                due.set(next);
                return next;
            };
            scheduler.schedule(() -> run.accept(job, due.get()), recording);
        }
    }

    /** Blocks until {@link #stop()} has been called and has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Cancels the starts still to come, waits for the run in progress, releases {@link #awaitStop()}. */
    public void stop() {
        try {
            scheduler.shutdown();
        } finally {
            stopped.countDown();
        }
    }
}
