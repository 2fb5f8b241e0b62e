package com.logisticskpi.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.kpi.restate.ReportingRun;
import com.logisticskpi.kpi.restate.ReportingRuns;
import com.logisticskpi.kpi.restate.RestatementFinder;
import com.logisticskpi.kpi.restate.RestatementText;

/**
 * {@code kpi restatements [--since DATE]}: the figures of earlier reports that a later report changed (late
 * corrections), report by report, from the stored runs (nothing is recomputed). Without {@code --since}: those of the
 * latest report. docs/kpi-engine.md, "As reported and restatements".
 */
@Command(name = "restatements", mixinStandardHelpOptions = true,
        description = "Lists the figures of earlier reports that a later scheduled report changed (late corrections): "
                + "KPI, period, slice, value as reported, value now and the report that showed it. Reads the stored "
                + "runs; recomputes nothing.")
public class RestatementsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Every report of a business date on or after DATE, oldest first (default: the latest report).")
    String since;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate from = since == null ? null : OptionValues.date("--since", since);
        try (ConfigurableApplicationContext ctx = AppContext.start(common)) {
            ReportingRuns reports = ctx.getBean(ReportingRuns.class);
            RestatementFinder finder = ctx.getBean(RestatementFinder.class);
            List<ReportingRun> runs = from == null ? reports.latest().stream().toList() : reports.since(from);
            PrintWriter out = spec.commandLine().getOut();
            if (runs.isEmpty()) {
                out.println(from == null ? "no scheduled report yet" : "no scheduled report of a date since " + from);
            }
            for (ReportingRun run : runs) {
                out.print(RestatementText.render(run, finder.of(run.runId())));
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
