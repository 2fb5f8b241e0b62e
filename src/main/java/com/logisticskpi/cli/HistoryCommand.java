package com.logisticskpi.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.history.JobHistoryRepository;
import com.logisticskpi.history.JobRun;

/** {@code kpi history [--limit N]}: recent job executions of every job, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists recent job executions (every job): id, job, status, start, duration, "
                + "rows read and written, identifying parameters; under an execution whose process ended, "
                + "what a later command cleaned up after it (a file load left RUNNING, a kpi run no restart resumes).")
public class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many executions (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new KpiException(ExitCode.USAGE, "--limit must be at least 1, was " + limit);
        }
        try (ConfigurableApplicationContext ctx = AppContext.start(common)) {
            JobHistoryRepository history = ctx.getBean(JobHistoryRepository.class);
            List<JobRun> runs = history.recent(limit);
            PrintWriter out = spec.commandLine().getOut();
            if (runs.isEmpty()) {
                out.println("no job executions yet");
            } else {
                out.printf("%6s  %-14s  %-10s  %-19s  %9s  %10s  %10s  %s%n", "id", "job", "status", "start",
                        "duration", "read", "written", "parameters");
                for (JobRun r : runs) {
                    out.printf("%6d  %-14s  %-10s  %-19s  %9s  %10d  %10d  %s%n", r.executionId(), r.jobName(),
                            r.status(), r.start() == null ? "-" : TIME.format(r.start()), duration(r.duration()),
                            r.readCount(), r.writeCount(), r.identifyingParameters());
                    // what the process of this execution left behind when it ended, and who cleaned it
                    for (String cleaned : history.cleanedAfter(r.executionId())) {
                        out.printf("%6s  left over, %s%n", "", cleaned);
                    }
                    // the kpi runs of the execution: FULL, INCREMENTAL or REBUILD, outcomes built (docs/kpi-engine.md)
                    for (String run : history.kpiRuns(r.executionId())) {
                        out.printf("%6s  %s%n", "", run);
                    }
                }
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }

    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
