package com.logisticskpi.report.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

import com.logisticskpi.kpi.catalog.Unit;

/** The axes the chart kinds share: periods as an index axis, KPI values in their unit's format. */
final class ChartAxes {

    private ChartAxes() {
    }

    /** x = 0, 1, 2, ... labelled with the periods; every 1st, 2nd, 4th or 7th label shown, vertical beyond 31. */
    static NumberAxis periods(List<String> labels) {
        NumberAxis x = new NumberAxis();
        x.setNumberFormatOverride(new IndexLabels(labels));
        int n = Math.max(1, labels.size());
        int step = n <= 8 ? 1 : n <= 16 ? 2 : n <= 31 ? 4 : 7;
        x.setTickUnit(new NumberTickUnit(step, new IndexLabels(labels)));
        x.setRange(-0.5, n - 0.5);
        x.setVerticalTickLabels(n > 31);
        return x;
    }

    /** A value axis in the unit's format, not forced to include 0. */
    static NumberAxis values(Unit unit) {
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(false);
        y.setNumberFormatOverride(format(unit));
        return y;
    }

    /** 12.3 %, 12.3 h or points, 0.45, 1,234. */
    static NumberFormat format(Unit unit) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return switch (unit) {
            case SHARE -> new DecimalFormat("0.0%", sym);
            case HOURS, SCORE -> new DecimalFormat("0.0", sym);
            case RATIO -> new DecimalFormat("0.00", sym);
            case COUNT -> new DecimalFormat("#,##0", sym);
        };
    }
}
