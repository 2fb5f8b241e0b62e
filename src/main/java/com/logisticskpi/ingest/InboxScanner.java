package com.logisticskpi.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the export files of an inbox in load order: kind by kind (orders, shipments, returns, surveys), and within
 * a kind by business date in the name, then by name. A file matching several kinds' globs belongs to the first.
 * Names match the globs case-insensitively ({@code Orders_20261122.CSV} is an orders file).
 *
 * <p>Not taken, each with a warning (names escaped, so a name cannot forge a log line): symbolic links (unless
 * {@code kpi.ingest.inbox.links: inside} and the target is a regular file inside the inbox), files modified less than
 * {@code min-age} ago and files whose last line has no line break (still being written: the next run loads them),
 * and files that match no glob (listed, so a misnamed export is noticed).
 */
final class InboxScanner {

    private static final Logger LOG = LoggerFactory.getLogger(InboxScanner.class);
    /** The marker of a fixed inbox (sample data): its files are not being written, no age check. */
    static final String KEEP_MARKER = ".kpi-keep";

    private final IngestProperties properties;
    private final InboxProperties inbox;

    InboxScanner(IngestProperties properties) {
        this(properties, InboxProperties.defaults());
    }

    InboxScanner(IngestProperties properties, InboxProperties inbox) {
        this.properties = properties;
        this.inbox = inbox;
    }

    /** What a scan found: the files to load and the ones it left, with why. */
    record Scan(List<InboxFile> files, List<String> skipped) {
    }

    List<InboxFile> scan(Path dir) {
        return scanAll(dir, Instant.now()).files();
    }

    Scan scanAll(Path dir, Instant now) {
        if (!Files.isDirectory(dir)) {
            throw new IngestException("inbox " + dir + " is not a directory");
        }
        List<PathMatcher> matchers = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + properties.glob(kind).toLowerCase(Locale.ROOT)));
        }
        boolean fixed = Files.exists(dir.resolve(KEEP_MARKER), LinkOption.NOFOLLOW_LINKS);
        Path realInbox;
        try {
            realInbox = dir.toRealPath();
        } catch (IOException e) {
            throw new IngestException("inbox " + dir + " cannot be read: " + e.getMessage(), e);
        }
        List<InboxFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.equals(KEEP_MARKER)) {
                    continue;
                }
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!escape(name).equals(name) || name.contains("\\")) {
                    skip(skipped, name, "has control characters in its name: not loaded (rename it)");
                    continue;
                }
                ExportKind kind = kindOf(matchers, name);
                if (attrs.isDirectory()) {
                    continue;
                }
                if (kind == null) {
                    skip(skipped, name, "matches no export file pattern (" + globs() + "): not loaded");
                    continue;
                }
                if (attrs.isSymbolicLink()) {
                    Path target = linkTargetInside(p, realInbox);
                    if (target == null) {
                        skip(skipped, name, "is a symbolic link" + (inbox.links().equals("inside")
                                ? " to something that is not a regular file inside the inbox" : "")
                                + ": not followed (kpi.ingest.inbox.links)");
                        continue;
                    }
                    attrs = Files.readAttributes(target, BasicFileAttributes.class);
                } else if (!attrs.isRegularFile()) {
                    skip(skipped, name, "is not a regular file: not loaded");
                    continue;
                }
                if (!fixed) {
                    Duration age = Duration.between(attrs.lastModifiedTime().toInstant(), now);
                    if (age.compareTo(inbox.minAge()) < 0) {
                        skip(skipped, name, "was modified " + Math.max(0, age.toSeconds()) + " s ago (still being written?):"
                                + " left for the next run (kpi.ingest.inbox.min-age " + inbox.minAge().toSeconds() + " s)");
                        continue;
                    }
                }
                if (inbox.requireFinalNewline() && attrs.size() > 0 && !endsWithLineBreak(p)) {
                    skip(skipped, name, "has no line break after its last line (cut off while being copied?): left for the"
                            + " next run (kpi.ingest.inbox.require-final-newline)");
                    continue;
                }
                files.add(InboxFile.of(kind, p));
            }
        } catch (IOException e) {
            throw new IngestException("inbox " + dir + " cannot be listed: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(InboxFile::kind).thenComparing(InboxFile::sourceOrder));
        return new Scan(List.copyOf(files), List.copyOf(skipped));
    }

    private static ExportKind kindOf(List<PathMatcher> matchers, String name) {
        Path lower = Path.of(name.toLowerCase(Locale.ROOT));
        for (ExportKind kind : ExportKind.values()) {
            if (matchers.get(kind.ordinal()).matches(lower)) {
                return kind;
            }
        }
        return null;
    }

    private String globs() {
        List<String> g = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            g.add(properties.glob(kind));
        }
        return String.join(", ", g);
    }

    /** The link's target when links may be followed inside the inbox and it is a regular file there; else null. */
    private Path linkTargetInside(Path link, Path realInbox) {
        if (!inbox.links().equals("inside")) {
            return null;
        }
        try {
            Path target = link.toRealPath();
            return target.getParent() != null && target.getParent().equals(realInbox) && Files.isRegularFile(target)
                    ? target : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean endsWithLineBreak(Path p) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            f.seek(f.length() - 1);
            return f.read() == '\n';
        }
    }

    private static void skip(List<String> skipped, String name, String why) {
        String line = escape(name) + " " + why;
        skipped.add(line);
        LOG.warn("inbox: {}", line);
    }

    /** A file name for a log line or the summary: control characters (line breaks) as \\n, \\r, \\uXXXX. */
    static String escape(String name) {
        StringBuilder b = new StringBuilder(name.length() + 2);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
