package com.logisticskpi.jobs.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.delivery.DigestRow;
import com.logisticskpi.delivery.KpiWhy;
import com.logisticskpi.delivery.MailDigest;
import com.logisticskpi.delivery.MailDigestBuilder;
import com.logisticskpi.ingest.DataQualityRepository;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.ingest.QualityTable;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.service.ReportKpis;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportKind;

/**
 * The short summary a run prints: the data-quality table of the files it ingested, the headline KPIs of its period
 * (business-wide; the lead comparison of the report kind with the same KPIs, names and texts as the mail digest and
 * the workbook's Summary, in the job's language), where the workbook is, what delivery and archiving did, and the run's log file.
 */
@Component
public class RunSummary {

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

    private com.logisticskpi.kpi.restate.RestatementFinder restatements;

    /** The figures of earlier reports the run changed: the summary says how many, under the headline KPIs. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setRestatements(com.logisticskpi.kpi.restate.RestatementFinder restatements) {
        this.restatements = restatements;
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
        RunState state = RunState.of(execution);
        if (state.hasFinishedRun()) {
            PeriodType type = run.period().type();
            ReportKpis kpis = kpiService.reportOfRun(state.finishedRunId(), run.period().lastDate());
            ReportKind kind = ReportKind.forTemplate(run.definition().template(), type);
            Messages messages = new Messages(run.definition().locale());
            var request = new MailDigestBuilder.Request(kind, run.period().lastDate(), run.asOf(), run.zone(), messages,
                    run.definition().subjectFor(run.period()), kpis.runId());
            int restated = restatements == null || state.workbook().isEmpty() ? 0
                    : restatements.of(kpis.runId()).size();
            MailDigest digest = new MailDigestBuilder(KpiWhy.NONE, null).restated(restated)
                    .build(request, kpis, engine.effectiveTargets(), null);
            out.println();
            out.printf("headline KPIs %s (kpi run %d):%n", kpis.period(type), kpis.runId());
            out.println("  " + digest.comparison());
            for (DigestRow row : digest.rows()) {
                out.println(headlineLine(row));
            }
            if (!digest.restated().isEmpty()) {
                out.println("  " + digest.restated());
            }
        }
        out.println();
        state.workbook().ifPresent(wb -> {
            out.println("workbook: " + wb);
            out.println("files:    " + wb.getParent() + " (charts/, kpi-values.csv, orders-outcome.csv)");
        });
        state.delivery().ifPresent(s -> out.println("delivery: " + s));
        state.archive().ifPresent(s -> out.println("archive:  " + s));
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

    /**
     * One headline KPI as the mail and the workbook's Summary name it:
     * {@code   On-time rate (on_time_rate)          94.1 %  Off target  target ≥ 95.0 %  +1.8 pt vs 2026-W46}.
     */
    static String headlineLine(DigestRow row) {
        StringBuilder b = new StringBuilder("  ");
        b.append(pad(row.name() + " (" + row.kpi().id() + ")", 44)).append(' ');
        b.append(" ".repeat(Math.max(0, 10 - width(row.value())))).append(row.value());
        b.append("  ").append(pad(row.statusWord(), 10));
        for (String part : new String[]{row.target(), row.change()}) {
            if (!part.isEmpty()) {
                b.append("  ").append(part);
            }
        }
        return b.toString().stripTrailing();
    }

    /** Pads to a terminal width where a CJK character takes two columns. */
    static String pad(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - width(s)));
    }

    static int width(String s) {
        return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
    }
}
