package com.logisticskpi.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.logisticskpi.config.AppProperties;

/**
 * The work of {@code ingestStep}: ONE inbox file per call (the step repeats the tasklet until it returns
 * FINISHED), each file loaded atomically in its own transaction by {@link IngestService#ingestFile}. Per call the
 * step execution's counts grow by the file's rows (read = rows read, write = rows loaded, filter = rows rejected)
 * and the execution context records the position, so the step's metadata shows progress file by file.
 *
 * <p>Job parameters: {@code inbox} (required), {@code zone} (optional, default {@code kpi.zone}). After the last
 * file the step ends FAILED when any file failed (exit description naming the files, no exception: each file's
 * cause is in ingest_file); a restart scans the inbox
 * again from the start: files already LOADED are skipped by their sha256, failed ones are tried again.
 */
public class IngestTasklet implements Tasklet {

    static final String NEXT = "ingest.next";
    static final String OWNER = "ingest.stepExecutionId";
    static final String FAILED = "ingest.failed";

    private final IngestService service;
    private final AppProperties app;

    public IngestTasklet(IngestService service, AppProperties app) {
        this.service = service;
        this.app = app;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobParameters params = step.getJobExecution().getJobParameters();
        String inbox = params.getString(IngestJobConfiguration.INBOX);
        if (inbox == null || inbox.isBlank()) {
            throw new IngestException("job parameter '" + IngestJobConfiguration.INBOX + "' is required");
        }
        String zoneParam = params.getString(IngestJobConfiguration.ZONE);
        ZoneId zone = zoneParam == null || zoneParam.isBlank() ? app.zone() : ZoneId.of(zoneParam);

        ExecutionContext ctx = step.getExecutionContext();
        if (ctx.getLong(OWNER, -1L) != step.getId()) {
            // first call of this step execution (also after a restart): start from the first file
            ctx.putLong(OWNER, step.getId());
            ctx.putInt(NEXT, 0);
            ctx.putString(FAILED, "");
        }
        List<InboxFile> plan = service.plan(Path.of(inbox));
        int next = ctx.getInt(NEXT);
        if (next < plan.size()) {
            FileResult r = service.ingestFile(plan.get(next), zone, step.getJobExecutionId());
            step.setReadCount(step.getReadCount() + r.rowsRead());
            contribution.incrementWriteCount(r.rowsLoaded());
            contribution.incrementFilterCount(r.rowsRejected());
            if (r.failed()) {
                String failed = ctx.getString(FAILED);
                ctx.putString(FAILED, failed.isEmpty() ? r.message() : failed + "; " + r.message());
            }
            ctx.putInt(NEXT, ++next);
        }
        if (next < plan.size()) {
            return RepeatStatus.CONTINUABLE;
        }
        String failed = ctx.getString(FAILED);
        if (!failed.isEmpty()) {
            // The step (and so the job) ends FAILED with the files named in its exit description. No exception:
            // every file has been handled and its cause is in ingest_file; an exception would only add a stack
            // trace on the console.
            step.setStatus(BatchStatus.FAILED);
            contribution.setExitStatus(ExitStatus.FAILED.addExitDescription("failed: " + failed));
        }
        return RepeatStatus.FINISHED;
    }
}
