package com.logisticskpi.report.sheet;

import java.util.Locale;
import java.util.Optional;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.ComparisonLabel;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.RagPalette;
import com.logisticskpi.report.ReportInput;

/**
 * The report's KPIs as the sheets look them up: values by period, targets, red / amber / green statuses with their
 * words and cell styles, the cell style of a KPI's unit, and the headings of the business date's periods.
 */
public final class KpiView {

    private final ReportInput input;
    private final Messages messages;
    private final KpiLookup lookup;

    KpiView(ReportInput input, Messages messages) {
        this.input = input;
        this.messages = messages;
        this.lookup = new KpiLookup(input.values());
    }

    /** Every figure of the report, by period, slice and KPI. */
    public KpiLookup lookup() {
        return lookup;
    }

    /** The whole business's figure of the period of {@code type} that holds the business date. */
    public Optional<KpiValue> all(PeriodType type, String kpi) {
        return lookup.all(type, input.businessDate(), kpi);
    }

    /** The configured target, or null when the KPI has none. */
    public KpiTarget target(String kpi) {
        return input.targets().get(kpi);
    }

    /** The status of {@code value} against the KPI's target; null without a target or a value. */
    public Rag rag(String kpi, Double value) {
        KpiTarget t = target(kpi);
        return t == null || value == null ? null : t.status(value);
    }

    /** The template's cell style of a status ({@link RagPalette#styleKey}). */
    public String ragStyle(Rag rag) {
        return RagPalette.styleKey(rag);
    }

    /** The status in words: On target / Watch / Off target, or the no-status word. */
    public String ragLabel(Rag rag) {
        return rag == null ? messages.get("rag.none") : messages.get("rag." + rag.name().toLowerCase(Locale.ROOT));
    }

    /** The template's number style of a unit. */
    public static String unitStyle(Unit unit) {
        return switch (unit) {
            case SHARE -> "share";
            case HOURS -> "hours";
            case RATIO -> "ratio";
            case SCORE -> "score";
            case COUNT -> "count";
        };
    }

    /** The template's number style of a KPI's unit. */
    public static String unitStyle(String kpi) {
        return unitStyle(KpiCatalog.unit(kpi));
    }

    /**
     * The period heading of a period type for the business date with the run's as-of time, e.g.
     * "Week 2026-W46 as of 11-23 06:00": the figures count every stored event, so a period is shown "as of" the
     * run, never "to date".
     */
    public String periodLabel(PeriodType type) {
        return messages.get("period." + type.label(), type.periodOf(input.businessDate()), asOfShort());
    }

    /** The as-of instant in the business zone, {@code MM-dd HH:mm}. */
    public String asOfShort() {
        return ComparisonLabel.asOfShort(input.asOf(), input.zone());
    }
}
