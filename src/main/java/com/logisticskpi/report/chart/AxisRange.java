package com.logisticskpi.report.chart;

import com.logisticskpi.kpi.catalog.Unit;

/**
 * The value-axis range of a trend chart: the data (and target) with a margin, but never narrower than a minimum
 * span per unit, so that a change of a few hundredths of a point does not fill the whole height (an axis of
 * 77.0–78.4 % for a 0.04-point change). Shares stay within 0–100 %.
 */
final class AxisRange {

    /** Smallest span shown: 10 percentage points, 10 score points, 0.2 for a ratio, 10 % of the value for hours and counts. */
    static double minimumSpan(Unit unit, double hi) {
        return switch (unit) {
            case SHARE -> 0.10;
            case SCORE -> 10;
            case RATIO -> 0.2;
            case HOURS, COUNT -> Math.max(1, Math.abs(hi) * 0.10);
        };
    }

    private AxisRange() {
    }

    /** {low, high}; null when there is nothing to show (lo > hi). */
    static double[] of(double lo, double hi, Unit unit) {
        if (lo > hi) {
            return null;
        }
        double pad = Math.max((hi - lo) * 0.12, Math.max(Math.abs(hi) * 0.01, 1e-3));
        double low = lo - pad;
        double high = hi + pad;
        double min = minimumSpan(unit, hi);
        if (high - low < min) {
            double mid = (lo + hi) / 2;
            low = mid - min / 2;
            high = mid + min / 2;
        }
        if (unit == Unit.SHARE) {
            if (low < 0) {
                high = Math.min(1.0, high - low);
                low = 0;
            }
            if (high > 1.0) {
                low = Math.max(0, low - (high - 1.0));
                high = 1.0;
            }
            high += 1e-9;
        } else {
            high += 1e-9;
        }
        return new double[]{low, high};
    }
}
