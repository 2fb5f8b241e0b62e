package com.logisticskpi.jobs.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.InboxFile;
import com.logisticskpi.jobs.JobsProperties;
import com.logisticskpi.jobs.Retention;

/**
 * Moves the inbox files this run ingested (LOADED, or SKIPPED as already loaded; same name and sha256) to
 * {@code <archive-dir>/<period>/}, then applies retention to the output and reject directories.
 *
 * <p>An inbox holding a file named {@value #KEEP_MARKER} is never emptied: its files are <em>copied</em> to the
 * archive instead of moved. The bundled {@code sample-data/inbox} has that marker, so the README's first command can
 * be run again and again.
 */
@Component
public class ArchiveTasklet implements Tasklet {

    public static final String KEEP_MARKER = ".kpi-keep";
    static final String INGESTED = """
            SELECT file_name, sha256 FROM ingest_file
            WHERE job_execution_id = ? AND status IN ('LOADED', 'SKIPPED')""";
    static final String RECORDED_FILE = "SELECT 1 FROM ingest_file WHERE file_name = ? LIMIT 1";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveTasklet.class);

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final IngestService ingest;
    private final JobsProperties jobs;
    private final AppProperties app;

    public ArchiveTasklet(JdbcTemplate jdbc, JobRepository jobRepository, IngestService ingest, JobsProperties jobs,
                          AppProperties app) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.ingest = ingest;
        this.jobs = jobs;
        this.app = app;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
        Set<String> ingested = new HashSet<>();
        for (JobExecution e : jobRepository.getJobExecutions(job.getJobInstance())) {
            jdbc.query(INGESTED, rs -> {
                ingested.add(rs.getString(1) + "\n" + rs.getString(2));
            }, e.getId());
        }
        boolean keep = Files.exists(run.inbox().resolve(KEEP_MARKER));
        Path target = run.definition().archiveDir().resolve(run.period().label()).toAbsolutePath().normalize();
        int archived = 0;
        if (Files.isDirectory(run.inbox())) {
            List<InboxFile> files;
            try {
                files = ingest.plan(run.inbox());
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
        // only what the product wrote: files listed in the runs' manifests, reject files of recorded export files
        Retention retention = new Retention(jobs.retentionPatterns());
        Instant now = Instant.now();
        Retention.Result purged = retention.purgeOutputs(run.outDir().getParent(), run.definition().retentionDays(), now)
                .plus(retention.purgeRejects(app.rejectsDir(), name -> !jdbc.queryForList(RECORDED_FILE, Integer.class,
                        name).isEmpty(), run.definition().retentionDays(), now));
        String status = archived + " file(s) " + (keep ? "copied" : "moved") + " to " + target
                + (keep ? " (inbox has " + KEEP_MARKER + ": left as it is)" : "") + "; retention deleted "
                + purged.deleted().size() + " old file(s)";
        RunState.of(job).archive(status);
        contribution.incrementWriteCount(archived);
        LOG.info("archive: {}", status);
        return RepeatStatus.FINISHED;
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
