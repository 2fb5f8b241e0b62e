package com.logisticskpi.kpi.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * Shewhart individuals (XmR) chart of the daily cycle_hours_mean with the Western Electric rules (kpis.md section 4).
 * <ul>
 * <li>individuals: the value of every local day of the last {@code days} days up to the report date (a day without
 * delivered orders has no point);</li>
 * <li>baseline: the first {@code baselineDays} days that have a point; centre = their mean; MR̄ = mean absolute
 * difference of consecutive baseline points; limits = centre ± 2.66·MR̄; sigma = MR̄ / 1.128;</li>
 * <li>Phase I: a baseline point beyond those limits (strictly) is a rule-1 signal and left out; centre, MR̄, limits
 * and sigma are computed once more from the remaining baseline points, taken as consecutive values (one pass, not
 * repeated). These are the chart's limits;</li>
 * <li>every later day with a point is checked, counting backwards over the points (baseline points included):
 * (1) the point beyond 3σ; (2) it and at least one other of the last 3 beyond 2σ on the same side; (3) it and at
 * least three others of the last 5 beyond 1σ on the same side; (4) the last 8 points strictly on the same side of
 * the centre line. "Beyond" is strict; a point exactly on the centre line is on neither side.</li>
 * </ul>
 * With fewer baseline points than required the chart has no limits and no signals.
 */
public final class XmrChart {

    public static final double E2 = 2.66;
    public static final double D2 = 1.128;

    /** One day of the chart; value null when the day had no delivered orders; rules empty unless a signal. */
    public record Point(LocalDate date, Double value, boolean baseline, Double centre, Double ucl, Double lcl,
                        List<Integer> rules) {
        public boolean signal() {
            return !rules.isEmpty();
        }
    }

    /** The chart: limits are null when there are not enough baseline points. */
    public record Result(List<Point> points, Double centre, Double mrBar, Double sigma, Double ucl, Double lcl) {
        public boolean hasLimits() {
            return centre != null;
        }

        public List<Point> signals() {
            return points.stream().filter(Point::signal).toList();
        }
    }

    private XmrChart() {
    }

    /**
     * The chart of the daily values {@code byDate} over the {@code days} local days ending on {@code reportDate}.
     */
    public static Result compute(Map<LocalDate, Double> byDate, LocalDate reportDate, int days, int baselineDays) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            dates.add(reportDate.minusDays(i));
        }
        List<Double> xs = new ArrayList<>(); // values of the days with a point, in date order
        List<Integer> pointIndex = new ArrayList<>(); // index into dates of each value
        for (int i = 0; i < dates.size(); i++) {
            Double v = byDate.get(dates.get(i));
            if (v != null) {
                xs.add(v);
                pointIndex.add(i);
            }
        }
        if (xs.size() < baselineDays) {
            List<Point> points = new ArrayList<>();
            for (LocalDate d : dates) {
                points.add(new Point(d, byDate.get(d), false, null, null, null, List.of()));
            }
            return new Result(points, null, null, null, null, null);
        }
        // Phase I (kpis.md section 4): limits from the whole baseline; a baseline point beyond them is a rule-1
        // signal and left out; centre, MR̄ and limits once more from the remaining baseline points, taken as
        // consecutive values (one pass, not repeated).
        List<Double> base = new ArrayList<>(xs.subList(0, baselineDays));
        Limits first = Limits.of(base);
        List<List<Integer>> rulesOfPoint = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (int j = 0; j < baselineDays; j++) {
            double x = xs.get(j);
            if (x > first.ucl() || x < first.lcl()) {
                rulesOfPoint.add(List.of(1));
            } else {
                rulesOfPoint.add(List.of());
                kept.add(x);
            }
        }
        Limits limits = kept.size() == baselineDays || kept.size() < 2 ? first : Limits.of(kept);
        double centre = limits.centre();
        double mrBar = limits.mrBar();
        double sigma = mrBar / D2;
        double ucl = limits.ucl();
        double lcl = limits.lcl();

        for (int j = baselineDays; j < xs.size(); j++) {
            rulesOfPoint.add(rules(xs, j, centre, sigma));
        }
        List<Point> points = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (next < pointIndex.size() && pointIndex.get(next) == i) {
                points.add(new Point(d, xs.get(next), next < baselineDays, centre, ucl, lcl, rulesOfPoint.get(next)));
                next++;
            } else {
                points.add(new Point(d, null, false, centre, ucl, lcl, List.of()));
            }
        }
        return new Result(points, centre, mrBar, sigma, ucl, lcl);
    }

    /** Centre (mean), MR̄ (mean absolute difference of consecutive values) and centre ± 2.66·MR̄ of a series. */
    record Limits(double centre, double mrBar) {
        static Limits of(List<Double> xs) {
            double sum = 0;
            for (double x : xs) {
                sum += x;
            }
            double mr = 0;
            for (int i = 1; i < xs.size(); i++) {
                mr += Math.abs(xs.get(i) - xs.get(i - 1));
            }
            return new Limits(sum / xs.size(), mr / (xs.size() - 1));
        }

        double ucl() {
            return centre + E2 * mrBar;
        }

        double lcl() {
            return centre - E2 * mrBar;
        }
    }

    /** The Western Electric rules that fire on point j counting backwards from it. */
    static List<Integer> rules(List<Double> xs, int j, double centre, double sigma) {
        List<Integer> fired = new ArrayList<>();
        double x = xs.get(j);
        if (Math.abs(x - centre) > 3 * sigma) {
            fired.add(1);
        }
        if (zoneRun(xs, j, centre, sigma, 2, 3, 2)) {
            fired.add(2);
        }
        if (zoneRun(xs, j, centre, sigma, 1, 5, 4)) {
            fired.add(3);
        }
        if (j >= 7) {
            int above = 0;
            int below = 0;
            for (int i = j - 7; i <= j; i++) {
                if (xs.get(i) > centre) {
                    above++;
                } else if (xs.get(i) < centre) {
                    below++;
                }
            }
            if (above == 8 || below == 8) {
                fired.add(4);
            }
        }
        return Collections.unmodifiableList(fired);
    }

    /** True when point j and at least {@code need - 1} others of the last {@code window} points are beyond k·σ on j's side. */
    private static boolean zoneRun(List<Double> xs, int j, double centre, double sigma, int k, int window, int need) {
        if (j < need - 1) {
            return false;
        }
        double limit = k * sigma;
        double dj = xs.get(j) - centre;
        if (Math.abs(dj) <= limit) {
            return false;
        }
        int side = dj > 0 ? 1 : -1;
        int count = 0;
        for (int i = Math.max(0, j - window + 1); i <= j; i++) {
            double d = (xs.get(i) - centre) * side;
            if (d > limit) {
                count++;
            }
        }
        return count >= need;
    }

    /**
     * The chart of a run's daily {@code cycle_hours_mean} for one slice value ({@code all}/{@code all} for the
     * whole business).
     */
    public static Result ofCycleMeans(List<KpiValue> values, String slice, String sliceValue, LocalDate reportDate, int days,
                                      int baselineDays) {
        Map<LocalDate, Double> byDate = new TreeMap<>();
        for (KpiValue v : values) {
            if (v.periodType() == PeriodType.DAY && v.kpi().equals(Kpi.CYCLE_HOURS_MEAN.id()) && v.slice().equals(slice)
                    && v.sliceValue().equals(sliceValue)) {
                byDate.put(LocalDate.parse(v.period()), v.value());
            }
        }
        return compute(byDate, reportDate, days, baselineDays);
    }
}
