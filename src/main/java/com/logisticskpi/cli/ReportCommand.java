package com.logisticskpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.report.ReportFiles;
import com.logisticskpi.report.ReportInputProvider;
import com.logisticskpi.report.ReportKind;
import com.logisticskpi.report.template.TemplateException;
import com.logisticskpi.report.workbook.ReportWriter;

/**
 * {@code kpi report --date DATE [--as-of INSTANT] [--out DIR] [--locale zh-CN] [--template weekly]}: writes the
 * manager's workbook.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the managers' workbook kpi-report_<period>.xlsx and its chart PNGs for a business date.")
public class ReportCommand implements Callable<Integer> {

    /** The languages that ship (message bundles report_en, report_zh_CN). */
    public static final List<String> LOCALES = List.of("en", "zh-CN");

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOptions progressOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "DATE", description = "Business date, e.g. 2026-11-12.")
    String date;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "The instant treated as now, e.g. 2026-11-12T22:00:00Z (default: the run's start).")
    String asOf;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: <data-dir>/reports).")
    Path out;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "en", description = "en (default) or zh-CN.")
    String locale;

    @Option(names = "--template", paramLabel = "KIND", defaultValue = "daily",
            description = "daily (default), weekly or monthly: what the Summary leads with and the file name "
                    + "(kpi-report_2026-11-22.xlsx, kpi-report_2026-W47.xlsx, kpi-report_2026-11.xlsx).")
    String template;

    @Override
    public Integer call() {
        LocalDate businessDate = parseDate(date);
        ReportKind kind = ReportKind.ofKey(template);
        if (kind == null) {
            throw new KpiException(ExitCode.USAGE, "--template '" + template + "' is not supported (daily, weekly, monthly)");
        }
        Instant instant = asOf == null ? Instant.now() : parseInstant(asOf);
        Locale lang = parseLocale(locale);
        try (var ctx = AppContext.start(common, progressOptions.toProperties())) {
            AppProperties app = ctx.getBean(AppProperties.class);
            ReportInputProvider provider = ctx.getBeanProvider(ReportInputProvider.class).getIfAvailable();
            if (provider == null) {
                throw new KpiException(ExitCode.FAILED, "no ReportInputProvider bean: the KPI engine is not wired to the report");
            }
            ReportWriter writer = ctx.getBean(ReportWriter.class);
            Path outDir = (out != null ? out : app.dataDir().resolve("reports")).toAbsolutePath().normalize();
            var request = new ReportInputProvider.Request(businessDate, instant, app.zone(), lang, outDir);
            ReportFiles files;
            // the report's KPI run (prepare, outcomes in orders, figures), then the workbook (sheets)
            try (var reporter = CommandProgress.reporter(ctx);
                 var outcomes = com.logisticskpi.jobs.progress.OutcomeProgress.openFramed(reporter,
                         ctx.getBean(com.logisticskpi.kpi.engine.KpiEngine.class));
                 var sheets = com.logisticskpi.jobs.progress.SheetProgress.open(reporter, "workbook", writer)) {
                files = provider.withInput(request, input -> {
                    outcomes.close(); // the figures are read: the outcomes phase is over
                    return writer.write(input, outDir, kind, null);
                });
            } catch (TemplateException e) {
                throw new KpiException(ExitCode.BAD_CONFIG, e.getMessage(), e);
            } catch (IOException e) {
                throw new KpiException(ExitCode.FAILED, "cannot write the report for " + businessDate + " to " + outDir
                        + ": " + e.getMessage(), e);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("report " + businessDate + ": " + files.workbook() + " (" + files.charts().size() + " charts in "
                    + files.workbook().resolveSibling("charts") + ")");
            o.flush();
            return ExitCode.OK.code();
        }
    }

    static LocalDate parseDate(String s) {
        return OptionValues.date("--date", s);
    }

    static Instant parseInstant(String s) {
        return OptionValues.instant("--as-of", s);
    }

    static Locale parseLocale(String s) {
        String tag = s.replace('_', '-');
        for (String known : LOCALES) {
            if (known.equalsIgnoreCase(tag)) {
                return Locale.forLanguageTag(known);
            }
        }
        throw new KpiException(ExitCode.USAGE, "--locale '" + s + "' is not supported (" + String.join(", ", LOCALES) + ")");
    }
}
