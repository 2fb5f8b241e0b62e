package com.logisticskpi.jobs.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.logisticskpi.ingest.partition.PartitionedIngest;
import com.logisticskpi.jobs.BusinessPeriod;
import com.logisticskpi.jobs.JobDefinition;
import com.logisticskpi.jobs.JobDefinitionLoader;

/**
 * The job parameters of one scheduled run ({@link NightlyJobConfiguration#JOB_NAME}).
 * <ul>
 * <li>identifying: {@code job} (the job file's name), {@code date} (the period's last local date) and, for a
 * {@code --rerun} only, {@code rerun} (1, 2, ...): a (job, date) pair is one job instance, so a second run of a
 * completed date is refused and a failed one is resumed;</li>
 * <li>non-identifying, fixed at the first launch and reused by every restart of the instance: {@code as_of},
 * {@code zone}, {@code inbox}, {@code out} (the run's output directory), {@code job_file} and {@code sets} (the
 * {@code --set} overrides, one per line).</li>
 * </ul>
 */
public final class RunParameters {

    public static final String JOB = "job";
    public static final String DATE = "date";
    public static final String RERUN = "rerun";
    public static final String AS_OF = "as_of";
    public static final String ZONE = PartitionedIngest.ZONE;
    public static final String INBOX = PartitionedIngest.INBOX;
    public static final String OUT = "out";
    public static final String JOB_FILE = "job_file";
    public static final String SETS = "sets";

    private RunParameters() {
    }

    /** The identifying part: job name, business date and the re-run number (null for the regular run). */
    public static JobParameters identifying(String job, LocalDate date, Long rerun) {
        JobParametersBuilder b = new JobParametersBuilder().addString(JOB, job, true).addString(DATE, date.toString(), true);
        if (rerun != null) {
            b.addLong(RERUN, rerun, true);
        }
        return b.toJobParameters();
    }

    /** Everything a run needs. */
    public static JobParameters of(JobParameters identifying, Instant asOf, ZoneId zone, Path inbox, Path out, Path jobFile,
                                   List<String> sets) {
        return new JobParametersBuilder(identifying)
                .addString(AS_OF, asOf.toString(), false)
                .addString(ZONE, zone.getId(), false)
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString(), false)
                .addString(OUT, out.toAbsolutePath().normalize().toString(), false)
                .addString(JOB_FILE, jobFile.toAbsolutePath().normalize().toString(), false)
                .addString(SETS, String.join("\n", sets), false)
                .toJobParameters();
    }

    /** The {@code --set} overrides stored with a run. */
    public static List<String> sets(JobParameters p) {
        String s = p.getString(SETS);
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    /** What a step reads from its job's parameters (the job file is read again, with the run's overrides). */
    public record Run(JobDefinition definition, BusinessPeriod period, Instant asOf, ZoneId zone, Path inbox, Path outDir,
                      Path jobFile, Long rerun) {

        public static Run of(JobParameters p) {
            Path jobFile = Path.of(p.getString(JOB_FILE));
            JobDefinition def = new JobDefinitionLoader().load(jobFile, sets(p));
            LocalDate date = LocalDate.parse(p.getString(DATE));
            return new Run(def, BusinessPeriod.of(def.businessDate().periodType(), date), Instant.parse(p.getString(AS_OF)),
                    ZoneId.of(p.getString(ZONE)), Path.of(p.getString(INBOX)), Path.of(p.getString(OUT)), jobFile,
                    p.getLong(RERUN));
        }
    }
}
