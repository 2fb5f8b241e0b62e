package com.logisticskpi.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import com.logisticskpi.jobs.JobDefinition;
import com.logisticskpi.jobs.JobDefinitionLoader;
import com.logisticskpi.jobs.run.JobRunner;

/**
 * {@code kpi run jobs/nightly.yml [--date DATE] [--as-of INSTANT] [--inbox DIR] [--out DIR] [--set key=value]...
 * [--rerun]}: ingest -> compute -> report -> deliver -> archive as one Spring Batch job (docs/operations.md).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a job file (jobs/nightly.yml, weekly.yml, monthly.yml): ingests every new export in the inbox, "
                + "computes the KPIs of the period, writes the workbook, mails it and archives the inbox files.",
                "A completed period is refused (exit 3) unless --rerun; a failed or killed run is resumed by running the "
                        + "same command again."})
public class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOptions progressOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB_FILE", description = "The job file, e.g. jobs/nightly.yml.")
    Path jobFile;

    @Option(names = "--date", paramLabel = "DATE",
            description = "Business date (any date of the period for weekly/monthly); default: from --as-of and the job's business-date rule.")
    String date;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "The instant treated as now (2026-11-23T06:00:00+08:00 or ...Z); default: the start. Fixed at the first launch, reused on resume.")
    String asOf;

    @Option(names = "--inbox", paramLabel = "DIR", description = "Inbox directory instead of the job's inbox.")
    Path inbox;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory instead of the job's out-dir (the run writes into DIR/<period>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one job setting for this run (repeatable), e.g. --set smtp.host=mail2.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--rerun", description = "Runs a completed period again as a new job instance (identifying parameter rerun=1, 2, ...).")
    boolean rerun;

    @Override
    public Integer call() {
        LocalDate businessDate = date == null ? null : parseDate(date);
        Instant instant = asOf == null ? null : parseInstant(asOf);
        JobDefinition def = new JobDefinitionLoader().load(jobFile, sets);
        // every option is checked before anything starts or is stored
        if (inbox != null && !java.nio.file.Files.isDirectory(inbox)) {
            throw new com.logisticskpi.base.KpiException(com.logisticskpi.base.ExitCode.USAGE,
                    "--inbox " + inbox + " is not a directory");
        }
        if (out != null && java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new com.logisticskpi.base.KpiException(com.logisticskpi.base.ExitCode.USAGE,
                    "--out " + out + " exists and is not a directory");
        }
        try (ConfigurableApplicationContext ctx = RunContexts.start(common, progressOptions.toProperties())) {
            JobRunner runner = ctx.getBean(JobRunner.class);
            JobRunner.Outcome outcome = runner.run(new JobRunner.Request(jobFile, sets, def, businessDate, instant,
                    inbox, out, rerun));
            return RunContexts.report(ctx, outcome, spec.commandLine().getOut());
        }
    }

    static LocalDate parseDate(String s) {
        return OptionValues.date("--date", s);
    }

    static Instant parseInstant(String s) {
        return OptionValues.instant("--as-of", s);
    }
}
