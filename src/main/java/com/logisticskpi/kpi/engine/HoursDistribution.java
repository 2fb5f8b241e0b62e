package com.logisticskpi.kpi.engine;

import java.util.List;

import com.logisticskpi.kpi.catalog.Kpi;

/**
 * The hour figures of one duration measured in micro-seconds: its mean and percentiles, and for the cycle time also
 * the standard deviation and the CV (kpis.md sections 3, 4 and 10). Each figure is named by its catalogue KPI, each
 * percentile with its rank, so no caller reads a percentile by position.
 *
 * @param mean        the mean's KPI
 * @param percentiles the percentiles, in the order they are emitted
 * @param sd          the sample standard deviation's KPI (needs two values), or null
 * @param cv          sd / mean (not when the mean is 0), or null
 */
record HoursDistribution(Kpi mean, List<Percentile> percentiles, Kpi sd, Kpi cv) {

    static final double US_PER_HOUR = OutcomeBuilder.MICROS_PER_HOUR;

    /** One percentile: its KPI and its rank p in 0..1. */
    record Percentile(Kpi kpi, double p) {
    }

    static final HoursDistribution CYCLE = new HoursDistribution(Kpi.CYCLE_HOURS_MEAN,
            List.of(new Percentile(Kpi.CYCLE_HOURS_P50, 0.5), new Percentile(Kpi.CYCLE_HOURS_P90, 0.9),
                    new Percentile(Kpi.CYCLE_HOURS_P95, 0.95)), Kpi.CYCLE_HOURS_SD, Kpi.CYCLE_CV);
    static final HoursDistribution DISPATCH = meanAndP90(Kpi.DISPATCH_HOURS_MEAN, Kpi.DISPATCH_HOURS_P90);
    static final HoursDistribution REFUND = meanAndP90(Kpi.REFUND_HOURS_MEAN, Kpi.REFUND_HOURS_P90);
    static final HoursDistribution FIRST_RESPONSE = meanAndP90(Kpi.FIRST_RESPONSE_HOURS_MEAN, Kpi.FIRST_RESPONSE_HOURS_P90);
    static final HoursDistribution RESOLUTION = meanAndP90(Kpi.RESOLUTION_HOURS_MEAN, Kpi.RESOLUTION_HOURS_P90);

    HoursDistribution {
        percentiles = List.copyOf(percentiles);
    }

    private static HoursDistribution meanAndP90(Kpi mean, Kpi p90) {
        return new HoursDistribution(mean, List.of(new Percentile(p90, 0.9)), null, null);
    }

    /** A picker of this distribution's percentiles over a group of {@code n} values. */
    RankPicker picker(long n) {
        return new RankPicker(n, percentiles.stream().mapToDouble(Percentile::p).toArray());
    }

    /** Hands one group's figures to the sink: the mean, every percentile, then sd and CV where defined. */
    void emit(ValueSink sink, GroupKey k, RankPicker picker, ExactMoments moments) {
        double meanHours = moments.mean(US_PER_HOUR);
        sink.number(k, mean, meanHours);
        for (int i = 0; i < percentiles.size(); i++) { // the picker was made from this list, in this order
            sink.number(k, percentiles.get(i).kpi(), picker.percentile(i) / US_PER_HOUR);
        }
        if (sd != null && moments.count() >= 2) {
            double sdHours = moments.sampleSd(US_PER_HOUR);
            sink.number(k, sd, sdHours);
            if (cv != null && meanHours != 0) {
                sink.number(k, cv, sdHours / meanHours);
            }
        }
    }
}
