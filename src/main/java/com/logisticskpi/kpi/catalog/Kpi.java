package com.logisticskpi.kpi.catalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.logisticskpi.kpi.catalog.Cohort.COMPLAINT;
import static com.logisticskpi.kpi.catalog.Cohort.CONTACT;
import static com.logisticskpi.kpi.catalog.Cohort.DELIVERED;
import static com.logisticskpi.kpi.catalog.Cohort.DUE;
import static com.logisticskpi.kpi.catalog.Cohort.REFUNDED;
import static com.logisticskpi.kpi.catalog.Cohort.RESOLVED;
import static com.logisticskpi.kpi.catalog.Cohort.RETURN;
import static com.logisticskpi.kpi.catalog.Cohort.SURVEY;
import static com.logisticskpi.kpi.catalog.Kpi.Better.HIGHER;
import static com.logisticskpi.kpi.catalog.Kpi.Better.LOWER;
import static com.logisticskpi.kpi.catalog.Kpi.Trait.DRIVER;
import static com.logisticskpi.kpi.catalog.Kpi.Trait.FAMILY;
import static com.logisticskpi.kpi.catalog.Kpi.Trait.HEADLINE;
import static com.logisticskpi.kpi.catalog.Unit.COUNT;
import static com.logisticskpi.kpi.catalog.Unit.HOURS;
import static com.logisticskpi.kpi.catalog.Unit.RATIO;
import static com.logisticskpi.kpi.catalog.Unit.SCORE;
import static com.logisticskpi.kpi.catalog.Unit.SHARE;

/**
 * THE catalogue of KPIs (kpis.md sections 3-5, 9 and 10), in the order the Definitions sheet explains them: every id
 * of kpi-values.csv with its unit, which direction is better, its cohort, its default target and band (kpis.md
 * sections 6 and 10, in the KPI's unit: shares as fractions), whether it is a headline figure (the display order is
 * {@code kpi.HeadlineKpi}'s) and whether its change is split into drivers (kpis.md section 8). A {@link Trait#FAMILY}
 * stands for one KPI per parameter ({@code dim_score.accuracy}, {@code return_reason_share.DAMAGED}): see
 * {@link KpiId}. Display names and definitions come only from the message bundles ({@link #nameKey()},
 * {@link #definitionKey()}), so every output shows the same name. Adding a KPI: a constant here, its bundle entries,
 * and the engine code that emits it.
 */
public enum Kpi {
    // kpis.md section 3: delivery
    ON_TIME_RATE("on_time_rate", SHARE, HIGHER, DUE, target(0.95, 0.03), HEADLINE, DRIVER),
    PENDING_ORDERS("pending_orders", COUNT, LOWER, DUE, null),
    /** kpis.md section 9: the on-time rate the pending orders need; a share whose numerator is not a count. */
    ON_TIME_REQUIRED_RATE("on_time_required_rate", SHARE, LOWER, DUE, null),
    ORDER_ACCURACY("order_accuracy", SHARE, HIGHER, DELIVERED, target(0.995, 0.005), HEADLINE, DRIVER),
    LINE_ACCURACY("line_accuracy", SHARE, HIGHER, DELIVERED, null, DRIVER),
    DAMAGE_RATE("damage_rate", SHARE, LOWER, DELIVERED, target(0.005, 0.005), HEADLINE, DRIVER),
    DOCUMENTATION_ACCURACY("documentation_accuracy", SHARE, HIGHER, DELIVERED, null, DRIVER),
    PERFECT_ORDER_RATE("perfect_order_rate", SHARE, HIGHER, DELIVERED, target(0.90, 0.05), HEADLINE, DRIVER),
    SPLIT_SHIPMENT_RATE("split_shipment_rate", SHARE, LOWER, DELIVERED, null, DRIVER),
    RETURN_RATE("return_rate", SHARE, LOWER, RETURN, null, HEADLINE, DRIVER),
    /** Per reason code; a category share carries no judgement (HIGHER only orders it). */
    RETURN_REASON_SHARE("return_reason_share", SHARE, HIGHER, RETURN, null, FAMILY),
    REFUND_HOURS_MEAN("refund_hours_mean", HOURS, LOWER, REFUNDED, null),
    REFUND_HOURS_P90("refund_hours_p90", HOURS, LOWER, REFUNDED, null),
    // kpis.md section 4: order-cycle stability
    CYCLE_HOURS_MEAN("cycle_hours_mean", HOURS, LOWER, DELIVERED, null),
    CYCLE_HOURS_P50("cycle_hours_p50", HOURS, LOWER, DELIVERED, null, HEADLINE),
    CYCLE_HOURS_P90("cycle_hours_p90", HOURS, LOWER, DELIVERED, null, HEADLINE),
    CYCLE_HOURS_P95("cycle_hours_p95", HOURS, LOWER, DELIVERED, null),
    CYCLE_HOURS_SD("cycle_hours_sd", HOURS, LOWER, DELIVERED, null),
    CYCLE_CV("cycle_cv", RATIO, LOWER, DELIVERED, target(0.5, 0.1), HEADLINE),
    CYCLE_WITHIN_TARGET_RATE("cycle_within_target_rate", SHARE, HIGHER, DELIVERED, null, DRIVER),
    DISPATCH_HOURS_MEAN("dispatch_hours_mean", HOURS, LOWER, DELIVERED, null),
    DISPATCH_HOURS_P90("dispatch_hours_p90", HOURS, LOWER, DELIVERED, null),
    // kpis.md section 5: customer satisfaction
    /** Per survey dimension. */
    DIM_SCORE("dim_score", SCORE, HIGHER, SURVEY, null, FAMILY),
    CSI("csi", SCORE, HIGHER, SURVEY, target(80, 5), HEADLINE),
    CSAT("csat", SHARE, HIGHER, SURVEY, null, HEADLINE),
    NPS("nps", SCORE, HIGHER, SURVEY, target(30, 10), HEADLINE),
    SURVEY_RESPONSES("survey_responses", COUNT, HIGHER, SURVEY, null),
    /** Per survey dimension: Pearson r with the overall score. */
    IMPORTANCE("importance", RATIO, HIGHER, SURVEY, null, FAMILY),
    // kpis.md section 10: complaint handling (optional tickets export)
    COMPLAINT_RATE("complaint_rate", SHARE, LOWER, COMPLAINT, target(0.01, 0.005), HEADLINE, DRIVER),
    /** Per complaint category; a category share carries no judgement (HIGHER only orders it). */
    COMPLAINT_SHARE("complaint_share", SHARE, HIGHER, COMPLAINT, null, FAMILY),
    FIRST_RESPONSE_WITHIN_TARGET_RATE("first_response_within_target_rate", SHARE, HIGHER, CONTACT, target(0.90, 0.05)),
    FIRST_RESPONSE_HOURS_MEAN("first_response_hours_mean", HOURS, LOWER, CONTACT, null),
    FIRST_RESPONSE_HOURS_P90("first_response_hours_p90", HOURS, LOWER, CONTACT, null),
    RESOLVED_WITHIN_TARGET_RATE("resolved_within_target_rate", SHARE, HIGHER, COMPLAINT, target(0.90, 0.05), HEADLINE, DRIVER),
    OPEN_COMPLAINTS("open_complaints", COUNT, LOWER, COMPLAINT, null),
    RESOLUTION_HOURS_MEAN("resolution_hours_mean", HOURS, LOWER, RESOLVED, null),
    RESOLUTION_HOURS_P90("resolution_hours_p90", HOURS, LOWER, RESOLVED, null),
    REOPEN_RATE("reopen_rate", SHARE, LOWER, RESOLVED, null);

