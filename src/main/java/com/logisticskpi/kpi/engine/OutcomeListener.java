package com.logisticskpi.kpi.engine;

/**
 * What {@link KpiEngine} tells while it builds a run's order outcomes (register with {@link KpiEngine#listen}): the
 * number of candidate orders once {@link KpiEngine#prepare} selected them, then every chunk of candidates whose
 * outcomes are built. The chunks of a run add up to its candidates (an order without an OK line is a candidate that
 * gets no outcome). Ranges are built in parallel, so an implementation must be thread-safe; a remote worker's chunks
 * are seen only by listeners in that worker's process.
 */
public interface OutcomeListener {

    /** Run {@code runId} has {@code candidates} candidate orders. */
    default void candidatesSelected(long runId, long candidates) {
    }

    /** {@code candidates} more candidate orders of run {@code runId} have been built. */
    default void candidatesBuilt(long runId, long candidates) {
    }
}
