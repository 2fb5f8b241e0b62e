package com.logisticskpi.jobs.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.IngestException;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.IngestTasklet;

/**
 * The ingest step of a scheduled run: the ingest feature's {@link IngestTasklet} (the work of its reusable
 * {@code ingestStep}: one inbox file per call, each loaded atomically, files already loaded skipped by name and
 * sha256, a failed file fails the step) on the run's {@code inbox} parameter, plus progress and the crash-test hook.
 * An inbox without any export file (nothing new arrived, or a re-run after archiving) is not an error: the step
 * completes with a warning and the run computes from the stored exports. A missing inbox directory fails the step.
 */
@Component
public class RunIngestTasklet implements Tasklet {

    /** Step execution context key, set when the inbox held no export file. */
    public static final String NO_FILES = "run.ingest.noFiles";
    private static final Logger LOG = LoggerFactory.getLogger(RunIngestTasklet.class);

    private final IngestTasklet ingest;
    private final IngestService service;
    private final StepProgress progress;
    private final AppProperties app;

    public RunIngestTasklet(IngestTasklet ingest, IngestService service, StepProgress progress, AppProperties app) {
        this.ingest = ingest;
        this.service = service;
        this.progress = progress;
        this.app = app;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        int call = step.getExecutionContext().getInt("run.ingest.calls", 0) + 1;
        step.getExecutionContext().putInt("run.ingest.calls", call);
        TestHooks.pauseIfRequested(NightlyJobConfiguration.INGEST, call, app.dataDir());
        if (call == 1 && noExportFiles(step)) {
            // Nothing new arrived (e.g. a re-run after the files were archived): the run goes on with the stored exports.
            LOG.warn("ingest: no export files in inbox {}; computing from the stored exports",
                    step.getJobExecution().getJobParameters().getString(RunParameters.INBOX));
            step.getExecutionContext().putString(NO_FILES, "true");
            return RepeatStatus.FINISHED;
        }
        long before = step.getReadCount();
        RepeatStatus status = ingest.execute(contribution, chunkContext);
        progress.advance(step, step.getReadCount() - before);
        return status;
    }

    /** True when the inbox is a directory without any export file (a missing inbox is an error of the ingest step). */
    private boolean noExportFiles(StepExecution step) {
        Path inbox = Path.of(step.getJobExecution().getJobParameters().getString(RunParameters.INBOX));
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try {
            return service.plan(inbox).isEmpty();
        } catch (IngestException e) {
            return true;                                 // plan() refuses an inbox without export files
        }
    }
}
