package com.logisticskpi.report;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.report.workbook.ReportWriter;

/** Child-JVM entry of {@link ReportScaleTests}: writes a report with N generated exception orders, never held in memory. */
public final class ExceptionsScaleMain {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Iterable<OrderOutcome> generated = () -> new Iterator<>() {
            final Random rnd = new Random(17);
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public OrderOutcome next() {
                return ReportTestData.outcome(i++, rnd, 40 + rnd.nextDouble() * 50, true);
            }
        };
        ReportInput base = ReportTestData.synthetic(1, Locale.ENGLISH, java.util.List.of());
        ReportInput in = new ReportInput(base.businessDate(), base.asOf(), base.zone(), base.locale(), base.freshness(),
                base.values(), base.targets(), base.controlChart(), base.deliveredOrders(), generated, base.dataQuality(),
                base.exceptionsCsv());
        ReportFiles files = new ReportWriter(new ReportProperties(n, null, 2)).write(in, out);
        Runtime rt = Runtime.getRuntime();
        System.out.println("written " + files.workbook() + " max heap " + rt.maxMemory() / (1 << 20) + " MB");
    }
}
