package com.logisticskpi.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShareStatisticsTests {

    @Test
    void wilsonIntervalMatchesHandComputation() {
        // 4/6: p = 0.6667, z² = 3.8415, denom = 1 + 3.8415/6 = 1.64025
        // centre = (0.6667 + 3.8415/12) / 1.64025 = 0.98679/1.64025 = 0.60161
        // half = 1.96·sqrt(0.2222/6 + 3.8415/144) / 1.64025 = 1.96·sqrt(0.037037 + 0.026677)/1.64025 = 0.30166
        ShareStatistics.Interval i = ShareStatistics.wilson(4, 6);
        assertThat(i.low()).isCloseTo(0.29999, within(1e-4));
        assertThat(i.high()).isCloseTo(0.90324, within(1e-4));
    }

    @Test
    void wilsonOfAllSuccessesStaysBelowOneAndEmptyHasNone() {
        // 10/10: centre = (1 + 3.8415/20)/(1.38415) = 0.86118, half = 1.96·sqrt(3.8415/400)/1.38415 = 0.13877
        ShareStatistics.Interval i = ShareStatistics.wilson(10, 10);
        assertThat(i.high()).isCloseTo(1.0, within(1e-9));
        assertThat(i.low()).isCloseTo(0.72247, within(1e-4));
        assertThat(ShareStatistics.wilson(0, 0)).isNull();
    }

    @Test
    void twoProportionTestSeparatesSignalFromNoise() {
        // 90/100 vs 80/100: pooled 0.85, se = sqrt(0.85·0.15·0.02) = 0.050498, z = 1.9803, p = 0.0477
        assertThat(ShareStatistics.twoProportionPValue(90, 100, 80, 100)).isCloseTo(0.0477, within(5e-4));
        assertThat(ShareStatistics.significantChange(90, 100, 80, 100)).isTrue();
        // 9/10 vs 8/10: same shares, ten times fewer orders: z = 0.6262, p = 0.531
        assertThat(ShareStatistics.twoProportionPValue(9, 10, 8, 10)).isCloseTo(0.531, within(2e-3));
        assertThat(ShareStatistics.significantChange(9, 10, 8, 10)).isFalse();
        assertThat(ShareStatistics.twoProportionPValue(5, 5, 3, 3)).isEqualTo(1.0);
    }

    @Test
    void pValuesMatchTheExactNormalTail() {
        // exact two-sided tails erfc(z/√2), independently from Python's math.erfc:
        // z = 1.9802950859533481 → 0.047670380656161505, z = 0.6262242910851493 → 0.5311678365460142
        assertThat(ShareStatistics.twoProportionPValue(90, 100, 80, 100)).isCloseTo(0.047670380656161505, within(1e-12));
        assertThat(ShareStatistics.twoProportionPValue(9, 10, 8, 10)).isCloseTo(0.5311678365460142, within(1e-12));
        assertThat(ShareStatistics.standardNormalCdf(ShareStatistics.Z95)).isCloseTo(0.975, within(1e-12));
    }

    @Test
    void ragStatusUsesTargetDirectionAndBand() {
        KpiTarget onTime = new KpiTarget("on_time_rate", 0.95, KpiTarget.Direction.HIGHER_IS_BETTER, 0.03);
        assertThat(onTime.status(0.95)).isEqualTo(Rag.GREEN);
        assertThat(onTime.status(0.92)).isEqualTo(Rag.AMBER);
        assertThat(onTime.status(0.9199)).isEqualTo(Rag.RED);
        KpiTarget damage = new KpiTarget("damage_rate", 0.005, KpiTarget.Direction.LOWER_IS_BETTER, 0.005);
        assertThat(damage.status(0.004)).isEqualTo(Rag.GREEN);
        assertThat(damage.status(0.01)).isEqualTo(Rag.AMBER);
        assertThat(damage.status(0.0101)).isEqualTo(Rag.RED);
    }
}
