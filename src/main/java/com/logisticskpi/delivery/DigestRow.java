package com.logisticskpi.delivery;

import java.util.Optional;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.Rag;

/**
 * One headline KPI of the mail digest, every text already formatted in the mail's language.
 *
 * @param kpi          the KPI
 * @param name         display name from the message bundle (never the raw id)
 * @param value        "94.1 %", "52.3 h", or the bundle's "no data"
 * @param target       "target ≥ 95.0 %", or empty when the KPI has no target
 * @param status       red / amber / green, or null without a target or a figure
 * @param statusWord   the bundle's word of the status (On target / Watch / Off target)
 * @param change       "+1.8 pt vs 2026-W46", or empty without a figure of the compared period
 * @param significance "significant" / "not significant" for counted shares, else empty
 * @param why          the top contributors of a red or amber KPI ({@link KpiWhy}), else empty
 */
public record DigestRow(HeadlineKpi kpi, String name, String value, String target, Rag status, String statusWord,
                        String change, String significance, Optional<String> why) {

    public DigestRow {
        why = why == null ? Optional.empty() : why;
    }
}
