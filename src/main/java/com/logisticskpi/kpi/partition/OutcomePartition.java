package com.logisticskpi.kpi.partition;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.OrderKeyRange;

/** One partition of the outcome stage as its execution context holds it: the prepared run, its request, the range. */
record OutcomePartition(long runId, KpiRequest request, OrderKeyRange range) {

    static OutcomePartition of(ExecutionContext ctx) {
        return new OutcomePartition(KpiRunContext.runId(ctx), KpiRunContext.request(ctx), KpiRunContext.range(ctx));
    }
}
