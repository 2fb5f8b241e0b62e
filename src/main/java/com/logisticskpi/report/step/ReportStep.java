package com.logisticskpi.report.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.base.TaskletSteps;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.kpi.output.OrdersOutcomeCsv;
import com.logisticskpi.kpi.output.OutputProperties;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.store.KpiRunRepository;
import com.logisticskpi.report.OutputPaths;
import com.logisticskpi.report.ReportFiles;
import com.logisticskpi.report.ReportInputProvider;
import com.logisticskpi.report.ReportKind;
import com.logisticskpi.report.input.EngineReportInputProvider;
import com.logisticskpi.report.workbook.ReportWriter;

/**
 * The report step of a report job: writes the run's outputs into its output directory, each file atomically
 * (temporary file in the same directory, then an atomic move): the workbook and {@code charts/*.png}
 * ({@link ReportWriter} fed by the {@link ReportInputProvider}, which also writes {@code kpi-values.csv},
 * {@code orders-outcome.csv} and the exceptions CSV beside it); should a provider not write the two CSVs, they are
 * written from the compute step's KPI run ({@link ReportRunState#finishedRunId}). The workbook and chart paths go into
 * the job's {@link ReportRunState} for the deliver step (also after a restart), the list of written files into the
 * directory's {@link RunManifest}. Its progress is the sheets written ({@link ReportWriter#listen}).
 */
@Component
public class ReportStep {

    private static final Logger LOG = LoggerFactory.getLogger(ReportStep.class);

    private final JobRepository jobRepository;
    private final ObjectProvider<ReportInputProvider> providers;
    private final ReportWriter writer;
    private final KpiService kpiService;
    private final KpiRunRepository runs;
    private final boolean rawCsv;

    public ReportStep(JobRepository jobRepository, ObjectProvider<ReportInputProvider> providers, ReportWriter writer,
                      KpiService kpiService, KpiRunRepository runs, OutputProperties output) {
        this.jobRepository = jobRepository;
        this.providers = providers;
        this.writer = writer;
        this.kpiService = kpiService;
        this.runs = runs;
        this.rawCsv = output.rawCsv();
    }

    /** The step {@code name}, reading its {@link ReportStepInput} from the job execution through {@code inputOf}. */
    public Step step(String name, Function<JobExecution, ReportStepInput> inputOf, StepExecutionListener... listeners) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
            int files = write(inputOf.apply(job), ReportRunState.of(job));
            contribution.incrementWriteCount(files);
            return RepeatStatus.FINISHED;
        };
        return TaskletSteps.of(name, jobRepository, tasklet, listeners);
    }

    /** Writes the report of {@code in} and records it in {@code state}; the workbook and charts written. */
    int write(ReportStepInput in, ReportRunState state) throws IOException {
        long runId = state.finishedRunId();
        Path out = in.outDir();
        Files.createDirectories(out);

        ReportInputProvider provider = providers.getIfAvailable();
        if (provider == null) {
            throw new KpiException(ExitCode.FAILED, "no ReportInputProvider bean: the KPI engine is not wired to the report");
        }
        var request = new ReportInputProvider.Request(in.date(), in.asOf(), in.zone(), in.locale(), out, runId);
        ReportKind kind = ReportKind.forTemplate(in.template(), in.periodType());
        Path templateFile = ReportKind.templateFile(in.template());
        ReportFiles files = provider.withInput(request, input -> writer.write(input, out, kind, templateFile));
        state.reported(files.workbook(), files.charts());
        // The provider writes kpi-values.csv and orders-outcome.csv beside the workbook (from its engine run with the
        // same as_of, so the same figures); when it does not, they are written from this run's compute step.
        List<KpiValue> values = kpiService.values(runId);
        if (!Files.exists(out.resolve("kpi-values.csv"))) {
            OutputPaths.replaceAtomically(out.resolve("kpi-values.csv"), tmp -> KpiValuesCsv.write(tmp, values, null, rawCsv));
        }
        if (!Files.exists(out.resolve("orders-outcome.csv"))) {
            OutputPaths.replaceAtomically(out.resolve("orders-outcome.csv"),
                    tmp -> OrdersOutcomeCsv.write(tmp, runs, runId, in.zone(), null, rawCsv));
        }
        recordOutputs(out, files, in.date());
        LOG.info("report: {} with {} charts, kpi-values.csv, orders-outcome.csv in {}", files.workbook().getFileName(),
                files.charts().size(), out);
        return 1 + files.charts().size();
    }

    /** The manifest of what this run wrote into {@code out} (retention deletes only listed files). */
    static void recordOutputs(Path out, ReportFiles files, LocalDate date) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(files.workbook());
        written.addAll(files.charts());
        for (String name : List.of("kpi-values.csv", "kpi-drivers.csv", "orders-outcome.csv",
                EngineReportInputProvider.exceptionsCsvName(date))) {
            if (Files.isRegularFile(out.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                written.add(out.resolve(name));
            }
        }
        Path base = out.toRealPath();
        List<Path> inside = new ArrayList<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path f : written) {
            Path real = f.getParent().toRealPath().resolve(f.getFileName());
            inside.add(real);
            if (!real.getParent().equals(base)) {
                dirs.add(real.getParent());                // charts/
            }
        }
        RunManifest.write(base, inside, List.copyOf(dirs));
    }
}
