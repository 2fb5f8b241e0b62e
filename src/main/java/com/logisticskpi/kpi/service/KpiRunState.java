package com.logisticskpi.kpi.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.engine.KpiRequest;

/**
 * The typed view of what the KPI steps of a job hand to each other through a Spring Batch {@link ExecutionContext}
 * (the job's, or a partition's): the prepared kpi run and its request, the finished kpi run, and how many figures and
 * orders it wrote. Every step reads and writes these through here, never through a string key of its own. The values
 * are stored as plain strings and numbers under fixed keys, so any process sharing the job repository reads them and
 * a restart of an execution written by an earlier version finds them.
 */
public class KpiRunState {

    /** The kpi_run id prepared by the prepare step (the run is COMPLETED by the finish step). */
    private static final String PREPARED_RUN_ID = "kpi.prepared.runId";
    private static final String FROM = "kpi.request.from";
    private static final String TO = "kpi.request.to";
    private static final String AS_OF = "kpi.request.asOf";
    private static final String ZONE = "kpi.request.zone";
    private static final String SLICE = "kpi.request.slice";
    /** The kpi_run id whose figures the job's later steps report. */
    private static final String RUN_ID = "kpi.runId";
    private static final String FIGURES = "kpi.values";
    private static final String ORDERS = "kpi.orders";

    private final ExecutionContext context;

    public KpiRunState(ExecutionContext context) {
        this.context = context;
    }

    /** The context this view reads and writes. */
    protected ExecutionContext context() {
        return context;
    }

    /** Records the prepared kpi run and the request it computes. */
    public void prepared(long runId, KpiRequest request) {
        context.putLong(PREPARED_RUN_ID, runId);
        context.putString(FROM, request.from().toString());
        context.putString(TO, request.to().toString());
        context.putString(AS_OF, request.asOf().toString());
        context.putString(ZONE, request.zone().getId());
        context.putString(SLICE, request.filter() == null ? "" : request.filter().toString());
    }

    public boolean hasPreparedRun() {
        return context.containsKey(PREPARED_RUN_ID);
    }

    public long preparedRunId() {
        return context.getLong(PREPARED_RUN_ID);
    }

    /** The request of the prepared run. */
    public KpiRequest request() {
        return new KpiRequest(LocalDate.parse(context.getString(FROM)), LocalDate.parse(context.getString(TO)),
                Instant.parse(context.getString(AS_OF)), ZoneId.of(context.getString(ZONE)),
                SliceFilter.parse(context.getString(SLICE)));
    }

    /** Records the finished kpi run whose figures the later steps use. */
    public void finished(long runId) {
        context.putLong(RUN_ID, runId);
    }

    public boolean hasFinishedRun() {
        return context.containsKey(RUN_ID);
    }

    public long finishedRunId() {
        return context.getLong(RUN_ID);
    }

    /** Records how many figures (kpi-values.csv rows) and order outcomes (orders-outcome.csv rows) the run wrote. */
    public void written(long figures, long orders) {
        context.putLong(FIGURES, figures);
        context.putLong(ORDERS, orders);
    }

    public long figures() {
        return context.getLong(FIGURES);
    }

    public long orders() {
        return context.getLong(ORDERS);
    }
}
