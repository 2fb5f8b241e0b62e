package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.drivers.DriverAnalysis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.engine.KpiEngineProperties;

/** The Summary's and the mail's "why" line on figures worked by hand. */
class WhyTextTests {

    static final LocalDate DATE = LocalDate.parse("2026-11-12");
    static final Map<String, KpiTarget> TARGETS = KpiEngineProperties.defaultTargets();

    static void share(List<KpiValue> v, PeriodType t, String period, String slice, String value, String kpi, double n, long d) {
        v.add(new KpiValue(t, period, slice, value, kpi, n, d, n / d));
    }

    /**
     * Day on-time by carrier: 11-11 SF 90/100, EMS 95/100 (R0 185/200 = 92.5 %); 11-12 SF 90/100, EMS 70/100
     * (R1 160/200 = 80 %, red against 95 %). EMS: rate effect (0.70 - 0.95) x (0.5 + 0.5) / 2 = -12.5 pts, no mix;
     * SF: nothing. Gap: EMS 0.5 x (0.70 - 0.95) = -12.5 pts, SF 0.5 x (0.90 - 0.95) = -2.5 pts.
     */
    static WhyText why(Locale locale, boolean improved) {
        List<KpiValue> v = new ArrayList<>();
        PeriodType d = PeriodType.DAY;
        share(v, d, "2026-11-11", "all", "all", "on_time_rate", improved ? 150 : 185, 200);
        share(v, d, "2026-11-11", "carrier", "SF", "on_time_rate", improved ? 80 : 90, 100);
        share(v, d, "2026-11-11", "carrier", "EMS", "on_time_rate", improved ? 70 : 95, 100);
        share(v, d, "2026-11-12", "all", "all", "on_time_rate", 160, 200);
        share(v, d, "2026-11-12", "carrier", "SF", "on_time_rate", 90, 100);
        share(v, d, "2026-11-12", "carrier", "EMS", "on_time_rate", 70, 100);
        share(v, d, "2026-11-12", "all", "all", "order_accuracy", 100, 100);
        // week: on time 95 % (green) with pending orders that need 50 %; month: out of reach (2.65 of 1 needed)
        share(v, PeriodType.WEEK, "2026-W46", "all", "all", "on_time_rate", 95, 100);
        share(v, PeriodType.WEEK, "2026-W46", "all", "all", KpiValue.ON_TIME_REQUIRED_RATE, 1.5, 3);
        share(v, PeriodType.MONTH, "2026-11", "all", "all", "on_time_rate", 4, 6);
        share(v, PeriodType.MONTH, "2026-11", "all", "all", KpiValue.ON_TIME_REQUIRED_RATE, 2.65, 1);
        List<DriverRow> drivers = DriverAnalysis.compute(v, Map.of(d, List.of("2026-11-12")), TARGETS::get);
        return new WhyText(new Messages(locale), drivers, v, TARGETS);
    }

    @Test
    void aRedFigureThatFellNamesWhatMadeItFallAndWhatKeepsItBelowTarget() {
        assertThat(why(Locale.ENGLISH, false).line(PeriodType.DAY, DATE, "on_time_rate"))
                .isEqualTo("change: carrier EMS \u221212.5 pts; gap to target: carrier EMS \u221212.5 pts, carrier SF \u22122.5 pts");
        assertThat(why(Locale.forLanguageTag("zh-CN"), false).line(PeriodType.DAY, DATE, "on_time_rate"))
                .isEqualTo("变化来源：承运商 EMS \u221212.5 pt；差距来源：承运商 EMS \u221212.5 pt，承运商 SF \u22122.5 pt");
    }

    @Test
    void aRedFigureThatImprovedOnlyNamesTheGap() {
        // 11-11 SF 80/100, EMS 70/100 = 75 %: 80 % is better, the change is no reason for red
        assertThat(why(Locale.ENGLISH, true).line(PeriodType.DAY, DATE, "on_time_rate"))
                .isEqualTo("gap to target: carrier EMS \u221212.5 pts, carrier SF \u22122.5 pts");
    }

    @Test
    void greenFiguresSayNothingButTheWeekAndMonthSayWhatThePendingOrdersNeed() {
        WhyText en = why(Locale.ENGLISH, false);
        assertThat(en.line(PeriodType.DAY, DATE, "order_accuracy")).isEmpty();
        assertThat(en.line(PeriodType.DAY, DATE, "csi")).isEmpty();
        assertThat(en.line(PeriodType.WEEK, DATE, "on_time_rate")).isEqualTo("pending orders need 50.0 % on time");
        // month 4/6 is red, but has no drivers (no slices given): only the required rate, 265 % > 100 %
        assertThat(en.line(PeriodType.MONTH, DATE, "on_time_rate"))
                .isEqualTo("pending orders: target out of reach (would need 265.0 %)");
        assertThat(why(Locale.forLanguageTag("zh-CN"), false).line(PeriodType.WEEK, DATE, "on_time_rate"))
                .isEqualTo("剩余待交付订单需达到 50.0 %");
    }
}
