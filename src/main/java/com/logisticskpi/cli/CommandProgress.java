package com.logisticskpi.cli;

import org.springframework.context.ApplicationContext;

import com.logisticskpi.jobs.JobsProperties;
import com.logisticskpi.jobs.progress.ProgressReporter;

/** The progress reporter of a command: {@code kpi.jobs.progress} (or {@code --progress}) and its interval. */
final class CommandProgress {

    private CommandProgress() {
    }

    static ProgressReporter reporter(ApplicationContext ctx) {
        JobsProperties jobs = ctx.getBean(JobsProperties.class);
        return ProgressReporter.forConsole(jobs.progress(), jobs.progressInterval());
    }
}
