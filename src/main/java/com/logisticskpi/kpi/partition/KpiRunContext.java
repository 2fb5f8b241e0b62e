package com.logisticskpi.kpi.partition;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.service.KpiRunState;
import com.logisticskpi.kpi.engine.OrderKeyRange;

/**
 * What a partitioned KPI computation keeps in a partition's Spring Batch execution context besides the prepared run
 * and its request ({@link KpiRunState}, as in the job's context): the partition's order-key range (plain strings, so
 * any process sharing the job repository can read them).
 */
public final class KpiRunContext {

    static final String RANGE_FROM = "kpi.range.from";
    static final String RANGE_TO = "kpi.range.to";

    private KpiRunContext() {
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
