package com.logisticskpi.kpi.engine;

/**
 * How a kpi run gets its outcomes (kpi_run.run_mode; docs/kpi-engine.md "What a night recomputes").
 * <ul>
 * <li>{@link #FULL}: every candidate order of the run's periods built for the run itself (recompute, sliced runs);</li>
 * <li>{@link #INCREMENTAL}: the nightly: only orders whose rows changed since the outcome store's last run, or whose
 * outcome changed with time (pending turned late), are rebuilt into the store; only the periods those orders (and
 * new survey responses and tickets) touch, and the report date's day, week and month, are computed again; every
 * other figure is the store's last run's;</li>
 * <li>{@link #REBUILD}: the nightly when the store cannot be continued (first run, another zone or settings, as_of or
 * report date going back): the store is built again from scratch and every figure computed.</li>
 * </ul>
 */
public enum RunMode {
    FULL, INCREMENTAL, REBUILD;

    /** The run id its outcomes are built under: the run's own, or the store's. */
    public long outcomeRun(long runId) {
        return this == FULL ? runId : StoreState.STORE_RUN;
    }
}
