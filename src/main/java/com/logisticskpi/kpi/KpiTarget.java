package com.logisticskpi.kpi;

/**
 * A KPI's target, in the KPI's own unit (a share as a fraction: 95 % is 0.95, its 3-point band is 0.03).
 *
 * @param kpi       the KPI id
 * @param target    the value to meet
 * @param direction whether higher or lower values are better
 * @param band      how far a value may miss the target and still be amber
 */
public record KpiTarget(String kpi, double target, Direction direction, double band) {

    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** Green when the value meets the target (equal meets it), amber when it misses by no more than the band, else red. */
    public Rag status(double value) {
        double miss = direction == Direction.HIGHER_IS_BETTER ? target - value : value - target;
        if (miss <= 0) {
            return Rag.GREEN;
        }
        // a tiny tolerance so that 0.92 against 0.95 - 0.03 counts as "no more than the band" despite binary fractions
        return miss <= band + 1e-12 ? Rag.AMBER : Rag.RED;
    }

    public boolean higherIsBetter() {
        return direction == Direction.HIGHER_IS_BETTER;
    }
}
