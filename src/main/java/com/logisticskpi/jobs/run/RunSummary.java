package com.logisticskpi.jobs.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.DataQualityRepository;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.ingest.QualityTable;
import com.logisticskpi.kpi.KpiService;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.ReportKpis;
import com.logisticskpi.kpi.engine.KpiEngineProperties;

/**
 * The short summary a run prints: the data-quality table of the files it ingested, the headline KPIs of its period
 * (business-wide), where the workbook is, what delivery and archiving did, and the run's log file.
 */
@Component
public class RunSummary {

    /** The KPIs shown in the summary, in this order. */
    static final List<String> HEADLINE = List.of("on_time_rate", "order_accuracy", "damage_rate", "perfect_order_rate",
            "cycle_hours_mean", "return_rate", "csi", "nps");

    /** Up to this many files the table lists every file; above, one line per kind plus the files with rejects. */
    static final int FULL_TABLE_FILES = 16;

    private final JobRepository jobRepository;
    private final DataQualityRepository quality;
    private final KpiService kpiService;
    private final KpiEngineProperties engine;
    private final AppProperties app;
    private final com.logisticskpi.ingest.IngestService ingest;

    public RunSummary(JobRepository jobRepository, DataQualityRepository quality, KpiService kpiService,
                      KpiEngineProperties engine, AppProperties app, com.logisticskpi.ingest.IngestService ingest) {
        this.ingest = ingest;
        this.jobRepository = jobRepository;
        this.quality = quality;
        this.kpiService = kpiService;
        this.engine = engine;
        this.app = app;
    }

    public void print(JobExecution execution, PrintWriter out) {
        RunParameters.Run run = RunParameters.Run.of(execution.getJobParameters());
        out.printf("%s %s (execution %d): %s%n", run.definition().name(), run.period().label(), execution.getId(),
                execution.getStatus());
        // every execution of this run (a resumed run has several), oldest first; per file the latest outcome, except
        // that "SKIPPED, already loaded" by a resume does not hide the load itself
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        executions.sort(java.util.Comparator.comparing(JobExecution::getId));
        java.util.Map<String, FileResult> byName = new java.util.LinkedHashMap<>();
        for (JobExecution e : executions) {
            for (FileResult f : quality.forJobExecution(e.getId())) {
                FileResult before = byName.get(f.fileName());
                if (before == null || !"SKIPPED".equals(f.status()) || "FAILED".equals(before.status())) {
                    byName.put(f.fileName(), f);
                }
            }
        }
        List<FileResult> files = new ArrayList<>(byName.values());
        if (!files.isEmpty()) {
            out.println();
            out.println("data quality (" + run.inbox() + "):");
            out.print(files.size() <= FULL_TABLE_FILES ? QualityTable.render(files) : byKind(files));
        }
        for (String skipped : ingest.skipped(run.inbox())) {
            out.println("not loaded: " + skipped);     // links, files still being written, names matching no pattern
        }
        var ctx = execution.getExecutionContext();
        if (ctx.containsKey(ComputeTasklet.RUN_ID)) {
            PeriodType type = run.period().type();
            ReportKpis kpis = kpiService.reportOfRun(ctx.getLong(ComputeTasklet.RUN_ID), run.period().lastDate());
            out.println();
            out.printf("headline KPIs %s (kpi run %d):%n", kpis.period(type), kpis.runId());
            for (String kpi : HEADLINE) {
                Optional<KpiValue> v = kpis.current(type, kpi);
                KpiTarget t = engine.effectiveTargets().get(kpi);
                String value = v.map(x -> format(x.value(), x.isShare())).orElse("–");
                String target = t == null || v.isEmpty() ? ""
                        : "  target " + (t.higherIsBetter() ? ">= " : "<= ") + format(t.target(), v.get().isShare()) + "  "
                        + t.status(v.get().value());
                out.printf("  %-20s %10s%s%n", kpi, value, target);
            }
        }
        out.println();
        if (ctx.containsKey(ReportTasklet.WORKBOOK)) {
            Path wb = Path.of(ctx.getString(ReportTasklet.WORKBOOK));
            out.println("workbook: " + wb);
            out.println("files:    " + wb.getParent() + " (charts/, kpi-values.csv, orders-outcome.csv)");
        }
        if (ctx.containsKey(DeliverTasklet.STATUS)) {
            out.println("delivery: " + ctx.getString(DeliverTasklet.STATUS));
        }
        if (ctx.containsKey(ArchiveTasklet.STATUS)) {
            out.println("archive:  " + ctx.getString(ArchiveTasklet.STATUS));
        }
        out.println("log:      " + RunLogListener.file(app.dataDir(), execution).toAbsolutePath().normalize());
        out.flush();
    }

    /** One line per kind (files, rows read, loaded, superseded, rejected, orphans), then every file with a problem. */
    static String byKind(List<FileResult> files) {
        java.util.Map<String, long[]> kinds = new java.util.LinkedHashMap<>();
        List<FileResult> problems = new ArrayList<>();
        for (FileResult f : files) {
            long[] t = kinds.computeIfAbsent(f.kind().label(), k -> new long[7]);
            t[0]++;
            t[1] += f.rowsRead();
            t[2] += f.rowsLoaded();
            t[3] += f.rowsSuperseded();
            t[4] += f.rowsRejected();
            t[5] += f.orphans();
            t[6] += f.failed() ? 1 : 0;
            if (f.failed() || f.rowsRejected() > 0) {
                problems.add(f);
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s %6s %9s %9s %10s %9s %8s %7s%n", "kind", "files",
                "read", "loaded", "superseded", "rejected", "orphans", "failed"));
        kinds.forEach((k, t) -> b.append(String.format(Locale.ROOT, "%-10s %6d %9d %9d %10d %9d %8d %7d%n", k, t[0], t[1],
                t[2], t[3], t[4], t[5], t[6])));
        if (!problems.isEmpty()) {
            b.append("files with rejected rows or failures:\n").append(QualityTable.render(problems));
        }
        return b.toString();
    }

    static String format(double v, boolean share) {
        if (share) {
            return String.format(Locale.ROOT, "%.1f %%", v * 100);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
