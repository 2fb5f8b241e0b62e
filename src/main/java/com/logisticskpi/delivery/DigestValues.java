package com.logisticskpi.delivery;

import java.util.Locale;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.report.Messages;

/**
 * How the digest writes a figure: shares in percent with one decimal (0.9412 → "94.1 %") and their changes in
 * percentage points ("+1.8 pt" / "+1.8 个百分点"); hours with one decimal and the bundle's unit ("52.3 h"); the CV
 * with two decimals; scores (CSI, NPS) with one decimal; counts (no headline KPI today) as whole numbers. Digits always use a point, whatever the locale.
 */
final class DigestValues {

    private final Messages m;

    DigestValues(Messages m) {
        this.m = m;
    }

    String value(HeadlineKpi kpi, double v) {
        return switch (kpi.unit()) {
            case SHARE -> String.format(Locale.ROOT, "%.1f %%", v * 100);
            case HOURS -> m.get("mail.hours", String.format(Locale.ROOT, "%.1f", v));
            case RATIO -> String.format(Locale.ROOT, "%.2f", v);
            case SCORE -> String.format(Locale.ROOT, "%.1f", v);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
        };
    }

    String change(HeadlineKpi kpi, double d) {
        return switch (kpi.unit()) {
            case SHARE -> m.get("mail.points", signed(d * 100, 1));
            case HOURS -> m.get("mail.hours", signed(d, 1));
            case RATIO -> signed(d, 2);
            case SCORE -> signed(d, 1);
            case COUNT -> signed(d, 0);
        };
    }

    /** "+1.8", "-0.4", "0.0" (a change that rounds to zero gets no sign). */
    static String signed(double d, int decimals) {
        String plain = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(d));
        if (Double.parseDouble(plain) == 0) {
            return plain;
        }
        return (d > 0 ? "+" : "-") + plain;
    }
}
