package com.logisticskpi.jobs.run;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.IngestTasklet;

/**
 * The ingest step of a scheduled run: the ingest feature's {@link IngestTasklet} (the work of its reusable
 * {@code ingestStep}: one inbox file per call, each loaded atomically, files already loaded skipped by name and
 * sha256, a failed file fails the step) on the run's {@code inbox} parameter, plus progress and the crash-test hook.
 */
@Component
public class RunIngestTasklet implements Tasklet {

    private final IngestTasklet ingest;
    private final StepProgress progress;
    private final AppProperties app;

    public RunIngestTasklet(IngestTasklet ingest, StepProgress progress, AppProperties app) {
        this.ingest = ingest;
        this.progress = progress;
        this.app = app;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        int call = step.getExecutionContext().getInt("run.ingest.calls", 0) + 1;
        step.getExecutionContext().putInt("run.ingest.calls", call);
        TestHooks.pauseIfRequested(NightlyJobConfiguration.INGEST, call, app.dataDir());
        long before = step.getReadCount();
        RepeatStatus status = ingest.execute(contribution, chunkContext);
        progress.advance(step, step.getReadCount() - before);
        return status;
    }
}
