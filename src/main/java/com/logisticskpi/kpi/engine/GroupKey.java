package com.logisticskpi.kpi.engine;

import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;

/** One cell of the output: a period and a slice value. */
public record GroupKey(PeriodType type, String period, Slice slice, String sliceValue) {
}
