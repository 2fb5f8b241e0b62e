package com.logisticskpi.jobs.progress;

import java.util.Locale;

/**
 * The text of one phase's progress at one moment, in the three forms {@link ProgressReporter} writes.
 *
 * @param name       the phase ({@code ingest})
 * @param unit       what it counts ({@code files}); null for a phase that only shows its time
 * @param done       units done
 * @param total      units in all, 0 when unknown
 * @param countsRows whether rows are counted too (then the rate is rows/s)
 * @param rows       rows so far
 * @param workDone   measured work done (bytes read), for the percentage and the ETA when {@code workTotal > 0}
 * @param workTotal  measured work in all, 0 when not measured
 * @param elapsed    nanoseconds since the phase started
 */
record PhaseLine(String name, String unit, long done, long total, boolean countsRows, long rows, long workDone,
                 long workTotal, long elapsed) {

    static final int BAR = 24;

    /** {@code ingest  [#########---------------]  38%  63/140 files  52,113 rows  2,400 rows/s  ETA 0:12} */
    String bar() {
        StringBuilder b = new StringBuilder(name).append("  ");
        if (timeOnly()) {
            return b.append(duration(elapsed)).toString();
        }
        double f = fraction();
        if (f >= 0) {
            int filled = (int) Math.floor(f * BAR);
            b.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
            b.append(String.format(Locale.US, "%3d%%  ", (int) Math.floor(f * 100)));
        }
        b.append(counters("  ")).append("  ").append(rate());
        if (f >= 0) {
            b.append("  ETA ").append(eta(f));
        }
        return b.toString();
    }

    /** {@code ingest: 63/140 files, 52,113 rows (38%), 2,400 rows/s, ETA 0:12} */
    String log() {
        if (timeOnly()) {
            return name + ": " + duration(elapsed) + " so far";
        }
        StringBuilder b = new StringBuilder(name).append(": ").append(counters(", "));
        double f = fraction();
        if (f >= 0) {
            b.append(String.format(Locale.US, " (%d%%)", (int) Math.floor(f * 100)));
        }
        b.append(", ").append(rate());
        if (f >= 0) {
            b.append(", ETA ").append(eta(f));
        }
        return b.toString();
    }

    /** {@code ingest: done, 140 files, 35,112 rows in 0:22 (1,596 rows/s)} */
    String end() {
        if (timeOnly()) {
            return name + ": done in " + duration(elapsed);
        }
        StringBuilder b = new StringBuilder(name).append(": done, ").append(count(done, unit));
        if (countsRows) {
            b.append(", ").append(count(rows, "rows"));
        }
        return b.append(" in ").append(duration(elapsed)).append(" (").append(rate()).append(')').toString();
    }

    /** A phase without a unit, or one that has counted nothing yet and has no total (a tasklet that counts at its end). */
    private boolean timeOnly() {
        return unit == null || (done == 0 && total <= 0 && !countsRows);
    }

    private String counters(String separator) {
        String units = total > 0 ? String.format(Locale.US, "%,d/%,d %s", done, total, unit) : count(done, unit);
        return countsRows ? units + separator + count(rows, "rows") : units;
    }

    /** Done of total in [0, 1] from the work when measured, else from the units; -1 when unknown. */
    private double fraction() {
        if (workTotal > 0) {
            return Math.min(1.0, (double) workDone / workTotal);
        }
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }

    /** {@code 2,400 rows/s}; below 10 per second with one decimal ({@code 0.4 sheets/s}). */
    private String rate() {
        String what = countsRows ? "rows" : unit;
        if (elapsed <= 0) {
            return "– " + what + "/s";
        }
        double perSecond = (countsRows ? rows : done) * 1e9 / elapsed;
        return (perSecond < 10 ? String.format(Locale.US, "%.1f", perSecond)
                : String.format(Locale.US, "%,d", Math.round(perSecond))) + " " + what + "/s";
    }

    /** What is left at the average pace so far. */
    private String eta(double f) {
        if (f >= 1.0) {
            return "0:00";
        }
        if (elapsed <= 0 || f <= 0) {
            return "–";
        }
        return duration((long) (elapsed * (1 - f) / f));
    }

    private static String count(long n, String unit) {
        return String.format(Locale.US, "%,d %s", n, unit);
    }

    /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
