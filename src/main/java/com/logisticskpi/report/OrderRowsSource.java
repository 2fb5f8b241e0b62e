package com.logisticskpi.report;

import java.util.List;
import java.util.Map;

import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.report.exception.ExceptionCause;

/** The stored export rows (lines, shipment rows, returns) of a batch of orders, for the exception causes. */
@FunctionalInterface
public interface OrderRowsSource {

    /** No rows for anybody: every exception's cause is {@link ExceptionCause#UNDETERMINED}. */
    OrderRowsSource NONE = ids -> Map.of();

    /** The rows of each of {@code orderIds} that has any (at most a few hundred ids per call). */
    Map<String, OrderRows> rowsOf(List<String> orderIds);
}
