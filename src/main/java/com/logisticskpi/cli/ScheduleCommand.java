package com.logisticskpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.jobs.JobDefinition;
import com.logisticskpi.jobs.JobDefinitionLoader;
import com.logisticskpi.jobs.JobScheduler;
import com.logisticskpi.jobs.run.JobRunner;

/**
 * {@code kpi schedule [--jobs-dir DIR]}: a long-lived process that starts every job file of the jobs directory on the
 * cron expression in it (UTC; {@link JobScheduler}: Spring's ThreadPoolTaskScheduler with a CronTrigger per job, one
 * run at a time), exactly as {@code kpi run <file>} would with {@code --as-of} = the scheduled instant: same run
 * lock, same exit codes (printed, one line per run). Each run gets a fresh application context, so between runs the
 * embedded database is free for manual commands. SIGTERM (or Ctrl-C) stops it cleanly: while waiting it exits at
 * once; during a run it lets that run finish first.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Runs the job files of the jobs directory on their cron schedules (UTC) until stopped (SIGTERM).")
public class ScheduleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCommand.class);

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--jobs-dir", paramLabel = "DIR", description = "Directory of the job files (default: $KPI_JOBS_DIR or ./jobs).")
    Path jobsDir;

    @Override
    public Integer call() {
        Path dir = jobsDir != null ? jobsDir : Path.of(System.getenv().getOrDefault("KPI_JOBS_DIR", "jobs"));
        List<Path> files = jobFiles(dir);
        JobDefinitionLoader loader = new JobDefinitionLoader();
        List<JobDefinition> defs = new ArrayList<>();
        Map<JobDefinition, Path> fileOf = new IdentityHashMap<>();
        for (Path f : files) {
            JobDefinition d = loader.load(f);             // a bad file stops the scheduler at start (exit 6)
            defs.add(d);
            fileOf.put(d, f);
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        if (defs.stream().allMatch(d -> d.nextRun(now) == null)) {
            announce(defs, now, out);
            out.println("schedule: no job has a next start");
            out.println("schedule: stopped");
            out.flush();
            return ExitCode.OK.code();
        }
        JobScheduler scheduler = new JobScheduler(defs, (d, at) -> runOne(fileOf.get(d), d, at, out));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            scheduler.stop();                             // waits for the run in progress
            try {
                finished.await(1, TimeUnit.MINUTES);      // lets the command print its last line
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kpi-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // announced only once the stop hook is in place: a SIGTERM right after "next at" still ends with "stopped"
        announce(defs, now, out);
        try {
            scheduler.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.stop();
        } finally {
            out.println("schedule: stopped");
            out.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us
            }
        }
        return ExitCode.OK.code();
    }

    private static void announce(List<JobDefinition> defs, Instant now, PrintWriter out) {
        for (JobDefinition d : defs) {
            out.printf("schedule: %s (%s UTC) next at %s%n", d.name(), d.schedule(), d.nextRun(now));
        }
        out.flush();
    }

    private void runOne(Path file, JobDefinition def, Instant at, PrintWriter out) {
        String result;
        try (ConfigurableApplicationContext ctx = RunContexts.start(common)) {
            JobRunner.Outcome outcome = ctx.getBean(JobRunner.class).run(new JobRunner.Request(file, List.of(), def, null,
                    at, null, null, false));
            try {
                RunContexts.report(ctx, outcome, out);
                result = "exit 0 (OK)";
            } catch (KpiException e) {
                result = "exit " + e.exitCode().code() + " (" + e.exitCode() + "): " + e.getMessage();
            }
        } catch (KpiException e) {
            result = "exit " + e.exitCode().code() + " (" + e.exitCode() + "): " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("scheduled run of {} failed", def.name(), e);
            result = "exit 1 (FAILED): " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        out.printf("schedule: %s at %s: %s%n", def.name(), at, result.replaceAll("[\\r\\n\\t]+", " "));
        out.flush();
        LOG.info("scheduled run of {} at {}: {}", def.name(), at, result);
    }

    static List<Path> jobFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.yml")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new KpiException(ExitCode.BAD_CONFIG, "cannot list the jobs directory " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new KpiException(ExitCode.BAD_CONFIG, "no job files (*.yml) in " + dir);
        }
        files.sort(null);
        return files;
    }
}
