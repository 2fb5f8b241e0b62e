package com.logisticskpi.jobs.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.jobs.BusinessPeriod;
import com.logisticskpi.jobs.JobDefinition;
import com.logisticskpi.jobs.LeftoverCleanup;
import com.logisticskpi.jobs.RunLock;

/**
 * Launches a scheduled run: takes the run lock of (job, business date), refuses a completed date (exit 3) unless it
 * is a re-run, recovers an execution a killed process left STARTED (the lock proves nobody runs it), resumes a failed
 * one with the parameters of its first launch (same as_of, inbox, output directory), and maps the outcome to an
 * exit code.
 */
@Component
public class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** What the user asked for. {@code date}, {@code asOf}, {@code inbox}, {@code out} may be null (= defaults). */
    public record Request(Path jobFile, List<String> sets, JobDefinition definition, LocalDate date, Instant asOf,
                          Path inbox, Path out, boolean rerun) {
    }

    /** A finished launch. */
    public record Outcome(JobExecution execution, ExitCode exitCode, String message, boolean resumed) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunLock runLock;
    private final AppProperties app;
    private final LeftoverCleanup leftovers;
    private final ReplacedRuns replacedRuns;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository,
                     @Qualifier(NightlyJobConfiguration.JOB_NAME) Job job, RunLock runLock, AppProperties app,
                     LeftoverCleanup leftovers) {
        this.leftovers = leftovers;
        this.replacedRuns = new ReplacedRuns(jobOperator, jobRepository);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.runLock = runLock;
        this.app = app;
    }

    public Outcome run(Request r) {
        JobDefinition def = r.definition();
        ZoneId zone = def.zoneOr(app.zone());
        Instant asOf = r.asOf() != null ? r.asOf() : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        BusinessPeriod period = r.date() != null ? BusinessPeriod.of(def.businessDate().periodType(), r.date())
                : def.periodFor(asOf, app.zone());
        LocalDate date = period.lastDate();
        try (RunLock.Held lock = runLock.acquire(def.name(), date);
             RunLock.Held writes = runLock.acquireWrites("run " + def.name() + " " + date)) {
            LOG.info("run lock {} and {} taken", lock.description(), writes.description());
            String by = "run " + def.name() + " " + date + (r.rerun() ? " --rerun" : "");
            leftovers.clean(by);
            Long rerun = null;
            JobExecution last = jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME,
                    RunParameters.identifying(def.name(), date, null));
            if (r.rerun()) {
                long n = 1;
                JobExecution lastRerun = null;
                while (true) {
                    JobExecution e = jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME,
                            RunParameters.identifying(def.name(), date, n));
                    if (e == null) {
                        break;
                    }
                    lastRerun = e;
                    n++;
                }
                if (lastRerun != null && lastRerun.getStatus() != BatchStatus.COMPLETED
                        && lastRerun.getStatus() != BatchStatus.ABANDONED) {
                    n--;                                   // the last re-run did not finish: resume it
                    last = lastRerun;
                } else {
                    last = null;
                }
                rerun = n;
                replacedRuns.abandon(def.name(), date, n);
                leftovers.clean(by);                       // the runs of the executions just abandoned
            } else if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
                throw new KpiException(ExitCode.USAGE, "execution " + last.getId() + " of " + def.name() + " for "
                        + period.label() + " was abandoned when a re-run replaced it; add --rerun to run it again");
            } else if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                throw new KpiException(ExitCode.ALREADY_COMPLETE, "job " + def.name() + " for " + period.label()
                        + " already completed (execution " + last.getId() + "); nothing done. Add --rerun to run it again");
            }
            JobParameters params;
            boolean resumed = last != null;
            if (resumed) {
                if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                    LOG.warn("execution {} was left {} by a process that is gone (the run lock was free): marking it FAILED",
                            last.getId(), last.getStatus());
                    jobOperator.recover(last);
                }
                params = last.getJobParameters();          // the first launch's as_of, inbox, out: same figures
                refuseChangedPaths(last, r, period);
                LOG.info("resuming execution {} of {} for {} (as of {})", last.getId(), def.name(), period.label(),
                        params.getString(RunParameters.AS_OF));
            } else {
                Path inbox = r.inbox() != null ? r.inbox() : def.inbox();
                Path outBase = r.out() != null ? r.out() : def.outDir();
                Path out = outBase.resolve(period.label() + (rerun == null ? "" : "-rerun" + rerun));
                params = RunParameters.of(RunParameters.identifying(def.name(), date, rerun), asOf, zone, inbox, out,
                        r.jobFile(), r.sets());
            }
            return launch(params, resumed);
        }
    }

    /**
     * A resumed run keeps the paths of its first launch (same figures); an explicit {@code --inbox} / {@code --out} that
     * differs is refused rather than silently ignored.
     */
    private static void refuseChangedPaths(JobExecution last, Request r, BusinessPeriod period) {
        JobParameters p = last.getJobParameters();
        String[][] checks = {{"--inbox", RunParameters.INBOX, r.inbox() == null ? null : r.inbox().toString()},
                {"--out", RunParameters.OUT, r.out() == null ? null
                        : r.out().resolve(Path.of(p.getString(RunParameters.OUT)).getFileName().toString()).toString()}};
        for (String[] c : checks) {
            if (c[2] == null) {
                continue;
            }
            String given = Path.of(c[2]).toAbsolutePath().normalize().toString();
            String stored = p.getString(c[1]);
            if (stored != null && !stored.equals(given)) {
                throw new KpiException(ExitCode.USAGE, "execution " + last.getId() + " of " + p.getString(RunParameters.JOB)
                        + " for " + period.label() + " (" + last.getStatus() + ") was started with " + c[0] + " " + stored
                        + " and resuming keeps it: run the same command with " + c[0] + " " + stored + " (or without "
                        + c[0] + ") to resume, or add --rerun to start a new run with " + given);
            }
        }
    }

    /** {@code ./kpi restart ID}: the run of that execution again, with its own parameters. */
    public Outcome restart(long executionId) {
        JobExecution e;
        try {
            e = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException unknown) {
            e = null;
        }
        if (e == null) {
            throw new KpiException(ExitCode.USAGE, "no job execution " + executionId + " (see ./kpi history)");
        }
        if (!NightlyJobConfiguration.JOB_NAME.equals(e.getJobInstance().getJobName())) {
            throw new KpiException(ExitCode.USAGE, "execution " + executionId + " is a '" + e.getJobInstance().getJobName()
                    + "' job; ./kpi restart resumes the runs of ./kpi run (job files)");
        }
        JobParameters p = e.getJobParameters();
        String name = p.getString(RunParameters.JOB);
        LocalDate date = LocalDate.parse(p.getString(RunParameters.DATE));
        try (RunLock.Held lock = runLock.acquire(name, date);
             RunLock.Held writes = runLock.acquireWrites("restart " + executionId)) {
            leftovers.clean("restart " + executionId);
            JobExecution last = jobRepository.getLastJobExecution(e.getJobInstance());
            if (last.getStatus() == BatchStatus.COMPLETED) {
                throw new KpiException(ExitCode.ALREADY_COMPLETE, "job " + name + " for " + date + " already completed"
                        + " (execution " + last.getId() + "); nothing done");
            }
            if (last.getStatus() == BatchStatus.ABANDONED) {
                throw new KpiException(ExitCode.USAGE, "execution " + last.getId() + " was abandoned when a re-run"
                        + " replaced it; nothing done (./kpi run with --rerun runs the date again)");
            }
            if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                LOG.warn("execution {} was left {} by a process that is gone: marking it FAILED", last.getId(), last.getStatus());
                jobOperator.recover(last);
            }
            return launch(last.getJobParameters(), true);
        }
    }

    private Outcome launch(JobParameters params, boolean resumed) {
        JobExecution execution;
        try {
            execution = jobOperator.start(job, params);
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new KpiException(ExitCode.ALREADY_COMPLETE, "job " + params.getString(RunParameters.JOB) + " for "
                    + params.getString(RunParameters.DATE) + " already completed; nothing done");
        } catch (JobExecutionAlreadyRunningException e) {
            throw new KpiException(ExitCode.LOCKED, "job " + params.getString(RunParameters.JOB) + " for "
                    + params.getString(RunParameters.DATE) + " is already running: " + e.getMessage());
        } catch (Exception e) {
            throw new KpiException(ExitCode.FAILED, "job " + params.getString(RunParameters.JOB) + " could not start: "
                    + e.getMessage(), e);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new Outcome(execution, ExitCode.OK, null, resumed);
        }
        return new Outcome(execution, failureCode(execution), failureMessage(execution), resumed);
    }

    static ExitCode failureCode(JobExecution execution) {
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.FAILED) {
                for (ExitCode code : ExitCode.values()) {
                    if (code != ExitCode.OK && code.name().equals(s.getExitStatus().getExitCode())) {
                        return code;              // a step that failed on purpose with an exit code (deliver: 5)
                    }
                }
            }
        }
        for (Throwable t : failures(execution)) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof KpiException k) {
                    return k.exitCode();
                }
            }
        }
        return ExitCode.FAILED;
    }

    static String failureMessage(JobExecution execution) {
        String job = execution.getJobParameters().getString(RunParameters.JOB);
        String date = execution.getJobParameters().getString(RunParameters.DATE);
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.FAILED) {
                String why;
                if (!s.getFailureExceptions().isEmpty()) {
                    why = message(s.getFailureExceptions().get(0));
                } else {
                    why = s.getExitStatus().getExitDescription();
                }
                return "job " + job + " for " + date + " failed in step " + s.getStepName() + " (execution "
                        + execution.getId() + "): " + why + "; run the same command again (or ./kpi restart "
                        + execution.getId() + ") to resume at that step";
            }
        }
        List<Throwable> f = failures(execution);
        return "job " + job + " for " + date + " ended " + execution.getStatus() + " (execution " + execution.getId() + ")"
                + (f.isEmpty() ? "" : ": " + message(f.get(0)));
    }

    private static List<Throwable> failures(JobExecution execution) {
        return new ArrayList<>(execution.getAllFailureExceptions());
    }

    private static String message(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KpiException k) {
                return k.getMessage();
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
