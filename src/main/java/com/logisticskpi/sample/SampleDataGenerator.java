package com.logisticskpi.sample;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * {@code kpi generate}: writes a realistic, deterministic set of the four exports (exports.md) into an inbox
 * directory, one file per kind and business date. The same options and seed always give byte-identical files.
 * Rows are streamed to disk: memory does not grow with the number of orders.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes deterministic sample exports (orders, shipments, returns, surveys, tickets) into an inbox directory.")
public class SampleDataGenerator implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Inbox directory to write the files to.")
    Path out;

    @Option(names = "--start-date", paramLabel = "DATE", required = true, description = "First business date, yyyy-MM-dd.")
    LocalDate startDate;

    @Option(names = "--days", paramLabel = "N", defaultValue = "28", description = "Number of business dates (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--orders-per-day", paramLabel = "N", defaultValue = "150", description = "Orders placed per day (default: ${DEFAULT-VALUE}).")
    int ordersPerDay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai", description = "Business time zone of the local times (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", description = "File encoding: UTF-8, GBK or GB18030 (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--gbk", description = "Shorthand for --encoding GBK.")
    boolean gbk;

    @Option(names = {"-v", "--verbose"}, description = "Also print how often each quirk was written.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The outcome of one generation. */
    public record Summary(int files, Map<ExportFileFormat, Long> rowsPerKind, int bomFiles, int crlfFiles, QuirkCounts quirks,
                          LocalDate driftWeekStart) {
    }

    @Override
    public Integer call() {
        GeneratorSettings settings = settings();
        Summary summary = generate(settings);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("kpi generate: %d files in %s (%s .. %s): %s rows%n", summary.files(), settings.out(),
                settings.startDate(), settings.endDate(), summary.rowsPerKind());
        w.printf("  %d files with BOM, %d with CRLF; drift week from %s%n", summary.bomFiles(), summary.crlfFiles(),
                summary.driftWeekStart() == null ? "(none: fewer than 21 days)" : summary.driftWeekStart());
        if (verbose) {
            summary.quirks().asMap().forEach((k, v) -> w.printf("  %-28s %d%n", k, v));
        }
        w.flush();
        return ExitCode.OK.code();
    }

    GeneratorSettings settings() {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new KpiException(ExitCode.USAGE, "unknown time zone '" + zone + "'");
        }
        Charset cs;
        try {
            cs = Charset.forName(gbk ? "GBK" : encoding);
        } catch (IllegalArgumentException e) {
            throw new KpiException(ExitCode.USAGE, "unknown encoding '" + encoding + "'");
        }
        try {
            return new GeneratorSettings(out, startDate, days, ordersPerDay, seed, z, cs);
        } catch (IllegalArgumentException e) {
            throw new KpiException(ExitCode.USAGE, e.getMessage());
        }
    }

    /** Generates the set described by {@code settings}; callable without the command line. */
    public static Summary generate(GeneratorSettings settings) {
        QuirkCounts quirks = new QuirkCounts();
        Catalog catalog = new Catalog(settings.seed(), settings.ordersPerDay());
        SplittableRandom random = new SplittableRandom(settings.seed());
        LocalDate drift;
        try (ExportFiles files = new ExportFiles(settings, new BadRowInjector(quirks))) {
            OrderSimulator simulator = new OrderSimulator(settings, catalog, files, quirks);
            drift = simulator.driftStart();
            for (LocalDate d = settings.startDate(); !d.isAfter(settings.endDate()); d = d.plusDays(1)) {
                files.closeBefore(d);
                simulator.inquiriesWithoutOrder(d, settings.ordersPerDay());
                for (int i = 0; i < settings.ordersPerDay(); i++) {
                    simulator.order(d, i, settings.ordersPerDay(), random);
                }
            }
            files.close();
            return new Summary(files.files(), files.rowsPerKind(), files.bomFiles(), files.crlfFiles(), quirks, drift);
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new SampleDataGenerator());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("kpi generate: " + e.getMessage());
            return e instanceof KpiException k ? k.exitCode().code() : ExitCode.FAILED.code();
        });
        System.exit(cli.execute(args));
    }
}
