package com.logisticskpi.kpi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.Unit;

/**
 * The headline KPIs in display order: the one list the workbook's Summary, the mail digest and the terminal summary
 * of a run show, in this order and under the same display name (message bundle key {@link #nameKey()} in
 * {@code i18n/report_<locale>.properties}). Which KPIs are headline figures, their units and cohorts come from the
 * catalogue ({@link Kpi#isHeadline()}); this enum only orders them. The complaint-handling ones (kpis.md section 10,
 * a tickets cohort) are shown only when tickets are present ({@link #shown(boolean)}): a deployment without the
 * optional tickets export never sees them.
 */
public enum HeadlineKpi {
    ON_TIME_RATE(Kpi.ON_TIME_RATE),
    ORDER_ACCURACY(Kpi.ORDER_ACCURACY),
    DAMAGE_RATE(Kpi.DAMAGE_RATE),
    PERFECT_ORDER_RATE(Kpi.PERFECT_ORDER_RATE),
    CYCLE_HOURS_P50(Kpi.CYCLE_HOURS_P50),
    CYCLE_HOURS_P90(Kpi.CYCLE_HOURS_P90),
    CYCLE_CV(Kpi.CYCLE_CV),
    CSI(Kpi.CSI),
    CSAT(Kpi.CSAT),
    NPS(Kpi.NPS),
    RETURN_RATE(Kpi.RETURN_RATE),
    COMPLAINT_RATE(Kpi.COMPLAINT_RATE),
    RESOLVED_WITHIN_TARGET_RATE(Kpi.RESOLVED_WITHIN_TARGET_RATE);

    private static final List<HeadlineKpi> ALWAYS = Arrays.stream(values()).filter(k -> !k.ticketsOnly()).toList();
    private static final List<HeadlineKpi> WITH_TICKETS = List.of(values());
    private static final List<String> IDS = ALWAYS.stream().map(HeadlineKpi::id).toList();

    static {
        // the order here, the flag in the catalogue: both must name the same KPIs
        Set<Kpi> ordered = EnumSet.noneOf(Kpi.class);
        WITH_TICKETS.forEach(h -> ordered.add(h.kpi));
        Set<Kpi> flagged = EnumSet.noneOf(Kpi.class);
        Arrays.stream(Kpi.values()).filter(Kpi::isHeadline).forEach(flagged::add);
        if (!ordered.equals(flagged)) {
            throw new IllegalStateException("HeadlineKpi " + ordered + " differs from the catalogue's headline KPIs " + flagged);
        }
    }

    private final Kpi kpi;

    HeadlineKpi(Kpi kpi) {
        this.kpi = kpi;
    }

    /** The headline KPIs shown, in display order: the complaint ones only when tickets are present. */
    public static List<HeadlineKpi> shown(boolean ticketsPresent) {
        return ticketsPresent ? WITH_TICKETS : ALWAYS;
    }

    /**
     * Whether a run's figures come with tickets: {@code complaint_rate} has rows as soon as a tickets file was loaded
     * and any order was delivered (kpis.md section 10), and none before.
     */
    public static boolean ticketsPresent(List<KpiValue> values) {
        return values.stream().anyMatch(v -> v.kpi().equals(COMPLAINT_RATE.id()));
    }

    /** The catalogue entry. */
    public Kpi kpi() {
        return kpi;
    }

    /** The KPI id of kpi-values.csv. */
    public String id() {
        return kpi.id();
    }

    public Unit unit() {
        return kpi.unit();
    }

    public boolean isShare() {
        return kpi.isShare();
    }

    /** Shown only when tickets are present (a tickets cohort). */
    public boolean ticketsOnly() {
        return kpi.needsTickets();
    }

    /** The bundle key of the display name. */
    public String nameKey() {
        return kpi.nameKey();
    }

    /** The ids of the headline KPIs shown without tickets, in display order. */
    public static List<String> ids() {
        return IDS;
    }
}
