package com.logisticskpi.kpi.partition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.OrderKeyRange;

/**
 * What a partitioned KPI computation keeps in Spring Batch execution contexts (plain strings, so any process sharing
 * the job repository can read them): the prepared kpi run id and its request in the job's context, and in every
 * partition's context the same plus the partition's order-key range.
 */
public final class KpiRunContext {

    /** Job execution context: the kpi_run id prepared by the prepare step (the run is COMPLETED by the finish step). */
    public static final String PREPARED_RUN_ID = "kpi.prepared.runId";
    static final String FROM = "kpi.request.from";
    static final String TO = "kpi.request.to";
    static final String AS_OF = "kpi.request.asOf";
    static final String ZONE = "kpi.request.zone";
    static final String SLICE = "kpi.request.slice";
    static final String RANGE_FROM = "kpi.range.from";
    static final String RANGE_TO = "kpi.range.to";

    private KpiRunContext() {
    }

    public static void putRun(ExecutionContext ctx, long runId, KpiRequest req) {
        ctx.putLong(PREPARED_RUN_ID, runId);
        ctx.putString(FROM, req.from().toString());
        ctx.putString(TO, req.to().toString());
        ctx.putString(AS_OF, req.asOf().toString());
        ctx.putString(ZONE, req.zone().getId());
        ctx.putString(SLICE, req.filter() == null ? "" : req.filter().toString());
    }

    public static boolean hasRun(ExecutionContext ctx) {
        return ctx.containsKey(PREPARED_RUN_ID);
    }

    public static long runId(ExecutionContext ctx) {
        return ctx.getLong(PREPARED_RUN_ID);
    }

    public static KpiRequest request(ExecutionContext ctx) {
        return new KpiRequest(LocalDate.parse(ctx.getString(FROM)), LocalDate.parse(ctx.getString(TO)),
                Instant.parse(ctx.getString(AS_OF)), ZoneId.of(ctx.getString(ZONE)), SliceFilter.parse(ctx.getString(SLICE)));
    }

    static void putRange(ExecutionContext ctx, OrderKeyRange range) {
        // an open bound is stored as an absent key (an order id is never null)
        if (range.from() != null) {
            ctx.putString(RANGE_FROM, range.from());
        }
        if (range.to() != null) {
            ctx.putString(RANGE_TO, range.to());
        }
    }

    static OrderKeyRange range(ExecutionContext ctx) {
        return new OrderKeyRange(ctx.containsKey(RANGE_FROM) ? ctx.getString(RANGE_FROM) : null,
                ctx.containsKey(RANGE_TO) ? ctx.getString(RANGE_TO) : null);
    }
}
