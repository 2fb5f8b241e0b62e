package com.logisticskpi.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.jobs.*}: where the job files are, which run lock to use, progress logging and retention patterns.
 *
 * @param dir                 directory of the job files ({@code <dir>/<job>.yml}), default {@code jobs}
 * @param lock                {@code auto} (database lock on MySQL/MariaDB, else file lock), {@code file} or {@code database}
 * @param progressInterval    how often a non-interactive run logs its progress (default 30 s)
 * @param progress            how progress is shown: auto (default: a bar on a terminal, else log lines), bar, log, off
 * @param retentionPatterns   file name globs {@link Retention} may delete (the product's own outputs only)
 */
@ConfigurationProperties("kpi.jobs")
public record JobsProperties(Path dir, String lock, Duration progressInterval, List<String> retentionPatterns,
                             ProgressMode progress) {

    public JobsProperties {
        if (dir == null) {
            dir = Path.of("jobs");
        }
        if (lock == null || lock.isBlank()) {
            lock = "auto";
        }
        if (!List.of("auto", "file", "database").contains(lock)) {
            throw new IllegalArgumentException("kpi.jobs.lock must be auto, file or database, not '" + lock + "'");
        }
        if (progressInterval == null) {
            progressInterval = Duration.ofSeconds(30);
        }
        if (progress == null) {
            progress = ProgressMode.AUTO;
        }
        if (retentionPatterns == null || retentionPatterns.isEmpty()) {
            retentionPatterns = Retention.DEFAULT_PATTERNS;
        }
        retentionPatterns = List.copyOf(retentionPatterns);
    }
}
