package com.logisticskpi.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.logisticskpi.report.step.RunManifest;

/**
 * Deletes the product's own old outputs, and only those: a file is deleted only when the product recorded that it
 * wrote it, its name matches one of the patterns and its last modification is more than {@code days} days before
 * {@code now}.
 * <ul>
 * <li>Outputs: every run writes a manifest {@value #MANIFEST} into its output directory listing the files it wrote
 * (relative names); {@link #purgeOutputs} only deletes files listed in a manifest, inside that manifest's directory,
 * then the manifest itself (and the run's directories it listed, when empty). A user's {@code holiday.png} or
 * {@code kpi-values-2019.csv} beside them is never listed, so never deleted.</li>
 * <li>Reject files: {@link #purgeRejects} only deletes {@code <name>.csv} files directly in the reject directory whose
 * {@code <name>} is an export file the product recorded in {@code ingest_file}.</li>
 * </ul>
 * Symbolic links are never followed and never deleted: a link (to a file or a directory), a manifest entry that is a
 * link or that leaves its directory ({@code ..}, absolute), is skipped, so nothing outside the directories can be
 * touched.
 */
public class Retention {

    /** Default name globs; {@code kpi.jobs.retention-patterns} replaces them. */
    public static final List<String> DEFAULT_PATTERNS = List.of("kpi-*.xlsx", "kpi-values*.csv", "kpi-drivers*.csv", "kpi-exceptions_*.csv",
            "orders-outcome*.csv", "*.png", "*.csv.csv");
    /** The list of files a run wrote, in its output directory ({@link RunManifest}). */
    public static final String MANIFEST = RunManifest.FILE_NAME;

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

