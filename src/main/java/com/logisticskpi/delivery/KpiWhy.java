package com.logisticskpi.delivery;

import java.util.Locale;
import java.util.Optional;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.Rag;

/**
 * The one-line "why" of a red or amber headline KPI in the mail digest (the top contributors of kpi-drivers.csv,
 * kpis.md §8). The digest asks it for every red or amber row; {@link #NONE} (the default when no bean implements
 * it) answers nothing and the row has no "why" line.
 */
@FunctionalInterface
public interface KpiWhy {

    KpiWhy NONE = (kpi, period, value, status, locale) -> Optional.empty();

    /**
     * @param kpi    the headline KPI
     * @param period the period of the row ({@code 2026-W47})
     * @param value  its figure
     * @param status red or amber
     * @param locale the mail's language
     * @return a short plain-text sentence, or empty
     */
    Optional<String> why(HeadlineKpi kpi, String period, KpiValue value, Rag status, Locale locale);
}
