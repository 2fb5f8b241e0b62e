package com.logisticskpi.jobs.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.logisticskpi.jobs.ProgressMode;

/**
 * Progress of a long command, phase by phase (ingest, outcomes, report ...), in one of two forms, never both:
 * <ul>
 * <li>a bar ({@link ProgressMode#BAR}, on a terminal): one line per phase on stderr, redrawn in place with a carriage
 * return (at most every 100 ms) and ended with a newline when the phase is done:
 * {@code ingest  [#########---------------]  38%  63/140 files  52,113 rows  2,400 rows/s  ETA 0:12}</li>
 * <li>log lines ({@link ProgressMode#LOG}: cron, systemd, CI): a plain line every {@code interval}:
 * {@code ingest: 63/140 files, 52,113 rows (38%), 2,400 rows/s, ETA 0:12}</li>
 * </ul>
 * Every phase ends with one log line ({@code ingest: done, 140 files, 35,112 rows in 0:22 (1,596 rows/s)}), in every
 * mode but {@link ProgressMode#OFF}: the log file keeps the record; the console never shows log lines.
 * <p>A phase counts its units done of a total ({@link Phase#update}: files, orders, sheets; total unknown = 0), may
 * count rows without a total ({@link Phase#rows}) and may measure its work in another unit ({@link Phase#work}, e.g.
 * bytes read of the files' total bytes). The percentage and the ETA come from the work when it is measured, else from
 * the units; the ETA assumes the average rate so far for what is left. The rate is rows/s when rows are counted, else
 * units/s. A {@link #forConsole console} reporter also redraws / logs once a second on its own, so a phase busy in
 * one long statement still shows its time passing.
 */
public final class ProgressReporter implements AutoCloseable {

    static final long REDRAW_NANOS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final ProgressMode mode;
    private final PrintWriter terminal;
    private final Consumer<String> log;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final Set<Phase> open = ConcurrentHashMap.newKeySet();
    private final boolean tick;
    private ScheduledExecutorService ticker;

    private ProgressReporter(ProgressMode mode, PrintWriter terminal, Consumer<String> log, LongSupplier nanoClock,
                             Duration interval, boolean tick) {
        this.mode = mode;
        this.terminal = terminal;
        this.log = log;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
        this.tick = tick && mode != ProgressMode.OFF;
    }

    /**
     * For the running process: {@code mode} with AUTO resolved by {@code System.console()}; the bar goes to stderr,
     * the lines to this class's logger (the log file).
     */
    public static ProgressReporter forConsole(ProgressMode mode, Duration interval) {
        return new ProgressReporter(mode.resolve(System.console() != null), new PrintWriter(System.err, true), LOG::info,
                System::nanoTime, interval, true);
    }

    /** Writes to the given sinks with the given clock and no ticker of its own (tests). */
    public static ProgressReporter of(ProgressMode mode, PrintWriter terminal, Consumer<String> log, LongSupplier nanoClock,
                                      Duration interval) {
        return new ProgressReporter(mode, terminal, log, nanoClock, interval, false);
    }

    /** {@link ProgressMode#BAR} or {@link ProgressMode#LOG} as {@code interactive} says (tests). */
    public static ProgressReporter of(boolean interactive, PrintWriter terminal, Consumer<String> log, LongSupplier nanoClock,
                                      Duration interval) {
        return of(interactive ? ProgressMode.BAR : ProgressMode.LOG, terminal, log, nanoClock, interval);
    }

    /** The mode in force (AUTO already resolved). */
    public ProgressMode mode() {
        return mode;
    }

    /** Starts a phase counting rows; {@code totalRows <= 0} = unknown total. */
    public Phase start(String name, long totalRows) {
        return start(name, "rows", totalRows);
    }

    /**
     * Starts a phase that counts nothing (one long statement, e.g. computing the figures): it shows its time so far
     * ({@code figures  0:07}, {@code figures: 0:07 so far}, {@code figures: done in 0:11}).
     */
    public Phase start(String name) {
        return start(name, null, 0);
    }

    /** Starts a phase counting {@code unit}s (files, orders, sheets); {@code total <= 0} = unknown total. */
    public Phase start(String name, String unit, long total) {
        Phase p = new Phase(name, unit, total);
        open.add(p);
        startTicker();
        return p;
    }

    /** The ticker starts with the first phase, so a process that shows no progress runs no thread for it. */
    private synchronized void startTicker() {
        if (tick && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Stops the ticker (open phases stay open; end them first). */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** Redraws or logs every open phase whose time has come (the ticker's work; tests call it by hand). */
    public void tick() {
        for (Phase p : open) {
            p.show();
        }
    }

    /** One phase's progress; close it (or call {@link #done()}) when the phase ends. Safe from any thread. */
    public final class Phase implements AutoCloseable {
        private final String name;
        private final String unit;
        private final long started;
        private long total;
        private long done;
        private boolean countsRows;
        private long rows;
        private long workDone;
        private long workTotal;
        private long lastOutput;
        private int lastWidth;
        private boolean finished;

        private Phase(String name, String unit, long total) {
            this.name = name;
            this.unit = unit;
            this.total = total;
            this.started = nanoClock.getAsLong();
            this.lastOutput = started;
        }

        /** The units done so far. */
        public synchronized long units() {
            return done;
        }

        /** The rows counted so far. */
        public synchronized long rows() {
            return rows;
        }

        /** Sets the total of units once it is known. */
        public synchronized void total(long units) {
            total = units;
        }

        /** Adds {@code n} units done. */
        public synchronized void advance(long n) {
            update(done + n);
        }

        /** Sets the units done so far. */
        public synchronized void update(long unitsDone) {
            done = unitsDone;
            show();
        }

        /** Adds {@code n} rows (shown, and the rate, without a total). */
        public synchronized void rows(long n) {
            countsRows = true;
            rows += n;
            show();
        }

        /** Sets the work measured for the percentage and the ETA (e.g. bytes read of the total bytes). */
        public synchronized void work(long workDone, long workTotal) {
            this.workDone = workDone;
            this.workTotal = workTotal;
            show();
        }

        /** Ends the phase: the bar's last state and a newline, and the phase's one log line. */
        public synchronized void done() {
            if (finished) {
                return;
            }
            finished = true;
            open.remove(this);
            if (mode == ProgressMode.OFF) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (mode == ProgressMode.BAR) {
                draw(now);
                terminal.print('\n');
                terminal.flush();
            }
            log.accept(doneLine(now));
        }

        @Override
        public void close() {
            done();
        }

        private synchronized void show() {
            if (finished) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (mode == ProgressMode.BAR) {
                if (now - lastOutput >= REDRAW_NANOS) {
                    draw(now);
                }
            } else if (mode == ProgressMode.LOG && now - lastOutput >= intervalNanos) {
                log.accept(logLine(now));
                lastOutput = now;
            }
        }

        private void draw(long now) {
            String line = barLine(now);
            int pad = Math.max(0, lastWidth - line.length());
            terminal.print('\r' + line + " ".repeat(pad));
            terminal.flush();
            lastWidth = line.length();
            lastOutput = now;
        }

        private PhaseLine line(long now) {
            return new PhaseLine(name, unit, done, total, countsRows, rows, workDone, workTotal, now - started);
        }

        synchronized String barLine(long now) {
            return line(now).bar();
        }

        synchronized String logLine(long now) {
            return line(now).log();
        }

        synchronized String doneLine(long now) {
            return line(now).end();
        }
    }
}
