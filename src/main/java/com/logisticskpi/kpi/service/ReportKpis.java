package com.logisticskpi.kpi.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.ShareStatistics;
import com.logisticskpi.kpi.chart.XmrChart;
import com.logisticskpi.kpi.engine.KpiEngineProperties;

/**
 * The figures of a report date, with the helpers the workbook needs: current and previous period labels, lookup,
 * trends, RAG status against the targets, Wilson intervals, significance of changes and the control chart.
 */
public final class ReportKpis {

    private final long runId;
    private final LocalDate reportDate;
    private final List<KpiValue> values;
    private final KpiEngineProperties properties;
    private final Map<String, KpiValue> index = new HashMap<>();

    public ReportKpis(long runId, LocalDate reportDate, List<KpiValue> values, KpiEngineProperties properties) {
        this.runId = runId;
        this.reportDate = reportDate;
        this.values = List.copyOf(values);
        this.properties = properties;
        for (KpiValue v : values) {
            index.put(key(v.periodType(), v.period(), v.slice(), v.sliceValue(), v.kpi()), v);
        }
    }

    private static String key(PeriodType t, String period, String slice, String sliceValue, String kpi) {
        return t.label() + '\u0000' + period + '\u0000' + slice + '\u0000' + sliceValue + '\u0000' + kpi;
    }

    public long runId() {
        return runId;
    }

    public LocalDate reportDate() {
        return reportDate;
    }

    /** Every figure of the run, sorted as in kpi-values.csv. */
    public List<KpiValue> values() {
        return values;
    }

    /** The label of the report date's period of this type (2026-11-12, 2026-W46, 2026-11). */
    public String period(PeriodType type) {
        return type.periodOf(reportDate);
    }

    /** The label of the period {@code back} periods before the report date's (1 = the previous one). */
    public String previousPeriod(PeriodType type, int back) {
        LocalDate d = switch (type) {
            case DAY -> reportDate.minusDays(back);
            case WEEK -> reportDate.minusWeeks(back);
            case MONTH -> PeriodType.MONTH.start(reportDate).minusMonths(back);
        };
        return type.periodOf(d);
    }

    public Optional<KpiValue> value(PeriodType type, String period, String slice, String sliceValue, String kpi) {
        return Optional.ofNullable(index.get(key(type, period, slice, sliceValue, kpi)));
    }

    /** The business-wide value of the report date's period. */
    public Optional<KpiValue> current(PeriodType type, String kpi) {
        return value(type, period(type), KpiValue.ALL, KpiValue.ALL, kpi);
    }

    /** The business-wide value of the previous period. */
    public Optional<KpiValue> previous(PeriodType type, String kpi) {
        return value(type, previousPeriod(type, 1), KpiValue.ALL, KpiValue.ALL, kpi);
    }

    /** Every figure of one period (all slices). */
    public List<KpiValue> ofPeriod(PeriodType type, String period) {
        return values.stream().filter(v -> v.periodType() == type && v.period().equals(period)).toList();
    }

    /**
     * The trend of a KPI: one entry per period, oldest first, ending with the report date's period: 60 days,
     * 26 weeks or 13 months. A period without the figure has an empty Optional.
     */
    public List<Map.Entry<String, Optional<KpiValue>>> trend(PeriodType type, String kpi, String slice, String sliceValue) {
        int n = switch (type) {
            case DAY -> KpiService.TREND_DAYS;
            case WEEK -> KpiService.TREND_WEEKS;
            case MONTH -> KpiService.TREND_MONTHS;
        };
        List<Map.Entry<String, Optional<KpiValue>>> out = new ArrayList<>();
        for (int back = n - 1; back >= 0; back--) {
            String p = previousPeriod(type, back);
            out.add(Map.entry(p, value(type, p, slice, sliceValue, kpi)));
        }
        return out;
    }

    /** RAG status against the configured target, or empty when the KPI has no target. */
    public Optional<Rag> status(KpiValue v) {
        KpiTarget t = properties.effectiveTargets().get(v.kpi());
        return t == null ? Optional.empty() : Optional.of(t.status(v.value()));
    }

    public Optional<KpiTarget> target(String kpi) {
        return Optional.ofNullable(properties.effectiveTargets().get(kpi));
    }

    /** 95 % Wilson interval of a share; null for counts, hours and scores. */
    public ShareStatistics.Interval wilson(KpiValue v) {
        return v.isCountedShare() ? ShareStatistics.wilson(v.numeratorCount(), v.denominator()) : null;
    }

    /** True when two shares differ significantly (two-proportion z-test, p < 0.05); false for non-shares. */
    public static boolean significantChange(KpiValue current, KpiValue previous) {
        if (current == null || previous == null || !current.isCountedShare() || !previous.isCountedShare()) {
            return false;
        }
        return ShareStatistics.significantChange(current.numeratorCount(), current.denominator(), previous.numeratorCount(),
                previous.denominator());
    }

    /** The XmR chart of the daily cycle_hours_mean (configured days and baseline) up to the report date. */
    public XmrChart.Result controlChart(String slice, String sliceValue) {
        KpiEngineProperties.ControlChart c = properties.controlChart();
        return XmrChart.ofCycleMeans(values, slice, sliceValue, reportDate, c.days(), c.baselineDays());
    }

    public XmrChart.Result controlChart() {
        return controlChart(KpiValue.ALL, KpiValue.ALL);
    }
}
