package com.logisticskpi.jobs.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.logisticskpi.ingest.InboxFile;
import com.logisticskpi.ingest.IngestException;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.jobs.JobsProperties;
import com.logisticskpi.jobs.progress.IngestProgress;
import com.logisticskpi.jobs.progress.OutcomeProgress;
import com.logisticskpi.jobs.progress.ProgressReporter;
import com.logisticskpi.jobs.progress.SheetProgress;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.OutcomeListener;
import com.logisticskpi.report.workbook.ReportWriter;

/**
 * One {@link ProgressReporter} phase per step of the scheduled job ({@code kpi.jobs.progress}: a bar on a terminal,
 * a log line every {@code kpi.jobs.progress-interval} otherwise, a final line when the step ends). What a phase counts:
 * <ul>
 * <li>{@code ingest}: files of the inbox, rows read, bytes for the ETA ({@link IngestProgress});</li>
 * <li>{@code computeOutcomes}: candidate orders built of those the prepare step selected ({@link OutcomeProgress});</li>
 * <li>{@code report}: sheets of the workbook ({@link SheetProgress});</li>
 * <li>the other steps: their write count when they end (figures computed, files written, files archived), or rows
 * reported through {@link #advance}.</li>
 * </ul>
 * The steps are the features' and know nothing of this class: the jobs attach it as a listener when they compose them.
 * Feature events come from this process only: with remote workers a partitioned step's phase ends with the counts
 * of its partitions as recorded in the job repository.
 */
@Component
public class StepProgress implements StepExecutionListener, OutcomeListener, AutoCloseable {

    private final ProgressReporter reporter;
    private final IngestService ingest;
    private final KpiEngine engine;
    private final ReportWriter writer;
    private final Map<Long, Open> open = new ConcurrentHashMap<>();
    private volatile long lastCandidates;

    /** A step's phase and the feature listener feeding it (null for a plain step). */
    private record Open(ProgressReporter.Phase plain, AutoCloseable source) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public StepProgress(JobsProperties jobs, IngestService ingest, KpiEngine engine, ReportWriter writer) {
        this(ProgressReporter.forConsole(jobs.progress(), jobs.progressInterval()), ingest, engine, writer);
    }

    StepProgress(ProgressReporter reporter, IngestService ingest, KpiEngine engine, ReportWriter writer) {
        this.reporter = reporter;
        this.ingest = ingest;
        this.engine = engine;
        this.writer = writer;
        if (engine != null) {
            engine.listen(this); // the candidates of the prepare step are the outcomes step's total
        }
    }

    StepProgress(ProgressReporter reporter) {
        this(reporter, null, null, null);
    }

    @Override
    public void beforeStep(StepExecution step) {
        String name = step.getStepName();
        Open o;
        if (NightlyJobConfiguration.INGEST.equals(name) && ingest != null) {
            o = new Open(null, IngestProgress.open(reporter, name, ingest, plan(step)));
        } else if (NightlyJobConfiguration.COMPUTE_OUTCOMES.equals(name) && engine != null) {
            o = new Open(null, OutcomeProgress.open(reporter, name, engine, lastCandidates));
        } else if (NightlyJobConfiguration.REPORT.equals(name) && writer != null) {
            o = new Open(null, SheetProgress.open(reporter, name, writer));
        } else {
            o = new Open(reporter.start(name, 0), null);
        }
        open.put(step.getId(), o);
    }

    @Override
    public void candidatesSelected(long runId, long candidates) {
        lastCandidates = candidates;
    }

    /** Adds rows to a plain step's progress. */
    public void advance(StepExecution stepExecution, long rows) {
        Open o = open.get(stepExecution.getId());
        if (o != null && o.plain() != null) {
            o.plain().advance(rows);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Open o = open.remove(step.getId());
        if (o == null) {
            return null;
        }
        // a partitioned step run by remote workers counts its rows in their step executions: the manager step's
        // counts are their sum, when this process saw fewer
        if (o.source() instanceof IngestProgress p && step.getReadCount() > p.phase().rows()) {
            p.phase().rows(step.getReadCount() - p.phase().rows());
        } else if (o.source() instanceof OutcomeProgress p && p.candidates() == 0 && step.getWriteCount() > 0) {
            p.phase().update(step.getWriteCount());
        } else if (o.plain() != null && step.getWriteCount() > o.plain().units()) {
            o.plain().update(step.getWriteCount());
        }
        try {
            if (o.source() != null) {
                o.source().close();
            } else {
                o.plain().done();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private List<InboxFile> plan(StepExecution step) {
        String inbox = step.getJobExecution().getJobParameters().getString(RunParameters.INBOX);
        try {
            return inbox == null ? List.of() : ingest.plan(Path.of(inbox));
        } catch (IngestException e) {
            return List.of(); // no export files: the step says so itself
        }
    }

    @Override
    public void close() {
        reporter.close();
    }
}
