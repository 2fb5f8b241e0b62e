package com.logisticskpi.cli;

import java.util.Map;

import picocli.CommandLine.Option;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.jobs.ProgressMode;

/** {@code --progress auto|bar|log|off} of the long commands (ingest, recompute, report, run, restart); a picocli mixin. */
public class ProgressOptions {

    @Option(names = "--progress", paramLabel = "MODE",
            description = "auto (default: a progress bar on a terminal, else a log line every kpi.jobs.progress-interval),"
                    + " bar, log or off (kpi.jobs.progress).")
    String progress;

    /** The Spring property this option sets (none when not given). */
    Map<String, Object> toProperties() {
        if (progress == null) {
            return Map.of();
        }
        try {
            return Map.of("kpi.jobs.progress", ProgressMode.parse(progress).name().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KpiException(ExitCode.USAGE, "--progress: " + e.getMessage());
        }
    }
}
