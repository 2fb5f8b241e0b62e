package com.logisticskpi.ingest.partition;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.logisticskpi.base.partition.PartitionWorker;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.ingest.InboxFile;
import com.logisticskpi.ingest.IngestException;
import com.logisticskpi.ingest.IngestService;

/**
 * The worker step of the partitioned ingest: loads ONE inbox file ({@link IngestService#ingestFile}: atomic, its own
 * transaction, skipped when already loaded by name and sha256), named in the partition's execution context with the
 * inbox and the zone. The inbox must be the same path for the manager and every worker (a shared directory). A file
 * that fails to load fails its partition (exit description "failed: ..."), so a restart tries it again. Test hook:
 * {@code kpi.test.pause-at=ingest:N} pauses when this process is about to load its N-th file.
 */
public class IngestFileTasklet implements Tasklet {

    /** The run checkpoint passed before each file ({@code ingest:<n>}, see {@link com.logisticskpi.base.RunCheckpoint}). */
    public static final String CHECKPOINT = "ingest";

    static final String INBOX = "ingest.inbox";
    static final String FILE = "ingest.file";
    static final String ZONE = "ingest.zone";
    static final String KIND = "ingest.kind";
    private static final Logger LOG = LoggerFactory.getLogger(IngestFileTasklet.class);

    private final IngestService service;
    private final AppProperties app;
    private final JobRepository jobRepository;
    private final AtomicInteger calls = new AtomicInteger();

    public IngestFileTasklet(IngestService service, AppProperties app, JobRepository jobRepository) {
        this.service = service;
        this.app = app;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext ctx = step.getExecutionContext();
        Path inbox = Path.of(ctx.getString(INBOX));
        String name = ctx.getString(FILE);
        ZoneId zone = ZoneId.of(ctx.getString(ZONE));
        PartitionWorker.startOnThisWorker(step, jobRepository, CHECKPOINT, calls.incrementAndGet(),
                app.dataDir());
        InboxFile file = service.plan(inbox).stream().filter(f -> f.fileName().equals(name)).findFirst()
                .orElseThrow(() -> new IngestException(name + ": not in inbox " + inbox + " (is the inbox shared with "
                        + "this worker?)"));
        FileResult r = service.ingestFile(file, zone, step.getJobExecutionId());
        step.setReadCount(step.getReadCount() + r.rowsRead());
        contribution.incrementWriteCount(r.rowsLoaded());
        contribution.incrementFilterCount(r.rowsRejected());
        if (r.failed()) {
            step.setStatus(BatchStatus.FAILED);
            contribution.setExitStatus(ExitStatus.FAILED.addExitDescription("failed: " + r.message()));
        }
        LOG.info("partition {}: {} {} ({} rows read)", step.getStepName(), name, r.status(), r.rowsRead());
        return RepeatStatus.FINISHED;
    }
}
