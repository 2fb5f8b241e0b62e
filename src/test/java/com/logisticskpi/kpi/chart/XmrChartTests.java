package com.logisticskpi.kpi.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

/**
 * Baseline of every series: days 1..20 alternate 12, 10 (odd days 12, even days 10): centre 11, MR̄ = 2 (19 moving
 * ranges of 2), limits 11 ± 2.66·2 = 16.32 / 5.68, σ = 2 / 1.128 = 1.7730; zones 1σ 1.773, 2σ 3.546, 3σ 5.319.
 * Later days continue the alternation (deviation 1 < 1σ, never 8 on one side) unless a test changes them.
 */
class XmrChartTests {

    static final LocalDate REPORT = LocalDate.parse("2026-11-30");
    static final LocalDate DAY1 = REPORT.minusDays(59);

    static double[] stable() {
        double[] v = new double[60];
        for (int day = 1; day <= 60; day++) {
            v[day - 1] = day % 2 == 1 ? 12 : 10;
        }
        return v;
    }

    static Map<LocalDate, Double> series(double[] v) {
        Map<LocalDate, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                m.put(DAY1.plusDays(i), v[i]);
            }
        }
        return m;
    }

    /** day number (1..60) -> rules of every signal. */
    static Map<Integer, List<Integer>> signals(double[] v) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        for (XmrChart.Point p : XmrChart.compute(series(v), REPORT, 60, 20).signals()) {
            out.put((int) (p.date().toEpochDay() - DAY1.toEpochDay()) + 1, p.rules());
        }
        return out;
    }

    @Test
    void baselineGivesCentreLimitsAndSigma() {
        XmrChart.Result r = XmrChart.compute(series(stable()), REPORT, 60, 20);
        assertThat(r.centre()).isEqualTo(11.0);
        assertThat(r.mrBar()).isEqualTo(2.0);
        assertThat(r.ucl()).isCloseTo(16.32, within(1e-12));
        assertThat(r.lcl()).isCloseTo(5.68, within(1e-12));
        assertThat(r.sigma()).isCloseTo(1.7730496453900708, within(1e-12));
        assertThat(r.points()).hasSize(60);
        assertThat(r.points().get(0).date()).isEqualTo(DAY1);
        assertThat(r.points().get(59).date()).isEqualTo(REPORT);
        assertThat(r.points().stream().filter(XmrChart.Point::baseline)).hasSize(20);
    }

    @Test
    void aStableSeriesTripsNothing() {
        assertThat(signals(stable())).isEmpty();
    }

    @Test
    void rule1OnePointBeyondThreeSigma() {
        double[] v = stable();
        v[39] = 17; // day 40: deviation 6 > 5.319; the two before are within 1σ
        assertThat(signals(v)).containsExactly(Map.entry(40, List.of(1)));
        v[39] = 5; // below: deviation -6
        assertThat(signals(v)).containsExactly(Map.entry(40, List.of(1)));
    }

    @Test
    void rule2TwoOfThreeBeyondTwoSigmaOnTheSameSide() {
        double[] v = stable();
        v[39] = 15; // day 40: deviation 4 (beyond 2σ 3.546, within 3σ): 1 of 3
        v[40] = 15; // day 41: 2 of 3 -> rule 2; beyond 1σ only 2 of 5 -> no rule 3
        assertThat(signals(v)).containsExactly(Map.entry(41, List.of(2)));
        // opposite sides do not combine
        v[40] = 7; // deviation -4
        assertThat(signals(v)).isEmpty();
    }

    @Test
    void rule3FourOfFiveBeyondOneSigmaOnTheSameSide() {
        double[] v = stable();
        for (int day = 40; day <= 43; day++) {
            v[day - 1] = 13.5; // deviation 2.5: beyond 1σ 1.773, within 2σ 3.546
        }
        // day 43: days 40..43 are 4 of the last 5 -> rule 3; runs of 8 broken by the even days before
        assertThat(signals(v)).containsExactly(Map.entry(43, List.of(3)));
    }

    @Test
    void rule4EightInARowOnOneSideOfTheCentre() {
        double[] v = stable();
        for (int day = 41; day <= 48; day++) {
            v[day - 1] = 11.5; // just above the centre, within 1σ
        }
        v[48] = 10; // day 49 below again
        // day 40 (10) is below, so the run of 8 completes on day 48 only
        assertThat(signals(v)).containsExactly(Map.entry(48, List.of(4)));
    }

    @Test
    void daysWithoutOrdersAreSkippedAndTooFewBaselineDaysGiveNoLimits() {
        double[] v = stable();
        v[4] = Double.NaN; // day 5 has no delivered orders: the baseline takes days 1-4, 6-21
        XmrChart.Result r = XmrChart.compute(series(v), REPORT, 60, 20);
        assertThat(r.points().get(4).value()).isNull();
        assertThat(r.points().get(20).baseline()).isTrue();
        // baseline 12,10,12,10, 10(day 6),12,...: one moving range of 0 among 19 -> MR̄ = 36/19
        assertThat(r.mrBar()).isCloseTo(36.0 / 19, within(1e-12));

        double[] few = new double[60];
        java.util.Arrays.fill(few, Double.NaN);
        for (int i = 0; i < 19; i++) {
            few[i] = i == 10 ? 40 : 10;
        }
        XmrChart.Result none = XmrChart.compute(series(few), REPORT, 60, 20);
        assertThat(none.hasLimits()).isFalse();
        assertThat(none.signals()).isEmpty();
    }

    /**
     * Phase I (kpis.md section 4), worked by hand. Baseline days 1..20 as {@link #stable()} but day 10 = 30.
     * First pass: sum = 10·12 + 9·10 + 30 = 240, centre 12; moving ranges 17·2 + |12−30| + |30−12| = 70, MR̄ = 70/19 =
     * 3.6842, UCL = 12 + 2.66·3.6842 = 21.80 → day 10 (30) is beyond: a rule-1 signal, left out.
     * Second pass over the 19 other days taken as consecutive values (day 9 = 12 then day 11 = 12, range 0): centre =
     * 210/19 = 11.0526; MR̄ = (8·2 + 0 + 9·2)/18 = 34/18 = 1.8889; UCL = 11.0526 + 2.66·1.8889 = 16.0770, LCL = 6.0281,
     * σ = 1.8889/1.128 = 1.6745 (3σ = 5.0236). Day 40 = 16.5 deviates 5.447: beyond the Phase I 3σ (a signal), though
     * within the first-pass limits (21.80). The other later days alternate 12/10 (within 1σ): no signal.
     */
    @Test
    void phaseOneDropsABaselineDayBeyondTheLimitsAndRecomputesOnce() {
        double[] v = stable();
        v[9] = 30;
        v[39] = 16.5;
        XmrChart.Result r = XmrChart.compute(series(v), REPORT, 60, 20);
        assertThat(r.centre()).isCloseTo(210.0 / 19, within(1e-12));
        assertThat(r.mrBar()).isCloseTo(34.0 / 18, within(1e-12));
        assertThat(r.ucl()).isCloseTo(210.0 / 19 + 2.66 * 34.0 / 18, within(1e-12));
        assertThat(r.ucl()).isCloseTo(16.0770, within(1e-4));
        assertThat(r.lcl()).isCloseTo(6.0281, within(1e-4));
        assertThat(r.sigma()).isCloseTo(34.0 / 18 / 1.128, within(1e-12));
        assertThat(signals(v)).containsExactly(Map.entry(10, List.of(1)), Map.entry(40, List.of(1)));
        XmrChart.Point day10 = r.points().get(9);
        assertThat(day10.baseline()).isTrue();
        assertThat(day10.rules()).containsExactly(1);
        assertThat(r.points().stream().filter(XmrChart.Point::baseline)).hasSize(20);
    }

    @Test
    void phaseOneIsOnePassAndABaselineWithinItsLimitsIsUnchanged() {
        // a stable baseline: nothing dropped, limits as in baselineGivesCentreLimitsAndSigma
        XmrChart.Result r = XmrChart.compute(series(stable()), REPORT, 60, 20);
        assertThat(r.points().subList(0, 20)).allMatch(p -> p.rules().isEmpty());
        // day 10 = 17: first pass centre (120 + 90 + 17)/20 = 11.35, MR̄ = (34 + 5 + 5)/19 = 2.3158, UCL = 17.51: within,
        // nothing dropped, although 17 is beyond the 16.08 a pass without it would give (one pass only)
        double[] v = stable();
        v[9] = 17;
        XmrChart.Result one = XmrChart.compute(series(v), REPORT, 60, 20);
        assertThat(one.centre()).isCloseTo(11.35, within(1e-12));
        assertThat(one.mrBar()).isCloseTo(44.0 / 19, within(1e-12));
        assertThat(one.points().get(9).rules()).isEmpty();
    }

    @Test
    void chartOfARunUsesTheDailyCycleMeanOfTheRequestedSlice() {
        double[] v = stable();
        v[39] = 17;
        List<KpiValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String day = DAY1.plusDays(i).toString();
            values.add(new KpiValue(PeriodType.DAY, day, "all", "all", "cycle_hours_mean", null, null, v[i]));
            values.add(new KpiValue(PeriodType.DAY, day, "all", "all", "cycle_hours_p90", null, null, 99));
            values.add(new KpiValue(PeriodType.DAY, day, "carrier", "SF", "cycle_hours_mean", null, null, 11));
        }
        XmrChart.Result r = XmrChart.ofCycleMeans(values, "all", "all", REPORT, 60, 20);
        assertThat(r.signals()).extracting(XmrChart.Point::date).containsExactly(DAY1.plusDays(39));
        assertThat(XmrChart.ofCycleMeans(values, "carrier", "SF", REPORT, 60, 20).mrBar()).isZero();
    }
}
