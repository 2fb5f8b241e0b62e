package com.logisticskpi.jobs;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long run, step by step (load orders, compute, write workbook ...).
 * <ul>
 * <li>interactive (a terminal: {@code System.console() != null}): one progress-bar line per step, redrawn in place
 * with a carriage return (at most every 100 ms) and ended with a newline when the step is done:
 * {@code load orders  [############------------]  50%  500,000/1,000,000 rows  25,000 rows/s  ETA 0:20}</li>
 * <li>otherwise (cron, systemd, CI): a plain log line every {@code interval} and one when the step is done:
 * {@code load orders: 500,000/1,000,000 rows (50%), 25,000 rows/s, ETA 0:20}</li>
 * </ul>
 * rows/s is the step's average so far; the ETA assumes that rate for the remaining rows. A step without a known
 * total shows rows and rows/s only.
 */
public final class ProgressReporter {

    static final int BAR = 24;
    static final long REDRAW_NANOS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final boolean interactive;
    private final PrintWriter terminal;
    private final Consumer<String> log;
    private final LongSupplier nanoClock;
    private final long intervalNanos;

    ProgressReporter(boolean interactive, PrintWriter terminal, Consumer<String> log, LongSupplier nanoClock, Duration interval) {
        this.interactive = interactive;
        this.terminal = terminal;
        this.log = log;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
    }

    /** For the running process: a bar on the terminal's stderr when there is one, else log lines every {@code interval}. */
    public static ProgressReporter forConsole(Duration interval) {
        boolean tty = System.console() != null;
        return new ProgressReporter(tty, new PrintWriter(System.err, true), LOG::info, System::nanoTime, interval);
    }

    /** Writes to the given sinks with the given clock (tests, or a command that wants its own output). */
    public static ProgressReporter of(boolean interactive, PrintWriter terminal, Consumer<String> log, LongSupplier nanoClock,
                                      Duration interval) {
        return new ProgressReporter(interactive, terminal, log, nanoClock, interval);
    }

    public boolean interactive() {
        return interactive;
    }

    /** Starts a step; {@code totalRows <= 0} = unknown total. */
    public Step start(String name, long totalRows) {
        return new Step(name, totalRows);
    }

    /** One step's progress; close it (or call {@link #done()}) when the step ends. */
    public final class Step implements AutoCloseable {
        private final String name;
        private final long total;
        private final long started;
        private long rows;
        private long lastOutput;
        private int lastWidth;
        private boolean finished;

        private Step(String name, long total) {
            this.name = name;
            this.total = total;
            this.started = nanoClock.getAsLong();
            this.lastOutput = started;
        }

        /** The rows processed so far. */
        public long rows() {
            return rows;
        }

        /** Adds {@code n} processed rows. */
        public void advance(long n) {
            update(rows + n);
        }

        /** Sets the processed rows so far. */
        public void update(long rowsDone) {
            rows = rowsDone;
            long now = nanoClock.getAsLong();
            if (interactive) {
                if (now - lastOutput >= REDRAW_NANOS) {
                    draw(now);
                }
            } else if (now - lastOutput >= intervalNanos) {
                log.accept(logLine(now));
                lastOutput = now;
            }
        }

        public void done() {
            if (finished) {
                return;
            }
            finished = true;
            long now = nanoClock.getAsLong();
            if (interactive) {
                draw(now);
                terminal.print('\n');
                terminal.flush();
            } else {
                log.accept(String.format(Locale.US, "%s: done, %,d rows in %s (%s rows/s)", name, rows,
                        duration(now - started), rate(now)));
            }
        }

        @Override
        public void close() {
            done();
        }

        private void draw(long now) {
            String line = barLine(now);
            int pad = Math.max(0, lastWidth - line.length());
            terminal.print('\r' + line + " ".repeat(pad));
            terminal.flush();
            lastWidth = line.length();
            lastOutput = now;
        }

        /** {@code load orders  [######------]  50%  500,000/1,000,000 rows  25,000 rows/s  ETA 0:20} */
        String barLine(long now) {
            StringBuilder b = new StringBuilder(name).append("  ");
            if (total > 0) {
                double f = Math.min(1.0, (double) rows / total);
                int filled = (int) Math.floor(f * BAR);
                b.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
                b.append(String.format(Locale.US, "%3d%%  %,d/%,d rows  %s rows/s  ETA %s", (int) Math.floor(f * 100), rows,
                        total, rate(now), eta(now)));
            } else {
                b.append(String.format(Locale.US, "%,d rows  %s rows/s", rows, rate(now)));
            }
            return b.toString();
        }

        /** {@code load orders: 500,000/1,000,000 rows (50%), 25,000 rows/s, ETA 0:20} */
        String logLine(long now) {
            if (total > 0) {
                return String.format(Locale.US, "%s: %,d/%,d rows (%d%%), %s rows/s, ETA %s", name, rows, total,
                        (int) Math.floor(Math.min(1.0, (double) rows / total) * 100), rate(now), eta(now));
            }
            return String.format(Locale.US, "%s: %,d rows, %s rows/s", name, rows, rate(now));
        }

        private String rate(long now) {
            long elapsed = now - started;
            if (elapsed <= 0) {
                return "–";
            }
            return String.format(Locale.US, "%,d", Math.round(rows * 1e9 / elapsed));
        }

        private String eta(long now) {
            long elapsed = now - started;
            if (rows >= total) {
                return "0:00";
            }
            if (elapsed <= 0 || rows <= 0) {
                return "–";
            }
            return duration((long) ((double) (total - rows) * elapsed / rows));
        }
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
