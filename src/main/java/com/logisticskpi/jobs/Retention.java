package com.logisticskpi.jobs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the product's own old outputs (workbooks, kpi-values.csv, reject files) from the given directories:
 * only regular files whose name matches one of the patterns and whose last modification is more than
 * {@code days} days before {@code now}. Symbolic links are never followed and never deleted-through: a link (to a
 * file or a directory) is skipped, so nothing outside the directories can be touched. Directories are kept.
 */
public class Retention {

    /** Default name globs; {@code kpi.jobs.retention-patterns} replaces them. */
    public static final List<String> DEFAULT_PATTERNS = List.of("kpi-*.xlsx", "kpi-values*.csv", "kpi-exceptions_*.csv",
            "orders-outcome*.csv", "*.png", "*.csv.csv");

    static final int MAX_DEPTH = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final List<PathMatcher> matchers = new ArrayList<>();

    public Retention(List<String> patterns) {
        for (String p : patterns) {
            if (p.contains("/") || p.contains("\\") || p.contains("**")) {
                throw new IllegalArgumentException("retention pattern '" + p + "' must be a file name glob, not a path");
            }
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
        }
    }

    /** What one purge did. */
    public record Result(List<Path> deleted, long bytes, List<String> failures) {
    }

    public Result purge(List<Path> dirs, int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1");
        }
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<Path> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long[] bytes = {0};
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;                                   // nothing written there yet
            }
            Path root;
            try {
                root = dir.toRealPath();                    // the configured directory itself may be a link
            } catch (IOException e) {
                failures.add(dir + ": " + e.getMessage());
                continue;
            }
            try {
                // no FOLLOW_LINKS: links are visited as links (attrs of the link itself) and skipped below
                Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile() || attrs.isSymbolicLink() || !matches(file.getFileName())) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (!attrs.lastModifiedTime().toInstant().isBefore(cutoff)) {
                            return FileVisitResult.CONTINUE;
                        }
                        try {
                            Files.delete(file);
                            deleted.add(file);
                            bytes[0] += attrs.size();
                        } catch (NoSuchFileException gone) {
                            // deleted by someone else meanwhile
                        } catch (IOException e) {
                            failures.add(file + ": " + e.getMessage());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        failures.add(file + ": " + e.getMessage());
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                failures.add(root + ": " + e.getMessage());
            }
        }
        LOG.info("retention: deleted {} files ({} bytes) older than {} days; {} failures", deleted.size(), bytes[0], days,
                failures.size());
        return new Result(List.copyOf(deleted), bytes[0], List.copyOf(failures));
    }

    boolean matches(Path name) {
        for (PathMatcher m : matchers) {
            if (m.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
