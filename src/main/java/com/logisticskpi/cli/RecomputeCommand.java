package com.logisticskpi.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.recompute.RecomputeTasklet;
import com.logisticskpi.kpi.recompute.SliceValues;

/** {@code kpi recompute}: recomputes every KPI of the days, ISO weeks and months intersecting [--from, --to]. */
@Command(name = "recompute", mixinStandardHelpOptions = true,
        description = {"Recomputes every KPI for the days, ISO weeks and months that intersect --from..--to (each period "
                + "over its full extent) from the stored exports, and writes kpi-values.csv, kpi-drivers.csv and orders-outcome.csv."})
public class RecomputeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOptions progressOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First local date (yyyy-MM-dd).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last local date (yyyy-MM-dd).")
    String to;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "The instant treated as now (2026-11-12T00:00:00Z or 2026-11-12T00:00:00+08:00); default: now.")
    String asOf;

    @Option(names = "--slice", paramLabel = "NAME=VALUE",
            description = "Count only orders with this slice value, e.g. warehouse=SH01 (slices: warehouse, carrier, region, channel, segment).")
    String slice;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: <data-dir>/out/recompute-<from>_<to>, "
            + "a sliced run its subfolder slice-<name>-<value>).")
    Path out;

    @Override
    public Integer call() {
        Instant launchedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // taken once, passed as a job parameter
        LocalDate fromDate = date("--from", from);
        LocalDate toDate = date("--to", to);
        if (toDate.isBefore(fromDate)) {
            throw new KpiException(ExitCode.USAGE, "--to " + toDate + " is before --from " + fromDate);
        }
        Instant asOfInstant = asOf == null ? launchedAt : instant(asOf);
        SliceFilter filter;
        try {
            filter = SliceFilter.parse(slice);
        } catch (IllegalArgumentException e) {
            throw new KpiException(ExitCode.USAGE, "--slice: " + e.getMessage());
        }
        try (ConfigurableApplicationContext ctx = AppContext.start(common, progressOptions.toProperties())) {
            AppProperties app = ctx.getBean(AppProperties.class);
            ZoneId zone = app.zone();
            Path outDir = (out != null ? out : defaultOut(app.dataDir(), fromDate, toDate, filter)).toAbsolutePath().normalize();
            // one writer at a time per data directory / database (ingest, recompute, run, restart); held to the end
            com.logisticskpi.jobs.RunLock.Held writes = ctx.getBean(com.logisticskpi.jobs.RunLock.class)
                    .acquireWrites("recompute " + fromDate + ".." + toDate);
            ctx.addApplicationListener((org.springframework.context.ApplicationListener<
                    org.springframework.context.event.ContextClosedEvent>) e -> writes.close());
            ctx.getBean(com.logisticskpi.jobs.LeftoverCleanup.class).clean("recompute " + fromDate + ".." + toDate);
            // the data version is part of the identity: the same range and as-of over newer data runs again
            long dataVersion = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT COALESCE(MAX(file_id), 0) FROM ingest_file WHERE status = 'LOADED'", Long.class);
            JobParameters params = new JobParametersBuilder()
                    .addLong(RecomputeTasklet.P_DATA_VERSION, dataVersion)
                    .addString(RecomputeTasklet.P_FROM, fromDate.toString())
                    .addString(RecomputeTasklet.P_TO, toDate.toString())
                    .addString(RecomputeTasklet.P_AS_OF, asOfInstant.toString())
                    .addString(RecomputeTasklet.P_SLICE, filter == null ? "" : filter.toString())
                    .addString(RecomputeTasklet.P_ZONE, zone.getId())
                    .addString(RecomputeTasklet.P_OUT, outDir.toString(), false)
                    .toJobParameters();
            JobExecution execution;
            // prepare (time only), outcomes (candidate orders built of those selected), figures (time only)
            try (var reporter = CommandProgress.reporter(ctx);
                 var progress = com.logisticskpi.jobs.progress.OutcomeProgress.openFramed(reporter,
                         ctx.getBean(com.logisticskpi.kpi.engine.KpiEngine.class))) {
                execution = ctx.getBean(JobOperator.class).start(ctx.getBean("recomputeJob", Job.class), params);
            } catch (JobInstanceAlreadyCompleteException e) {
                throw new KpiException(ExitCode.ALREADY_COMPLETE, "recompute " + fromDate + ".." + toDate + " as of "
                        + asOfInstant + " already completed over the same data (no file loaded since); pass another --as-of to "
                        + "recompute anyway");
            } catch (JobExecutionAlreadyRunningException e) {
                throw new KpiException(ExitCode.LOCKED, "recompute " + fromDate + ".." + toDate + " is already running");
            } catch (Exception e) {
                throw new KpiException(ExitCode.FAILED, "recompute could not start: " + e.getMessage(), e);
            }
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                // the failing worker step's own exception first (a partitioned step's manager only says that a
                // partition failed), then the job's
                List<Throwable> failures = new java.util.ArrayList<>();
                for (var step : execution.getStepExecutions()) {
                    for (Throwable t : step.getFailureExceptions()) {
                        if (!(t instanceof org.springframework.batch.core.job.JobExecutionException)) {
                            failures.add(t);
                        }
                    }
                }
                failures.addAll(execution.getAllFailureExceptions());
                for (Throwable f : failures) {
                    for (Throwable c = f; c != null; c = c.getCause() == c ? null : c.getCause()) {
                        if (c instanceof SliceValues.UnknownSliceValueException unknown) {
                            throw new KpiException(ExitCode.USAGE, "--slice: " + unknown.getMessage());
                        }
                    }
                }
                String why = failures.isEmpty() ? String.valueOf(execution.getExitStatus()) : rootMessage(failures.get(0));
                throw new KpiException(ExitCode.FAILED, "recompute " + fromDate + ".." + toDate + " failed: " + why);
            }
            var state = new com.logisticskpi.kpi.service.KpiRunState(execution.getExecutionContext());
            spec.commandLine().getOut().printf("kpi recompute: %s..%s as of %s (%s)%s: %d figures, %d orders, kpi run %d%n"
                            + "  %s%n  %s%n  %s%n", fromDate, toDate, asOfInstant, zone.getId(),
                    filter == null ? "" : ", only " + filter, state.figures(), state.orders(), state.finishedRunId(),
                    outDir.resolve("kpi-values.csv"), outDir.resolve("kpi-drivers.csv"), outDir.resolve("orders-outcome.csv"));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
    }

    /**
     * {@code <data-dir>/out/recompute-<from>_<to>}; a sliced run gets its own folder inside it,
     * {@code slice-<name>-<value>} with the value URL-encoded (UTF-8) so that any value is a safe folder name
     * ({@code slice-region-%E5%8D%8E%E5%8D%97} for 华南).
     */
    static Path defaultOut(Path dataDir, LocalDate from, LocalDate to, SliceFilter filter) {
        Path base = dataDir.resolve("out").resolve("recompute-" + from + "_" + to);
        if (filter == null) {
            return base;
        }
        String value = java.net.URLEncoder.encode(filter.value(), java.nio.charset.StandardCharsets.UTF_8).replace("*", "%2A");
        return base.resolve("slice-" + filter.slice().label() + "-" + value);
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName() + ": " + r.getMessage();
    }

    private static LocalDate date(String option, String text) {
        return OptionValues.date(option, text);
    }

    /** An ISO instant (…Z) or an offset date-time (…+08:00); truncated to microseconds. */
    static Instant instant(String text) {
        return OptionValues.instant("--as-of", text);
    }
}
