package com.logisticskpi.kpi.partition;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.kpi.engine.OutcomeBuilder;
import com.logisticskpi.kpi.engine.OutcomeStage;

/** An order's outcome from its stored rows; an order with no OK line takes part in nothing and is filtered out. */
public class OutcomeProcessor implements ItemProcessor<OrderRows, OutcomeBuilder.Built> {

    private final OutcomeBuilder builder;

    public OutcomeProcessor(OutcomeBuilder builder) {
        this.builder = builder;
    }

    @Override
    public OutcomeBuilder.Built process(OrderRows rows) {
        return OutcomeStage.build(builder, rows);
    }
}
