package com.logisticskpi.ingest.partition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.partition.LocalPartitionHandlerFactory;
import com.logisticskpi.base.partition.PartitionHandlerFactory;
import com.logisticskpi.base.partition.PartitioningProperties;
import com.logisticskpi.base.partition.TwoWavePartitionHandler;
import com.logisticskpi.ingest.ExportKind;
import com.logisticskpi.ingest.InboxFile;
import com.logisticskpi.ingest.IngestException;
import com.logisticskpi.ingest.IngestService;

/**
 * The nightly job's ingest as a partitioned step: one partition per inbox file (named after the file), run on local
 * threads or remote workers ({@link PartitionHandlerFactory}) in two waves — every orders file first, then the
 * shipments, returns and surveys files ({@link TwoWavePartitionHandler}). Within a wave files are read and staged in
 * parallel; merges of the same kind take turns (ingest.MergeLocks). The stored rows are the same whatever the order
 * (the latest file wins by its business date and name, not by load order); only the per-file "superseded" counts can
 * differ from a one-by-one load. An inbox without export files completes the step with a warning (the run computes from
 * the stored exports); a missing inbox fails it. A failed file fails its partition and so the step, after every other
 * file was tried; a restart runs the failed files again (and any new file), loaded ones are not run again.
 * <p>
 * The same step serves {@code kpi ingest} ({@link #sequentialIngestStep}): there the partitions run one after the
 * other on the calling thread, in the inbox's load order, so that the per-file counts are those of a one-by-one load.
 */
@Component
public class PartitionedIngest {

    /** Job parameter: the inbox directory (absolute path). */
    public static final String INBOX = "inbox";
    /** Job parameter: business time zone of the run. */
    public static final String ZONE = "zone";

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedIngest.class);

    private final JobRepository jobRepository;
    private final IngestService service;
    private final PartitionHandlerFactory handlers;
    private final PartitioningProperties properties;
    private final Step ingestFileStep;

    public PartitionedIngest(JobRepository jobRepository, IngestService service, PartitionHandlerFactory handlers,
                             PartitioningProperties properties,
                             @Qualifier(IngestPartitionConfiguration.INGEST_WORKER_STEP) Step ingestFileStep) {
        this.jobRepository = jobRepository;
        this.service = service;
        this.handlers = handlers;
        this.properties = properties;
        this.ingestFileStep = ingestFileStep;
    }

    /** The partitioned ingest step of a scheduled run (inbox and zone from the run's job parameters). */
    public Step ingestStep(String name, StepExecutionListener... listeners) {
        return step(name, handlers.handler(ingestFileStep, properties.partitions()), handlers.describe(), listeners);
    }

    /**
     * The same step with its partitions run one by one on the launching thread in the inbox's load order (the
     * {@code ingest} job of {@code kpi ingest}: its per-file counts, superseded rows included, are those of a
     * one-by-one load).
     */
    public Step sequentialIngestStep(String name, StepExecutionListener... listeners) {
        LocalPartitionHandlerFactory oneByOne = new LocalPartitionHandlerFactory(1);
        return step(name, oneByOne.handler(ingestFileStep, 1), oneByOne.describe(), listeners);
    }

    private Step step(String name, PartitionHandler files, String describe, StepExecutionListener... listeners) {
        TwoWavePartitionHandler handler = new TwoWavePartitionHandler(files,
                e -> ExportKind.ORDERS.name().equals(e.getExecutionContext().getString(IngestFileTasklet.KIND, "")));
        var b = new StepBuilder(name, jobRepository)
                .partitioner(IngestPartitionConfiguration.INGEST_WORKER_STEP, grid -> {
                    throw new IllegalStateException("partitions come from the splitter");
                })
                .splitter(new InboxSplitter(describe))
                .partitionHandler(handler)
                .listener(new FailedFiles());
        for (StepExecutionListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    /** One partition per export file of the run's inbox, in load order. */
    private final class InboxSplitter implements StepExecutionSplitter {

        private final String describe;

        InboxSplitter(String describe) {
            this.describe = describe;
        }

        @Override
        public String getStepName() {
            return IngestPartitionConfiguration.INGEST_WORKER_STEP;
        }

        @Override
        public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
            JobExecution job = stepExecution.getJobExecution();
            Path inbox = Path.of(job.getJobParameters().getString(INBOX));
            ZoneId zone = ZoneId.of(job.getJobParameters().getString(ZONE));
            if (!Files.isDirectory(inbox)) {
                throw new IngestException("inbox " + inbox + " is not a directory");
            }
            List<InboxFile> plan = planOrNothing(inbox);
            Set<StepExecution> partitions = new SimpleStepExecutionSplitter(jobRepository,
                    IngestPartitionConfiguration.INGEST_WORKER_STEP, grid -> {
                Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
                for (InboxFile f : plan) {
                    ExecutionContext ctx = new ExecutionContext();
                    ctx.putString(IngestFileTasklet.INBOX, inbox.toAbsolutePath().normalize().toString());
                    ctx.putString(IngestFileTasklet.FILE, f.fileName());
                    ctx.putString(IngestFileTasklet.ZONE, zone.getId());
                    ctx.putString(IngestFileTasklet.KIND, f.kind().name());
                    contexts.put(f.fileName(), ctx);
                }
                LOG.info("ingest: {} files of {} in partitions on {}", contexts.size(), inbox, describe);
                return contexts;
            }).split(stepExecution, gridSize);
            // in load order (a file no longer in the inbox, restarted, last)
            List<String> order = plan.stream().map(InboxFile::fileName).toList();
            Set<StepExecution> ordered = new LinkedHashSet<>();
            partitions.stream().sorted(Comparator.comparingInt(e -> {
                int i = order.indexOf(e.getExecutionContext().getString(IngestFileTasklet.FILE, ""));
                return i < 0 ? Integer.MAX_VALUE : i;
            })).forEach(ordered::add);
            return ordered;
        }
    }

    private List<InboxFile> planOrNothing(Path inbox) {
        try {
            return service.plan(inbox);
        } catch (IngestException e) {
            // Nothing new arrived (e.g. a re-run after the files were archived): the run goes on with the stored exports.
            LOG.warn("ingest: no export files in inbox {}; computing from the stored exports", inbox);
            return List.of();
        }
    }

    /** A failed step names its failed files (as the one-by-one ingest step did) instead of "a partition failed". */
    private final class FailedFiles implements StepExecutionListener {

        @Override
        public ExitStatus afterStep(StepExecution manager) {
            if (manager.getStatus() != BatchStatus.FAILED) {
                return null;
            }
            JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
            List<String> failed = new ArrayList<>();
            for (StepExecution s : job == null ? List.<StepExecution>of() : job.getStepExecutions()) {
                if (s.getStepName().startsWith(IngestPartitionConfiguration.INGEST_WORKER_STEP + ":")
                        && s.getStatus() == BatchStatus.FAILED) {
                    String d = s.getExitStatus().getExitDescription();
                    failed.add(d == null || d.isBlank() ? s.getStepName() : d.replaceFirst("^failed: ", ""));
                }
            }
            if (failed.isEmpty()) {
                return null;
            }
            String message = "failed: " + String.join("; ", failed);
            manager.getFailureExceptions().clear();
            manager.addFailureException(new IngestException(message));
            return ExitStatus.FAILED.addExitDescription(message);
        }
    }
}
