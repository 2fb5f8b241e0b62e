package com.logisticskpi.report.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The manifest a run writes into its output directory: the files (and directories, with a trailing {@code /}) it
 * wrote, relative to the directory. Retention ({@code jobs.Retention}) deletes only what a manifest lists.
 */
public final class RunManifest {

    /** The manifest's file name, in the run's output directory. */
    public static final String FILE_NAME = ".kpi-manifest";
    static final String HEADER = "# logistics-kpi: files written by this run (retention deletes only these)";

    private RunManifest() {
    }

    /**
     * Writes (replaces) the manifest of a run's output directory: the given files and directories, which must lie
     * inside {@code runDir}; directories are recorded with a trailing {@code /} (removed by retention only when empty).
     */
    public static void write(Path runDir, List<Path> files, List<Path> dirs) throws IOException {
        Path base = runDir.toAbsolutePath().normalize();
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Path f : files) {
            sb.append(relative(base, f)).append('\n');
        }
        for (Path d : dirs) {
            sb.append(relative(base, d)).append("/\n");
        }
        Files.createDirectories(base);
        Path tmp = Files.createTempFile(base, FILE_NAME + ".", ".tmp");
        try {
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, base.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) {
            throw new IllegalArgumentException(p + " is not inside the run directory " + base);
        }
        return base.relativize(abs).toString().replace('\\', '/');
    }
}