        public Result plus(Result o) {
            List<Path> d = new ArrayList<>(deleted);
            d.addAll(o.deleted);
            List<String> f = new ArrayList<>(failures);
            f.addAll(o.failures);
            return new Result(List.copyOf(d), bytes + o.bytes, List.copyOf(f));
        }
    }

    /** Deletes the old files the manifests under {@code outBase} (up to {@value #MAX_DEPTH} levels) list. */
    public Result purgeOutputs(Path outBase, int days, Instant now) {
        Instant cutoff = cutoff(days, now);
        Acc acc = new Acc();
        Path root = realDir(outBase, acc);
        if (root == null) {
            return acc.result();
        }
        List<Path> manifests = new ArrayList<>();
        walk(root, MAX_DEPTH, acc, (file, attrs) -> {
            if (attrs.isRegularFile() && !attrs.isSymbolicLink() && file.getFileName().toString().equals(MANIFEST)) {
                manifests.add(file);
            }
        });
        for (Path manifest : manifests) {
            purgeManifest(manifest, cutoff, acc);
        }
        LOG.info("retention: deleted {} output file(s) ({} bytes) older than {} days under {}; {} failure(s)",
                acc.deleted.size(), acc.bytes, days, root, acc.failures.size());
        return acc.result();
    }

    private void purgeManifest(Path manifest, Instant cutoff, Acc acc) {
        Path dir = manifest.getParent();
        List<String> lines;
        try {
            if (!Files.getLastModifiedTime(manifest, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                return;                                             // the run is younger than the retention period
            }
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            acc.failures.add(manifest + ": " + e.getMessage());
            return;
        }
        boolean allGone = true;
        List<Path> dirs = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            boolean isDir = line.endsWith("/");
            Path entry = entry(dir, isDir ? line.substring(0, line.length() - 1) : line);
            if (entry == null) {
                continue;                                           // leaves the directory: never ours
            }
            if (isDir) {
                dirs.add(entry);
                continue;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException gone) {
                continue;
            } catch (IOException e) {
                acc.failures.add(entry + ": " + e.getMessage());
                allGone = false;
                continue;
            }
            if (!attrs.isRegularFile() || attrs.isSymbolicLink() || !matches(entry.getFileName())
                    || !noLinkBetween(dir, entry) || !attrs.lastModifiedTime().toInstant().isBefore(cutoff)) {
                allGone = false;                                    // changed since the run wrote it: kept
                continue;
            }
            if (!delete(entry, attrs.size(), acc)) {
                allGone = false;
            }
        }
        if (allGone) {
            try {
                Files.deleteIfExists(manifest);
                dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
                dirs.add(dir);
                for (Path d : dirs) {
                    deleteIfEmptyDir(d);
                }
            } catch (IOException e) {
                acc.failures.add(manifest + ": " + e.getMessage());
            }
        }
    }

    /** A manifest entry resolved inside {@code dir}, or null when it would leave it. */
    private static Path entry(Path dir, String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.contains("\\")) {
            return null;
        }
        Path resolved = dir.resolve(name).normalize();
        return resolved.startsWith(dir) && !resolved.equals(dir) ? resolved : null;
    }

    /** No component between {@code dir} and {@code entry} is a symbolic link. */
    private static boolean noLinkBetween(Path dir, Path entry) {
        for (Path p = entry.getParent(); p != null && !p.equals(dir); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return false;
            }
        }
        return true;
    }

    private static void deleteIfEmptyDir(Path d) {
        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.list(d)) {
            if (s.findAny().isEmpty()) {
                Files.delete(d);
            }
        } catch (IOException e) {
            // not empty any more, or not ours to remove: kept
        }
    }

    /**
     * Deletes the old reject files directly in {@code rejectsDir}: {@code <name>.csv} where {@code recorded} says the
     * product loaded an export file {@code <name>} (the reject file is named after it).
     */
    public Result purgeRejects(Path rejectsDir, Predicate<String> recorded, int days, Instant now) {
        Instant cutoff = cutoff(days, now);
        Acc acc = new Acc();
        Path root = realDir(rejectsDir, acc);
        if (root == null) {
            return acc.result();
        }
        walk(root, 1, acc, (file, attrs) -> {
            String name = file.getFileName().toString();
            if (!attrs.isRegularFile() || attrs.isSymbolicLink() || !name.endsWith(".csv") || !matches(file.getFileName())
                    || !attrs.lastModifiedTime().toInstant().isBefore(cutoff)
                    || !recorded.test(name.substring(0, name.length() - ".csv".length()))) {
                return;
            }
            delete(file, attrs.size(), acc);
        });
        LOG.info("retention: deleted {} reject file(s) ({} bytes) older than {} days in {}; {} failure(s)",
                acc.deleted.size(), acc.bytes, days, root, acc.failures.size());
        return acc.result();
    }

    private static Instant cutoff(int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1");
        }
        return now.minus(Duration.ofDays(days));
    }

    private static Path realDir(Path dir, Acc acc) {
        if (!Files.isDirectory(dir)) {
            return null;                                            // nothing written there yet
        }
        try {
            return dir.toRealPath();                                // the configured directory itself may be a link
        } catch (IOException e) {
            acc.failures.add(dir + ": " + e.getMessage());
            return null;
        }
    }

    private interface Visitor {
        void file(Path file, BasicFileAttributes attrs);
    }

    private static void walk(Path root, int depth, Acc acc, Visitor visitor) {
        try {
            // no FOLLOW_LINKS: links are visited as links (attrs of the link itself) and skipped by the visitors
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    visitor.file(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    acc.failures.add(file + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            acc.failures.add(root + ": " + e.getMessage());
        }
    }

    private static boolean delete(Path file, long size, Acc acc) {
        try {
            Files.delete(file);
            acc.deleted.add(file);
            acc.bytes += size;
            return true;
        } catch (NoSuchFileException gone) {
            return true;                                            // deleted by someone else meanwhile
        } catch (IOException e) {
            acc.failures.add(file + ": " + e.getMessage());
            return false;
        }
    }

    private static final class Acc {
        final List<Path> deleted = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        long bytes;

        Result result() {
            return new Result(List.copyOf(deleted), bytes, List.copyOf(failures));
        }
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
