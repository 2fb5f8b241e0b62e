package com.logisticskpi.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import com.logisticskpi.jobs.run.JobRunner;

/** {@code kpi restart ID}: resumes a failed (or killed) run of {@code kpi run} at its failed step, with its own parameters. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Resumes the failed or killed run with this job execution id (./kpi history) at the step that failed, "
                + "with the parameters of its first launch (same as_of, inbox and output directory).")
public class RestartCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOptions progressOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Job execution id.")
    long executionId;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = RunContexts.start(common, progressOptions.toProperties())) {
            JobRunner.Outcome outcome = ctx.getBean(JobRunner.class).restart(executionId);
            return RunContexts.report(ctx, outcome, spec.commandLine().getOut());
        }
    }
}
