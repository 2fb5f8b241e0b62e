package com.logisticskpi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiTarget.Direction;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

class SummaryHtmlRendererTests {

    private static KpiValue share(String kpi, long num, long den) {
        return new KpiValue(PeriodType.DAY, "2026-11-22", "all", "all", kpi, (double) num, den, (double) num / den);
    }

    private static KpiValue plain(String kpi, double v) {
        return new KpiValue(PeriodType.DAY, "2026-11-22", "all", "all", kpi, null, null, v);
    }

    private final Map<String, KpiTarget> targets = Map.of(
            "on_time_rate", new KpiTarget("on_time_rate", 0.95, Direction.HIGHER_IS_BETTER, 0.03),
            "damage_rate", new KpiTarget("damage_rate", 0.005, Direction.LOWER_IS_BETTER, 0.005),
            "csi", new KpiTarget("csi", 80, Direction.HIGHER_IS_BETTER, 5));

    @Test
    void rendersValueTargetStatusAndChange() {
        List<KpiValue> now = List.of(
                share("on_time_rate", 930, 1000),        // 93.0 %: misses 95 % by 2 pts <= 3-pt band -> AMBER
                share("damage_rate", 12, 1000),          // 1.2 %: misses 0.5 % by 0.7 pts > 0.5 band -> RED
                plain("csi", 81.25),                     // >= 80 -> GREEN
                plain("pending_orders", 17),             // no target
                new KpiValue(PeriodType.DAY, "2026-11-22", "carrier", "SF", "on_time_rate", 1.0, 2L, 0.5));  // not 'all'
        List<KpiValue> before = List.of(share("on_time_rate", 918, 1000), plain("csi", 82.5));
        String html = new SummaryHtmlRenderer().render("KPI 2026-11-22", "2026-11-22", now, before, targets, List.of("chart1"));

        assertThat(html).contains("<tr><td>On-time delivery</td><td style=\"text-align:right\">93.0 %</td>"
                + "<td style=\"text-align:right\">&ge; 95.0 %</td><td style=\"background:#ffe0b2\">AMBER</td>"
                // 93.0 - 91.8 = +1.2 percentage points
                + "<td style=\"text-align:right\">+1.2 pts</td></tr>");
        assertThat(html).contains("<tr><td>Damage rate</td><td style=\"text-align:right\">1.2 %</td>"
                + "<td style=\"text-align:right\">&le; 0.5 %</td><td style=\"background:#ffcdd2\">RED</td>"
                + "<td style=\"text-align:right\">–</td></tr>");
        // 81.25 - 82.5 = -1.25
        assertThat(html).contains("<tr><td>CSI</td><td style=\"text-align:right\">81.25</td>"
                + "<td style=\"text-align:right\">&ge; 80</td><td style=\"background:#c8e6c9\">GREEN</td>"
                + "<td style=\"text-align:right\">-1.25</td></tr>");
        assertThat(html).contains("<tr><td>Pending orders</td><td style=\"text-align:right\">17</td><td></td><td></td>");
        assertThat(html).doesNotContain("50.0 %");
        assertThat(html).contains("<img src=\"cid:chart1\"");
    }

    @Test
    void untrustedTextStaysText() {
        String evil = "<script>alert('x')</script>&";
        String html = new SummaryHtmlRenderer().render(evil, "2026-W47\"><b>", List.of(plain("=cmd|' /C calc'!A0<i>", 1.5)),
                List.of(), Map.of(), List.of("a\"b"));
        assertThat(html).doesNotContain("<script>").doesNotContain("<i>").doesNotContain("\"><b>").doesNotContain("cid:a\"b");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;")
                .contains("2026-W47&quot;&gt;&lt;b&gt;")
                .contains("=cmd|&#39; /C calc&#39;!A0&lt;i&gt;");
    }
}