    /** Which direction of a value is better: decides RAG against a target and the adverse side of a change. */
    public enum Better { HIGHER, LOWER }

    /** What a KPI takes part in besides being computed. */
    enum Trait {
        /** One of the headline figures of the Summary, the mail and the terminal summary. */
        HEADLINE,
        /** Its change and gap to target are split by dimension (kpis.md section 8). */
        DRIVER,
        /** One KPI per parameter: the id is {@code <family>.<parameter>}. */
        FAMILY
    }

    /** The spec's default target and amber band, in the KPI's unit. */
    public record DefaultTarget(double target, double band) {
    }

    private static final Map<String, Kpi> BY_ID = new HashMap<>();

    static {
        for (Kpi k : values()) {
            BY_ID.put(k.id, k);
        }
    }

    private final String id;
    private final Unit unit;
    private final Better better;
    private final Cohort cohort;
    private final DefaultTarget defaultTarget;
    private final Set<Trait> traits;
    private final KpiId key;

    Kpi(String id, Unit unit, Better better, Cohort cohort, DefaultTarget defaultTarget, Trait... traits) {
        this.id = id;
        this.unit = unit;
        this.better = better;
        this.cohort = cohort;
        this.defaultTarget = defaultTarget;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(Arrays.asList(traits));
        this.key = this.traits.contains(Trait.FAMILY) ? null : new KpiId(this, null);
    }

    private static DefaultTarget target(double target, double band) {
        return new DefaultTarget(target, band);
    }

    /** The KPI with exactly this id (a family by its own id, {@code dim_score}), if any. */
    public static Optional<Kpi> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The KPIs (families included) whose change is split into drivers, in catalogue order. */
    public static List<Kpi> drivers() {
        return Arrays.stream(values()).filter(Kpi::isDriver).toList();
    }

    /** The id in kpi-values.csv; for a family, the prefix before the dot. */
    public String id() {
        return id;
    }

    /** The id of a KPI without parameter; a family needs {@link #with(String)}. */
    public KpiId key() {
        if (key == null) {
            throw new IllegalStateException(id + " is a family: name its parameter");
        }
        return key;
    }

    /** One member of a family: {@code DIM_SCORE.with("accuracy")} is {@code dim_score.accuracy}. */
    public KpiId with(String parameter) {
        if (!isFamily()) {
            throw new IllegalStateException(id + " takes no parameter");
        }
        return new KpiId(this, parameter);
    }

    public Unit unit() {
        return unit;
    }

    public boolean isShare() {
        return unit == Unit.SHARE;
    }

    public Better better() {
        return better;
    }

    public boolean higherIsBetter() {
        return better == Better.HIGHER;
    }

    public Cohort cohort() {
        return cohort;
    }

    /** The spec's default target, or empty for a KPI without one. */
    public Optional<DefaultTarget> defaultTarget() {
        return Optional.ofNullable(defaultTarget);
    }

    public boolean isHeadline() {
        return traits.contains(Trait.HEADLINE);
    }

    public boolean isDriver() {
        return traits.contains(Trait.DRIVER);
    }

    public boolean isFamily() {
        return traits.contains(Trait.FAMILY);
    }

    /** Whether its figures exist only once the optional tickets export was loaded. */
    public boolean needsTickets() {
        return cohort.source() == Cohort.Source.TICKETS;
    }

    /** The message-bundle key of the display name ({@code kpi.on_time_rate.name}; a family's own name). */
    public String nameKey() {
        return "kpi." + id + ".name";
    }

    /** The message-bundle key of the definition text. */
    public String definitionKey() {
        return "kpi." + id + ".definition";
    }
}
