package com.logisticskpi.cli;

import java.io.PrintWriter;
import java.sql.SQLException;

import org.springframework.context.ConfigurableApplicationContext;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.jobs.run.JobRunner;
import com.logisticskpi.jobs.run.RunParameters;
import com.logisticskpi.jobs.run.RunSummary;

/** Shared by run, restart and schedule: starting the context and turning an outcome into output and an exit code. */
final class RunContexts {

    /** H2: "Database may be already in use" (another kpi process has the embedded database open). */
    static final int H2_DATABASE_IN_USE = 90020;

    private RunContexts() {
    }

    /**
     * Starts the application context. With the embedded H2 database only one process can have the database open:
     * another kpi process holding it makes this run exit with LOCKED, like a held run lock.
     */
    static ConfigurableApplicationContext start(CommonOptions common) {
        return start(common, java.util.Map.of());
    }

    /** With extra Spring properties (e.g. the {@code --progress} mode). */
    static ConfigurableApplicationContext start(CommonOptions common, java.util.Map<String, Object> extra) {
        try {
            return AppContext.start(common, extra);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                    throw new KpiException(ExitCode.LOCKED, "the embedded database is in use by another kpi process"
                            + " (one run at a time per data dir with H2; use the mysql profile for parallel runs)", e);
                }
            }
            throw e;
        }
    }

    /** Prints the summary and returns 0, or throws the failure (exit code and one-line reason) after the summary. */
    static int report(ConfigurableApplicationContext ctx, JobRunner.Outcome outcome, PrintWriter out) {
        if (outcome.resumed()) {
            out.println("resumed the run of " + outcome.execution().getJobParameters().getString(RunParameters.JOB) + " for "
                    + outcome.execution().getJobParameters().getString(RunParameters.DATE) + " (as of "
                    + outcome.execution().getJobParameters().getString(RunParameters.AS_OF) + ")");
        }
        try {
            ctx.getBean(RunSummary.class).print(outcome.execution(), out);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RunContexts.class).warn("summary of execution {} incomplete",
                    outcome.execution().getId(), e);
        }
        out.flush();
        if (outcome.exitCode() != ExitCode.OK) {
            throw new KpiException(outcome.exitCode(), outcome.message());
        }
        return ExitCode.OK.code();
    }
}
