package com.logisticskpi.report;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Test-only provider (active only with kpi.report.test-provider=true): the hand-made input with the request's date, as-of and locale. */
@Component
@Primary // wins over the engine-backed provider when switched on
@ConditionalOnProperty("kpi.report.test-provider")
class HandSetInputProvider implements ReportInputProvider {

    @Override
    public <T> T withInput(Request request, Use<T> use) throws IOException {
        ReportInput hand = HandSet.input(request.locale());
        return use.apply(new ReportInput(request.businessDate(), request.asOf(), request.zone(), request.locale(),
                hand.freshness(), hand.values(), hand.targets(), hand.controlChart(), hand.deliveredOrders(),
                hand.exceptions(), hand.dataQuality(), request.outDir().resolve("exceptions.csv")));
    }
}
