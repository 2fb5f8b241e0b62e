package com.logisticskpi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders per-file data-quality rows as a plain-text table (the {@code ingest} command's output). */
public final class QualityTable {

    private static final String[] HEADER = {"file", "kind", "status", "read", "loaded", "superseded", "rejected",
            "orphans", "rejects by reason"};

    private QualityTable() {
    }

    public static String render(List<FileResult> files) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FileResult f : files) {
            rows.add(new String[] {f.fileName(), f.kind().label(), f.status(), n(f.rowsRead()), n(f.rowsLoaded()),
                    n(f.rowsSuperseded()), n(f.rowsRejected()), n(f.orphans()), reasons(f.rejectsByReason())});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean number = i >= 3 && i <= 7;
                String cell = number ? " ".repeat(width[i] - r[i].length()) + r[i]
                        : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (FileResult f : files) {
            if (f.message() != null && !f.message().isBlank()) {
                out.append(f.failed() ? "FAILED " : "note   ").append(f.fileName()).append(": ")
                        .append(stripFilePrefix(f)).append('\n');
            }
        }
        return out.toString();
    }

    private static String stripFilePrefix(FileResult f) {
        String m = f.message().replaceAll("[\\r\\n\\t]+", " ");
        String prefix = f.fileName() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String reasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
