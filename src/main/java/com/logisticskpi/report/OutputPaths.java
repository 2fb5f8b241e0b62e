package com.logisticskpi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Output file names and atomic writes. A file name is built only from allow-listed parts and must resolve to a
 * file directly inside the output directory; a file is written to a temporary file in the same directory and
 * moved into place atomically, so readers never see a half-written report and a failed write keeps the old one.
 */
public final class OutputPaths {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,120}");

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputPaths() {
    }

    /** {@code kpi-report_<yyyy-MM-dd>.xlsx}. */
    public static String workbookName(LocalDate date) {
        return "kpi-report_" + date.format(DateTimeFormatter.ISO_LOCAL_DATE) + ".xlsx";
    }

    /**
     * The file {@code name} directly inside {@code dir}. Refuses names with path separators, {@code ..}, absolute
     * paths and anything outside {@code [A-Za-z0-9_.-]}, and checks the resolved path's parent is {@code dir}
     * itself (component-wise, so {@code /tmp/out-evil} is not inside {@code /tmp/out}).
     */
    public static Path inside(Path dir, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("unsafe output file name '" + name + "'");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path resolved = base.resolve(name).normalize();
        if (!resolved.startsWith(base) || !base.equals(resolved.getParent())) {
            throw new IllegalArgumentException("output file '" + name + "' resolves outside " + base);
        }
        return resolved;
    }

    /** Checks that {@code candidate} lies inside {@code dir} (component-wise after normalising both). */
    public static boolean isInside(Path dir, Path candidate) {
        Path base = dir.toAbsolutePath().normalize();
        Path c = candidate.toAbsolutePath().normalize();
        return c.startsWith(base) && !c.equals(base);
    }

    /** Temporary files are created owner-only; a report is an ordinary file (rw-r--r--) once in place. */
    private static void readableByOthers(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Fills a temporary file (given its path) that then replaces the target. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path tmp) throws IOException;
    }

    /**
     * Writes {@code target} atomically: a temporary file in the same directory, flushed and synced, then moved over
     * the target with ATOMIC_MOVE. On any failure the temporary file is removed and the previous target stays.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        replaceAtomically(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp);
                 var buffered = new java.io.BufferedOutputStream(out, 1 << 16)) {
                content.writeTo(buffered);
                buffered.flush();
            }
        });
    }

    /** The same for content written by path (CSV writers that open the file themselves). */
    public static void replaceAtomically(Path target, FileContent content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            content.writeTo(tmp);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            readableByOthers(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot replace files atomically", e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
