package com.logisticskpi.kpi.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.PeriodType;

/** kpis.md section 8 on small cases worked by hand. */
class ShiftShareTests {

    static final KpiTarget ON_TIME = new KpiTarget("on_time_rate", 0.95, KpiTarget.Direction.HIGHER_IS_BETTER, 0.03);

    static ShiftShare.Figure f(double n, long d) {
        return new ShiftShare.Figure(n, d);
    }

    static List<DriverRow> split(Map<String, ShiftShare.Figure> now, Map<String, ShiftShare.Figure> before, KpiTarget t) {
        return ShiftShare.split(PeriodType.DAY, "2026-11-12", "2026-11-11", "on_time_rate", "carrier", now, before, t);
    }

    @Test
    void twoCarriersRateAndMixByHand() {
        // before: SF 9/10, EMS 8/10 -> R0 = 17/20 = 0.85; now: SF 18/20, EMS 10/20 -> R1 = 28/40 = 0.70; change -0.15
        List<DriverRow> rows = split(Map.of("SF", f(18, 20), "EMS", f(10, 20)), Map.of("SF", f(9, 10), "EMS", f(8, 10)), ON_TIME);
        assertThat(rows).extracting(DriverRow::sliceValue).containsExactly("EMS", "SF");
        DriverRow ems = rows.get(0);
        DriverRow sf = rows.get(1);
        // EMS: w0 = w1 = 0.5, r0 0.8, r1 0.5 -> rate (0.5 - 0.8) x 1 / 2 = -0.15, mix 0
        assertThat(ems.rateEffect()).isCloseTo(-0.15, within(1e-15));
        assertThat(ems.mixEffect()).isCloseTo(0, within(1e-15));
        // SF: same rate 0.9 -> no effect at all
        assertThat(sf.changeContribution()).isCloseTo(0, within(1e-15));
        // gap to 0.95: EMS 0.5 x (0.5 - 0.95) = -0.225, SF 0.5 x (0.9 - 0.95) = -0.025; sum -0.25 = 0.70 - 0.95
        assertThat(ems.targetGapContribution()).isCloseTo(-0.225, within(1e-15));
        assertThat(sf.targetGapContribution()).isCloseTo(-0.025, within(1e-15));
        assertThat(ems.numerator()).isEqualTo(10);
        assertThat(ems.denominator()).isEqualTo(20);
        assertThat(ems.previousNumerator()).isEqualTo(8);
        assertThat(ems.previousDenominator()).isEqualTo(10);
    }

    @Test
    void aShiftOfVolumeWithoutAnyRateChangeIsPureMix() {
        // rates stay SF 0.9, EMS 0.5 while volume moves from SF to EMS:
        // before SF 18/20, EMS 1/2: R0 = 19/22; now SF 9/10, EMS 20/40: R1 = 29/50
        List<DriverRow> rows = split(Map.of("SF", f(9, 10), "EMS", f(20, 40)), Map.of("SF", f(18, 20), "EMS", f(1, 2)), null);
        double r0 = 19.0 / 22;
        double r1 = 29.0 / 50;
        DriverRow ems = rows.get(0);
        DriverRow sf = rows.get(1);
        assertThat(ems.rateEffect()).isZero();
        assertThat(sf.rateEffect()).isZero();
        // EMS: w0 = 2/22, w1 = 40/50 -> mix (0.8 - 1/11) x (0.5 - (r0 + r1)/2)
        assertThat(ems.mixEffect()).isCloseTo((0.8 - 1.0 / 11) * (0.5 - (r0 + r1) / 2), within(1e-15));
        assertThat(sf.mixEffect()).isCloseTo((0.2 - 10.0 / 11) * (0.9 - (r0 + r1) / 2), within(1e-15));
        assertThat(ems.changeContribution() + sf.changeContribution()).isCloseTo(r1 - r0, within(1e-15));
        // no target: no gap
        assertThat(ems.targetGapContribution()).isNull();
    }

    @Test
    void aValueInOnePeriodOnlyMovesTheFigureThroughMixAlone() {
        // before: JD 1/2, SF 1/1 -> R0 = 2/3; now: EMS 0/1 only -> R1 = 0
        List<DriverRow> rows = split(Map.of("EMS", f(0, 1)), Map.of("JD", f(1, 2), "SF", f(1, 1)), ON_TIME);
        DriverRow ems = rows.get(0);
        DriverRow jd = rows.get(1);
        DriverRow sf = rows.get(2);
        // EMS: r0 takes r1 = 0; w1 1, w0 0 -> mix 1 x (0 - (2/3 + 0)/2) = -1/3
        assertThat(ems.rateEffect()).isZero();
        assertThat(ems.mixEffect()).isCloseTo(-1.0 / 3, within(1e-15));
        // JD: r1 takes r0 = 0.5; w0 2/3 -> mix -2/3 x (0.5 - 1/3) = -1/9
        assertThat(jd.mixEffect()).isCloseTo(-1.0 / 9, within(1e-15));
        // SF: mix -1/3 x (1 - 1/3) = -2/9
        assertThat(sf.mixEffect()).isCloseTo(-2.0 / 9, within(1e-15));
        assertThat(ems.changeContribution() + jd.changeContribution() + sf.changeContribution())
                .isCloseTo(0 - 2.0 / 3, within(1e-15));
        // only EMS has orders now: its gap 1 x (0 - 0.95); JD and SF none
        assertThat(ems.targetGapContribution()).isCloseTo(-0.95, within(1e-15));
        assertThat(jd.targetGapContribution()).isNull();
        assertThat(jd.denominator()).isZero();
        assertThat(jd.rate()).isNull();
        assertThat(jd.previousRate()).isEqualTo(0.5);
    }

    @Test
    void noRowsWhenEitherPeriodHasNoOrders() {
        assertThat(split(Map.of("SF", f(1, 1)), Map.of(), ON_TIME)).isEmpty();
        assertThat(split(Map.of(), Map.of("SF", f(1, 1)), ON_TIME)).isEmpty();
    }

    @Test
    void previousPeriodLabels() {
        assertThat(PeriodType.DAY.previousOf("2026-11-01")).isEqualTo("2026-10-31");
        assertThat(PeriodType.WEEK.previousOf("2026-W46")).isEqualTo("2026-W45");
        assertThat(PeriodType.WEEK.previousOf("2027-W01")).isEqualTo("2026-W53");
        assertThat(PeriodType.WEEK.previousOf("2026-W01")).isEqualTo("2025-W52");
        assertThat(PeriodType.MONTH.previousOf("2026-01")).isEqualTo("2025-12");
        assertThat(PeriodType.WEEK.startOf("2026-W46")).isEqualTo(java.time.LocalDate.parse("2026-11-09"));
    }
}
