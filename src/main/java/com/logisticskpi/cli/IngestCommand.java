package com.logisticskpi.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.QualityTable;
import com.logisticskpi.jobs.progress.IngestProgress;
import com.logisticskpi.jobs.progress.ProgressReporter;
import com.logisticskpi.jobs.ingest.IngestJobRunner;

/** {@code kpi ingest --inbox DIR}: runs the ingest job and prints the data-quality table. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads the order, shipment, return and survey exports of an inbox directory "
                + "(one transaction per file) and prints per-file data quality.",
                "Exit 0 when every file loaded or was already loaded, 1 when a file failed (the others still load)."})
public class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "Directory holding the export files.")
    Path inbox;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(inbox)) {
            throw new KpiException(ExitCode.FAILED, "inbox " + inbox + " is not a directory");
        }
        try (ConfigurableApplicationContext ctx = AppContext.start(common, progressOptions.toProperties())) {
            IngestJobRunner runner = ctx.getBean(IngestJobRunner.class);
            IngestService service = ctx.getBean(IngestService.class);
            IngestJobRunner.Outcome outcome;
            // one writer at a time per data directory / database (ingest, recompute, run, restart)
            try (com.logisticskpi.jobs.RunLock.Held writes = ctx.getBean(com.logisticskpi.jobs.RunLock.class)
                    .acquireWrites("ingest");
                 ProgressReporter reporter = CommandProgress.reporter(ctx);
                 IngestProgress progress = IngestProgress.open(reporter, "ingest", service, service.plan(inbox))) {
                ctx.getBean(com.logisticskpi.jobs.LeftoverCleanup.class).clean("ingest"); // a killed load's rows
                outcome = runner.run(inbox, ctx.getBean(AppProperties.class).zone());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("ingest job execution " + outcome.jobExecutionId() + ": " + outcome.status());
            out.print(QualityTable.render(outcome.summary().files()));
            for (String skipped : service.skipped(inbox)) {
                out.println("not loaded: " + skipped);
            }
            out.flush();
            if (!outcome.succeeded()) {
                throw new KpiException(ExitCode.FAILED, outcome.failure() != null ? outcome.failure()
                        : "ingest job execution " + outcome.jobExecutionId() + " ended " + outcome.status());
            }
            return ExitCode.OK.code();
        }
    }
}
