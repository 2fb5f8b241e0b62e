package com.logisticskpi.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.jobs.Retention;
import com.logisticskpi.jobs.RunManifest;
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
import com.logisticskpi.report.workbook.ReportWriter;

/**
 * Writes the run's outputs into its output directory, each file atomically (temporary file in the same directory,
 * then an atomic move): the workbook and {@code charts/*.png} ({@link ReportWriter} fed by the
 * {@link ReportInputProvider}, which also writes {@code kpi-values.csv}, {@code orders-outcome.csv} and the exceptions
 * CSV beside it); should a provider not write the two CSVs, they are written from the compute step's KPI run.
 * The workbook and chart paths go into the job execution context for the deliver step (also after a restart).
 */
@Component
public class ReportTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ReportTasklet.class);

    private final ObjectProvider<ReportInputProvider> providers;
    private final ReportWriter writer;
    private final KpiService kpiService;
    private final KpiRunRepository runs;
    private final StepProgress progress;
    private final boolean rawCsv;

    public ReportTasklet(ObjectProvider<ReportInputProvider> providers, ReportWriter writer, KpiService kpiService,
                         KpiRunRepository runs, StepProgress progress, OutputProperties output) {
        this.rawCsv = output.rawCsv();
        this.providers = providers;
        this.writer = writer;
        this.kpiService = kpiService;
        this.runs = runs;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
        RunState state = RunState.of(job);
        long runId = state.finishedRunId();
        Path out = run.outDir();
        Files.createDirectories(out);

        ReportInputProvider provider = providers.getIfAvailable();
        if (provider == null) {
            throw new KpiException(ExitCode.FAILED, "no ReportInputProvider bean: the KPI engine is not wired to the report");
        }
        var request = new ReportInputProvider.Request(run.period().lastDate(), run.asOf(), run.zone(),
                run.definition().locale(), out, runId);
        ReportKind kind = ReportKind.forTemplate(run.definition().template(), run.period().type());
        Path templateFile = ReportKind.templateFile(run.definition().template());
        ReportFiles files = provider.withInput(request, input -> writer.write(input, out, kind, templateFile));
        state.reported(files.workbook(), files.charts());
        // The provider writes kpi-values.csv and orders-outcome.csv beside the workbook (from its engine run with the
        // same as_of, so the same figures); when it does not, they are written from this run's compute step.
        List<KpiValue> values = kpiService.values(runId);
        if (!Files.exists(out.resolve("kpi-values.csv"))) {
            OutputPaths.replaceAtomically(out.resolve("kpi-values.csv"), tmp -> KpiValuesCsv.write(tmp, values, null, rawCsv));
        }
        long[] orders = {0};
        if (!Files.exists(out.resolve("orders-outcome.csv"))) {
            OutputPaths.replaceAtomically(out.resolve("orders-outcome.csv"),
                    tmp -> orders[0] = OrdersOutcomeCsv.write(tmp, runs, runId, run.zone(), null, rawCsv));
        }
        recordOutputs(out, files, run.period().lastDate());
        progress.advance(step, values.size() + orders[0]);
        contribution.incrementWriteCount(1 + files.charts().size());
        LOG.info("report: {} with {} charts, kpi-values.csv, orders-outcome.csv in {}", files.workbook().getFileName(),
                files.charts().size(), out);
        return RepeatStatus.FINISHED;
    }

    /**
     * The manifest of what this run wrote into {@code out} ({@link Retention}: only listed files are ever deleted).
     */
    static void recordOutputs(Path out, ReportFiles files, java.time.LocalDate date) throws IOException {
        List<Path> written = new java.util.ArrayList<>();
        written.add(files.workbook());
        written.addAll(files.charts());
        for (String name : List.of("kpi-values.csv", "kpi-drivers.csv", "orders-outcome.csv",
                com.logisticskpi.report.input.EngineReportInputProvider.exceptionsCsvName(date))) {
            if (Files.isRegularFile(out.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                written.add(out.resolve(name));
            }
        }
        Path base = out.toRealPath();
        List<Path> inside = new java.util.ArrayList<>();
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
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
