package com.logisticskpi.kpi.engine;

import java.util.List;

import com.logisticskpi.kpi.KpiValue;

/**
 * What one engine run produced.
 *
 * @param runId      the kpi_run row (its order_outcome and kpi_value rows are stored under it)
 * @param request    what was asked
 * @param orderCount outcomes built (candidate orders with an OK line)
 * @param values     every figure, sorted as in kpi-values.csv
 */
public record KpiRunResult(long runId, KpiRequest request, long orderCount, List<KpiValue> values) {
}
