package com.logisticskpi.jobs;

/**
 * How a command shows its progress ({@code kpi.jobs.progress}, {@code --progress}): never more than one of them.
 * <ul>
 * <li>{@link #AUTO} (default): {@link #BAR} when the process has a terminal ({@code System.console() != null}: stdin
 * and stdout are a terminal), else {@link #LOG}.</li>
 * <li>{@link #BAR}: one bar line per phase on stderr, redrawn in place.</li>
 * <li>{@link #LOG}: a plain line in the log every {@code kpi.jobs.progress-interval}, and one when a phase ends.</li>
 * <li>{@link #OFF}: nothing.</li>
 * </ul>
 * Whatever the mode, the command's own output (summary, one-line failure) and its exit code stay the same.
 */
public enum ProgressMode {
    AUTO, BAR, LOG, OFF;

    /** {@code auto}, {@code bar}, {@code log} or {@code off} (any case). */
    public static ProgressMode parse(String text) {
        for (ProgressMode m : values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("progress must be auto, bar, log or off, not '" + text + "'");
    }

    /** AUTO resolved for this process. */
    public ProgressMode resolve(boolean terminal) {
        return this == AUTO ? (terminal ? BAR : LOG) : this;
    }
}
