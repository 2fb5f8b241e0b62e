package com.logisticskpi.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * The {@code kpi} command: the process entry point. Every subcommand prints a one-line reason on failure
 * and exits non-zero (see {@link ExitCode}); {@code --help} works on every command without a database.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true, version = "logistics-kpi 0.1.0",
        description = "Logistics-service KPI pipeline: loads order, shipment, return and survey exports, "
                + "computes the service KPIs and writes the managers' workbooks.",
        subcommands = {
                CommandLine.HelpCommand.class,
                com.logisticskpi.sample.SampleDataGenerator.class,
                com.logisticskpi.cli.IngestCommand.class,
                com.logisticskpi.cli.HistoryCommand.class,
                com.logisticskpi.cli.RecomputeCommand.class,
                com.logisticskpi.cli.ReportCommand.class,
                com.logisticskpi.cli.ExplainCommand.class,
                com.logisticskpi.cli.RunCommand.class,
                com.logisticskpi.cli.RestartCommand.class,
                com.logisticskpi.cli.ScheduleCommand.class,
                com.logisticskpi.cli.WorkerCommand.class,
                RestatementsCommand.class,
        })
public class KpiCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests without exiting the JVM). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new KpiCli());
        cli.setExecutionExceptionHandler(KpiCli::handleFailure);
        return cli.execute(args);
    }

    private static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        KpiException known = findKpiException(e);
        if (known != null) {
            err.println("kpi " + cmd.getCommandName() + ": " + oneLine(known.getMessage()));
            err.flush();
            return known.exitCode().code();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        org.slf4j.LoggerFactory.getLogger(KpiCli.class).error("command failed", e);
        err.println("kpi " + cmd.getCommandName() + ": failed: " + oneLine(root.getClass().getSimpleName() + ": " + root.getMessage()));
        err.flush();
        return ExitCode.FAILED.code();
    }

    private static KpiException findKpiException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KpiException k) {
                return k;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
