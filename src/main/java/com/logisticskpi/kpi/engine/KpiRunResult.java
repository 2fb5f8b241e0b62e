package com.logisticskpi.kpi.engine;

import java.util.List;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.drivers.DriverRow;

/**
 * What one engine run produced.
 *
 * @param runId      the kpi_run row (its order_outcome and kpi_value rows are stored under it)
 * @param request    what was asked
 * @param orderCount outcomes built (candidate orders with an OK line)
 * @param values     every figure, sorted as in kpi-values.csv
 * @param drivers    the drivers of every requested period (kpis.md section 8), sorted as in kpi-drivers.csv
 */
public record KpiRunResult(long runId, KpiRequest request, long orderCount, List<KpiValue> values, List<DriverRow> drivers) {

    public KpiRunResult {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }
}
