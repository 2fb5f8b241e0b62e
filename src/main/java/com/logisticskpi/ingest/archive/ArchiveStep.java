package com.logisticskpi.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.TaskletSteps;
import com.logisticskpi.ingest.InboxFile;
import com.logisticskpi.ingest.IngestService;

/**
 * The archive step of a job that ingested an inbox: moves the inbox files the job instance ingested (LOADED, or
 * SKIPPED as already loaded; same name and sha256, by any execution of the instance) to the order's target directory,
 * then runs the job's {@link ArchiveOrder.AfterArchive} and records one status line ({@link ArchiveRunState}).
 *
 * <p>An inbox holding a file named {@value #KEEP_MARKER} is never emptied: its files are <em>copied</em> to the
 * archive instead of moved. The bundled {@code sample-data/inbox} has that marker, so the README's first command can
 * be run again and again.
 */
@Component
public class ArchiveStep {

    public static final String KEEP_MARKER = ".kpi-keep";
    static final String INGESTED = """
            SELECT file_name, sha256 FROM ingest_file
            WHERE job_execution_id = ? AND status IN ('LOADED', 'SKIPPED')""";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveStep.class);

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final IngestService ingest;

    public ArchiveStep(JdbcTemplate jdbc, JobRepository jobRepository, IngestService ingest) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.ingest = ingest;
    }

    /** The step {@code name}, reading its {@link ArchiveOrder} from the job execution through {@code orderOf}. */
    public Step step(String name, Function<JobExecution, ArchiveOrder> orderOf, StepExecutionListener... listeners) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
            contribution.incrementWriteCount(archive(job, orderOf.apply(job)));
            return RepeatStatus.FINISHED;
        };
        return TaskletSteps.of(name, jobRepository, tasklet, listeners);
    }

    /** Archives what {@code job}'s instance ingested from the order's inbox; the number of files archived. */
    private int archive(JobExecution job, ArchiveOrder order) throws IOException {
        Set<String> ingested = new HashSet<>();
        for (JobExecution e : jobRepository.getJobExecutions(job.getJobInstance())) {
            jdbc.query(INGESTED, rs -> {
                ingested.add(rs.getString(1) + "\n" + rs.getString(2));
            }, e.getId());
        }
        Path inbox = order.inbox();
        boolean keep = Files.exists(inbox.resolve(KEEP_MARKER));
        Path target = order.targetDir();
        int archived = 0;
        if (Files.isDirectory(inbox)) {
            List<InboxFile> files;
            try {
                files = ingest.plan(inbox);
            } catch (RuntimeException emptyInbox) {
                files = List.of();                      // everything archived already (a restart of this step)
            }
            for (InboxFile f : files) {
                if (!ingested.contains(f.fileName() + "\n" + sha256(f.path()))) {
                    continue;                           // arrived during the run, or failed: stays for the next run
                }
                Files.createDirectories(target);
                Path dest = target.resolve(f.fileName());
                if (Files.exists(dest)) {
                    dest = target.resolve(f.fileName() + "." + job.getId());
                }
                if (keep) {
                    Files.copy(f.path(), dest, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    move(f.path(), dest);
                }
                archived++;
            }
        }
        String after = order.afterwards().run();
        String status = archived + " file(s) " + (keep ? "copied" : "moved") + " to " + target
                + (keep ? " (inbox has " + KEEP_MARKER + ": left as it is)" : "") + (after == null ? "" : "; " + after);
        ArchiveRunState.of(job).archive(status);
        LOG.info("archive: {}", status);
        return archived;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(from);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
