package com.logisticskpi.kpi.partition;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.OrderKeyRange;
import com.logisticskpi.kpi.service.KpiRunState;

/** One partition of the outcome stage as its execution context holds it: the prepared run, its request, the range. */
record OutcomePartition(long runId, KpiRequest request, OrderKeyRange range) {

    static OutcomePartition of(ExecutionContext ctx) {
        KpiRunState state = new KpiRunState(ctx);
        return new OutcomePartition(state.preparedRunId(), state.request(), KpiRunContext.range(ctx));
    }
}
