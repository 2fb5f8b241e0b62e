package com.logisticskpi.jobs.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.logisticskpi.jobs.JobsProperties;
import com.logisticskpi.jobs.ProgressReporter;

/**
 * One {@link ProgressReporter} step per batch step: a bar on a terminal, a log line every
 * {@code kpi.jobs.progress-interval} otherwise, and a final line when the step ends. Tasklets report rows through
 * {@link #advance}.
 */
@Component
public class StepProgress implements StepExecutionListener {

    private final ProgressReporter reporter;
    private final Map<Long, ProgressReporter.Step> open = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public StepProgress(JobsProperties jobs) {
        this(ProgressReporter.forConsole(jobs.progressInterval()));
    }

    StepProgress(ProgressReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        open.put(stepExecution.getId(), reporter.start(stepExecution.getStepName(), 0));
    }

    /** Adds rows to the running step's progress. */
    public void advance(StepExecution stepExecution, long rows) {
        ProgressReporter.Step s = open.get(stepExecution.getId());
        if (s != null) {
            s.advance(rows);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ProgressReporter.Step s = open.remove(stepExecution.getId());
        if (s != null) {
            // a partitioned step (ingest, outcomes) counts its rows in its partitions: the manager step's write
            // count is their sum ("ingest: done, 0 rows" after 112 files otherwise)
            if (stepExecution.getWriteCount() > s.rows()) {
                s.update(stepExecution.getWriteCount());
            }
            s.done();
        }
        return null;
    }
}
