package com.logisticskpi.kpi.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * Settings of the KPI engine ({@code kpi.engine.*}, docs/kpi-engine.md).
 *
 * @param damageReturnWindow a DAMAGED return requested no later than this after delivered_at makes the order damaged (default 7 days)
 * @param cycleTargetHours   cycle_within_target_rate counts orders with cycle_hours at or below this (default 72)
 * @param targets            kpi id -> target, direction (higher / lower) and band in the KPI's unit; merged over the spec defaults
 * @param controlChart       the XmR chart of daily cycle_hours_mean
 * @param batchSize          rows per JDBC batch when writing outcomes (default 1000)
 * @param keepDetailRuns     the per-order details (order_outcome, kpi_return, kpi_segment) of this many most recent
 *                           runs are kept for drill-down; older finished runs keep only kpi_run and kpi_value (default 10)
 * @param sortRowsInMemory   embedded H2 only: while a run computes its figures, sorted reads (the exact percentiles)
 *                           keep up to this many rows in memory before spilling to a temporary file (H2's
 *                           MAX_MEMORY_ROWS, 40,000 otherwise; default 400,000, about 150 MB of heap at most)
 */
@ConfigurationProperties("kpi.engine")
public record KpiEngineProperties(Duration damageReturnWindow, Double cycleTargetHours, Map<String, Target> targets,
                                  ControlChart controlChart, Integer batchSize,
                                  Integer keepDetailRuns, Integer sortRowsInMemory) {

    /** One configured target; direction is {@code higher} or {@code lower}. */
    public record Target(Double target, String direction, Double band) {
    }

    /** @param days individuals shown (default 60) @param baselineDays days with data that form the baseline (default 20) */
    public record ControlChart(Integer days, Integer baselineDays) {
        public ControlChart {
            if (days == null) {
                days = 60;
            }
            if (baselineDays == null) {
                baselineDays = 20;
            }
            if (baselineDays < 2 || days < baselineDays) {
                throw new IllegalArgumentException("kpi.engine.control-chart: need 2 <= baseline-days <= days");
            }
        }
    }

    public KpiEngineProperties {
        if (damageReturnWindow == null) {
            damageReturnWindow = Duration.ofDays(7);
        }
        if (damageReturnWindow.isNegative()) {
            throw new IllegalArgumentException("kpi.engine.damage-return-window must not be negative");
        }
        if (cycleTargetHours == null) {
            cycleTargetHours = 72.0;
        }
        if (controlChart == null) {
            controlChart = new ControlChart(null, null);
        }
        if (batchSize == null || batchSize < 1) {
            batchSize = 1000;
        }
        if (keepDetailRuns == null) {
            keepDetailRuns = 10;
        }
        if (keepDetailRuns < 1) {
            throw new IllegalArgumentException("kpi.engine.keep-detail-runs must be at least 1");
        }
        if (sortRowsInMemory == null) {
            sortRowsInMemory = 400_000;
        }
        if (sortRowsInMemory < 1) {
            throw new IllegalArgumentException("kpi.engine.sort-rows-in-memory must be at least 1");
        }
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    public static KpiEngineProperties defaults() {
        return new KpiEngineProperties(null, null, null, null, null, null, null);
    }

    /** Spec defaults (kpis.md sections 6 and 10, {@link Kpi#defaultTarget()}), shares as fractions, in catalogue order. */
    public static Map<String, KpiTarget> defaultTargets() {
        Map<String, KpiTarget> d = new LinkedHashMap<>();
        for (Kpi k : Kpi.values()) {
            k.defaultTarget().ifPresent(t -> d.put(k.id(), new KpiTarget(k.id(), t.target(),
                    k.higherIsBetter() ? KpiTarget.Direction.HIGHER_IS_BETTER : KpiTarget.Direction.LOWER_IS_BETTER,
                    t.band())));
        }
        return d;
    }

    /** Every target: the spec defaults with the configured ones over them (a partial setting keeps the default's other parts). */
    public Map<String, KpiTarget> effectiveTargets() {
        Map<String, KpiTarget> out = new LinkedHashMap<>(defaultTargets());
        for (Map.Entry<String, Target> e : new java.util.TreeMap<>(targets).entrySet()) {
            String kpi = e.getKey();
            Target t = e.getValue();
            KpiTarget base = out.get(kpi);
            if (base == null && (t.target() == null || t.direction() == null)) {
                throw new IllegalArgumentException("kpi.engine.targets." + kpi + " needs target and direction");
            }
            double target = t.target() != null ? t.target() : base.target();
            KpiTarget.Direction dir = t.direction() != null ? direction(kpi, t.direction()) : base.direction();
            double band = t.band() != null ? t.band() : base != null ? base.band() : 0;
            if (band < 0) {
                throw new IllegalArgumentException("kpi.engine.targets." + kpi + ".band must not be negative");
            }
            out.put(kpi, new KpiTarget(kpi, target, dir, band));
        }
        return out;
    }

    /** The target of a KPI, or null when it has none. */
    public KpiTarget target(String kpi) {
        return effectiveTargets().get(kpi);
    }

    private static KpiTarget.Direction direction(String kpi, String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "higher", "higher_is_better", "higher-is-better", ">=" -> KpiTarget.Direction.HIGHER_IS_BETTER;
            case "lower", "lower_is_better", "lower-is-better", "<=" -> KpiTarget.Direction.LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("kpi.engine.targets." + kpi + ".direction must be higher or lower, not '" + s + "'");
        };
    }

    public long damageWindowMicros() {
        return damageReturnWindow.toNanos() / 1000;
    }

    public long cycleTargetMicros() {
        return Math.round(cycleTargetHours * 3_600_000_000d);
    }
}
