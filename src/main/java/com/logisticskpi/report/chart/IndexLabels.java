package com.logisticskpi.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;

/** Shows x values 0, 1, 2, ... of an XY chart as the labels of those positions (dates, weeks, months). */
final class IndexLabels extends NumberFormat {

    private final List<String> labels;

    IndexLabels(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        long i = Math.round(number);
        if (Math.abs(number - i) < 1e-6 && i >= 0 && i < labels.size()) {
            toAppendTo.append(labels.get((int) i));
        }
        return toAppendTo;
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
