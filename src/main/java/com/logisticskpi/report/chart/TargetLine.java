package com.logisticskpi.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The one place that builds a chart's target line: a dashed horizontal line (6 px dash, 4 px gap) at the KPI's
 * target, unlabelled on a trend (its legend names it), labelled on bars and beside other lines. Control limits use
 * the same dashed line in their own colour; the centre line is the same line drawn solid.
 */
final class TargetLine {

    private static final float[] DASH = {6f, 4f};

    private TargetLine() {
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f);
    }

    /** The target of a trend chart: dashed grey, no label (the chart's legend names it). */
    static ValueMarker unlabelled(double target) {
        return new ValueMarker(target, ChartTheme.TARGET, dashed(1.5f));
    }

    /** The target across horizontal bars: dashed grey, its label at the top to the right of the line. */
    static ValueMarker acrossBars(double target, String label) {
        ValueMarker m = unlabelled(target);
        m.setLabel(label);
        m.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelBackgroundColor(ChartTheme.LABEL_BACKGROUND);
        return m;
    }

    /** A line in colour {@code c} labelled in that colour above its left end: dashed, or solid for a centre line. */
    static ValueMarker labelled(double value, Color c, String label, boolean dashed) {
        ValueMarker m = new ValueMarker(value, c, dashed ? dashed(1.2f) : new BasicStroke(1.2f));
        m.setLabel(label);
        m.setLabelFont(ChartFonts.font(Font.PLAIN, 10));
        m.setLabelPaint(c);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        m.setLabelBackgroundColor(ChartTheme.LABEL_BACKGROUND);
        return m;
    }
}
