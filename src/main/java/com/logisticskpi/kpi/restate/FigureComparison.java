package com.logisticskpi.kpi.restate;

/**
 * When two stored figures count as the same. kpi_value holds every figure unrounded (DOUBLE; kpi-values.csv prints it
 * with {@code Double.toString}), and a run recomputes each figure from the same counts and sums in the same order, so an
 * unchanged figure is normally bit-identical. The tolerance only absorbs last-bit differences of floating sums:
 * a figure has changed when it differs by more than {@value #RELATIVE} of the larger magnitude (at least of 1), far
 * below any change a report can show (0.1 pt of a share is 1e-3, 0.1 h of a mean 1e-1).
 */
public final class FigureComparison {

    public static final double RELATIVE = 1e-9;

    private FigureComparison() {
    }

    public static boolean differs(double reported, double now) {
        double scale = Math.max(1.0, Math.max(Math.abs(reported), Math.abs(now)));
        return Math.abs(now - reported) > RELATIVE * scale;
    }
}
