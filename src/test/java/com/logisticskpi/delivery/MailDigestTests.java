package com.logisticskpi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiTarget.Direction;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportKind;

/**
 * The digest of a weekly run on hand-made figures, every text worked out by hand:
 *
 * <pre>
 * on-time      W47 16/17 = 94.12 %, W46 12/13 = 92.31 %: +1.81 points -> "+1.8 pt"; target 95 % band 3: miss 0.88 pt -> amber;
 *              z-test: pooled 28/30, se = sqrt(0.9333 * 0.0667 * (1/17 + 1/13)) = 0.0916, z = 0.198 -> not significant
 * perfect      W47 70/100, W46 90/100: -20.0 pt; target 90 % band 5: miss 20 pt -> red;
 *              pooled 0.8, se = sqrt(0.8 * 0.2 * 0.02) = 0.0566, z = 3.54 -> significant
 * P90 cycle    W47 60.0 h, W46 55.5 h: "+4.5 h", no target -> no status
 * NPS          W47 15.0, W46 35.0: "-20.0", target 30 band 10: miss 15 -> red
 * CSI          W47 82.0, no W46 -> no change; target 80 -> green
 * the day 2026-11-22 has on-time 1/1 = 100 %: a weekly mail must not show it
 * </pre>
 */
class MailDigestTests {

    static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);
    static final Instant AS_OF = Instant.parse("2026-11-22T22:00:00Z");        // 2026-11-23 06:00 in Shanghai
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static List<KpiValue> values() {
        List<KpiValue> v = new ArrayList<>();
        v.add(share(PeriodType.WEEK, "2026-W47", "on_time_rate", 16, 17));
        v.add(share(PeriodType.WEEK, "2026-W46", "on_time_rate", 12, 13));
        v.add(share(PeriodType.WEEK, "2026-W47", "perfect_order_rate", 70, 100));
        v.add(share(PeriodType.WEEK, "2026-W46", "perfect_order_rate", 90, 100));
        v.add(number(PeriodType.WEEK, "2026-W47", "cycle_hours_p90", 60.0));
        v.add(number(PeriodType.WEEK, "2026-W46", "cycle_hours_p90", 55.5));
        v.add(number(PeriodType.WEEK, "2026-W47", "nps", 15.0));
        v.add(number(PeriodType.WEEK, "2026-W46", "nps", 35.0));
        v.add(number(PeriodType.WEEK, "2026-W47", "csi", 82.0));
        v.add(share(PeriodType.DAY, "2026-11-22", "on_time_rate", 1, 1));
        v.add(new KpiValue(PeriodType.WEEK, "2026-W47", "carrier", "SF", "on_time_rate", 1.0, 1L, 1.0));
        return v;
    }

    static Map<String, KpiTarget> targets() {
        return Map.of("on_time_rate", new KpiTarget("on_time_rate", 0.95, Direction.HIGHER_IS_BETTER, 0.03),
                "perfect_order_rate", new KpiTarget("perfect_order_rate", 0.90, Direction.HIGHER_IS_BETTER, 0.05),
                "nps", new KpiTarget("nps", 30, Direction.HIGHER_IS_BETTER, 10),
                "csi", new KpiTarget("csi", 80, Direction.HIGHER_IS_BETTER, 5));
    }

    static KpiValue share(PeriodType t, String p, String kpi, long num, long den) {
        return new KpiValue(t, p, KpiValue.ALL, KpiValue.ALL, kpi, (double) num, den, (double) num / den);
    }

    static KpiValue number(PeriodType t, String p, String kpi, double value) {
        return new KpiValue(t, p, KpiValue.ALL, KpiValue.ALL, kpi, null, null, value);
    }

    static MailDigest digest(Locale locale, KpiWhy why, DigestCharts charts, MailDigestBuilder.Workbook wb) {
        var request = new MailDigestBuilder.Request(ReportKind.WEEKLY, SUNDAY, AS_OF, ZONE, new Messages(locale),
                "KPI weekly 2026-W47", 7);
        return new MailDigestBuilder(why, charts).build(request, values(), targets(), wb);
    }

    static DigestRow row(MailDigest d, HeadlineKpi kpi) {
        return d.rows().stream().filter(r -> r.kpi() == kpi).findFirst().orElseThrow();
    }

    @Test
    void theWeeklyDigestLeadsWithTheWeekAgainstThePreviousWeekWithEveryHeadlineKpiInTheSummarysOrder() {
        MailDigest d = digest(Locale.ENGLISH, KpiWhy.NONE, null, null);
        assertThat(d.rows()).extracting(DigestRow::kpi).containsExactly(HeadlineKpi.shown(false).toArray(HeadlineKpi[]::new));
        assertThat(d.subject()).isEqualTo("KPI weekly 2026-W47 · 2 off target");
        assertThat(d.heading()).isEqualTo("Weekly logistics service KPIs – 2026-W47");
        assertThat(d.comparison()).isEqualTo("Week 2026-W47 as of 11-23 06:00 – compared with 2026-W46");

        DigestRow onTime = row(d, HeadlineKpi.ON_TIME_RATE);
        assertThat(onTime.name()).isEqualTo("On-time rate");
        assertThat(onTime.value()).isEqualTo("94.1 %");                 // the week's 16/17, not the day's 100 %
        assertThat(onTime.target()).isEqualTo("target ≥ 95.0 %");
        assertThat(onTime.status()).isEqualTo(Rag.AMBER);
        assertThat(onTime.statusWord()).isEqualTo("Watch");
        assertThat(onTime.change()).isEqualTo("+1.8 pt vs 2026-W46");
        assertThat(onTime.significance()).isEqualTo("not significant");

        DigestRow perfect = row(d, HeadlineKpi.PERFECT_ORDER_RATE);
        assertThat(perfect.value()).isEqualTo("70.0 %");
        assertThat(perfect.status()).isEqualTo(Rag.RED);
        assertThat(perfect.statusWord()).isEqualTo("Off target");
        assertThat(perfect.change()).isEqualTo("-20.0 pt vs 2026-W46");
        assertThat(perfect.significance()).isEqualTo("significant");

        DigestRow p90 = row(d, HeadlineKpi.CYCLE_HOURS_P90);
        assertThat(p90.value()).isEqualTo("60.0 h");
        assertThat(p90.change()).isEqualTo("+4.5 h vs 2026-W46");
        assertThat(p90.status()).isNull();
        assertThat(p90.target()).isEmpty();
        assertThat(p90.significance()).isEmpty();

        DigestRow nps = row(d, HeadlineKpi.NPS);
        assertThat(nps.value()).isEqualTo("15.0");
        assertThat(nps.change()).isEqualTo("-20.0 vs 2026-W46");
        assertThat(nps.status()).isEqualTo(Rag.RED);

        DigestRow csi = row(d, HeadlineKpi.CSI);
        assertThat(csi.status()).isEqualTo(Rag.GREEN);
        assertThat(csi.change()).isEmpty();

        DigestRow damage = row(d, HeadlineKpi.DAMAGE_RATE);
        assertThat(damage.value()).isEqualTo("no data");
        assertThat(damage.status()).isNull();
    }

    @Test
    void inChineseEveryTextIsChineseAndNoRawKpiIdAppearsInTheHtmlOrTheText() {
        MailDigest d = digest(Locale.forLanguageTag("zh-CN"), KpiWhy.NONE, new DigestCharts(), null);
        assertThat(d.subject()).isEqualTo("KPI weekly 2026-W47 · 2 项未达标");
        assertThat(d.heading()).isEqualTo("物流服务 KPI 周报 – 2026-W47");
        assertThat(d.comparison()).isEqualTo("周 2026-W47（截至 11-23 06:00） – 对比 2026-W46");
        DigestRow onTime = row(d, HeadlineKpi.ON_TIME_RATE);
        assertThat(onTime.statusWord()).isEqualTo("关注");
        assertThat(onTime.change()).isEqualTo("较 2026-W46 +1.8 个百分点");
        assertThat(onTime.target()).isEqualTo("目标 ≥ 95.0 %");
        assertThat(row(d, HeadlineKpi.PERFECT_ORDER_RATE).significance()).isEqualTo("显著");
        assertThat(row(d, HeadlineKpi.CYCLE_HOURS_P90).value()).isEqualTo("60.0 小时");

        String html = new DigestHtml().render(d);
        String text = new DigestText().render(d);
        String visible = visibleText(html);
        assertThat(visible).contains("准时交付率", "94.1 %", "关注", "完美订单率", "未达标");
        for (HeadlineKpi k : HeadlineKpi.values()) {
            assertThat(visible).as("html").doesNotContain(k.id());
            assertThat(text).as("text").doesNotContain(k.id());
        }
        assertThat(html).doesNotContain("GREEN", "RED", "AMBER", "Period:");
        assertThat(text).contains("准时交付率: 94.1 % – 关注 (目标 ≥ 95.0 %, 较 2026-W46 +1.8 个百分点, 不显著)");
    }

    /** The text a reader sees: tags removed, alt texts kept, entities of the markup decoded. */
    static String visibleText(String html) {
        String alts = String.join(" ", java.util.regex.Pattern.compile("alt=\"([^\"]*)\"").matcher(html).results()
                .map(r -> r.group(1)).toList());
        return (html.replaceAll("(?s)<[^>]*>", " ") + " " + alts).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void atMostFourChartsRedKpisFirstEachWithADescriptiveContentIdFileNameAndWidth() {
        MailDigest d = digest(Locale.ENGLISH, KpiWhy.NONE, new DigestCharts(), null);
        assertThat(d.charts()).extracting(MailDigest.Chart::contentId).containsExactly(
                "trend-perfect-order-rate-26-weeks", "trend-nps-26-weeks", "trend-on-time-rate-26-weeks",
                "trend-cycle-hours-p90-26-weeks");
        assertThat(d.charts()).extracting(MailDigest.Chart::fileName).containsExactly(
                "trend-perfect-order-rate-26-weeks.png", "trend-nps-26-weeks.png", "trend-on-time-rate-26-weeks.png",
                "trend-cycle-hours-p90-26-weeks.png");
        assertThat(d.charts().get(0).alt()).isEqualTo("Perfect order rate, last 26 weeks");
        String html = new DigestHtml().render(d);
        for (MailDigest.Chart c : d.charts()) {
            assertThat(html).contains("<img src=\"cid:" + c.contentId() + "\" width=\"560\"");
            assertThat(c.png()).startsWith(0x89, 'P', 'N', 'G');
            assertThat(c.png().length).isLessThan(150_000);
        }
        assertThat(html).contains("max-width:600px", "max-width:560px;height:auto");
    }

    @Test
    void redAndAmberRowsGetTheWhyLineOthersNoneAndItStaysText() {
        List<String> asked = new ArrayList<>();
        KpiWhy why = (kpi, period, value, status, locale) -> {
            asked.add(kpi.id() + " " + period + " " + status);
            return Optional.of("<b>carrier SF</b>: 5 of 6 late orders");
        };
        MailDigest d = digest(Locale.ENGLISH, why, null, null);
        assertThat(asked).containsExactly("on_time_rate 2026-W47 AMBER", "perfect_order_rate 2026-W47 RED", "nps 2026-W47 RED");
        assertThat(row(d, HeadlineKpi.ON_TIME_RATE).why()).contains("<b>carrier SF</b>: 5 of 6 late orders");
        assertThat(row(d, HeadlineKpi.CSI).why()).isEmpty();
        String html = new DigestHtml().render(d);
        assertThat(html).contains("&lt;b&gt;carrier SF&lt;/b&gt;: 5 of 6 late orders").doesNotContain("<b>carrier");
        assertThat(new DigestText().render(d)).contains("On-time rate: 94.1 % – Watch (target ≥ 95.0 %, +1.8 pt vs 2026-W46, not significant)\n"
                + "    <b>carrier SF</b>: 5 of 6 late orders\n");
        // without a KpiWhy: no line
        assertThat(digest(Locale.ENGLISH, KpiWhy.NONE, null, null).rows()).allMatch(r -> r.why().isEmpty());
    }

    @Test
    void aWorkbookOverTheCapIsNamedAtTheTopWithItsPathAnAttachedOneBriefly() {
        Path wb = Path.of("/srv/kpi/out/weekly/2026-W47/kpi-report_2026-W47.xlsx");
        MailDigest big = digest(Locale.ENGLISH, KpiWhy.NONE, null, new MailDigestBuilder.Workbook(wb, 3 * 1024 * 1024, 1024 * 1024));
        assertThat(big.workbookTooBig()).isTrue();
        assertThat(big.workbookNote()).isEqualTo("The workbook kpi-report_2026-W47.xlsx (3.0 MB) is larger than the mail limit of"
                + " 1.0 MB and is not attached. It is stored at: /srv/kpi/out/weekly/2026-W47/kpi-report_2026-W47.xlsx");
        String html = new DigestHtml().render(big);
        assertThat(html.indexOf("data-workbook-note")).isLessThan(html.indexOf("kpi-row"));
        MailDigest small = digest(Locale.ENGLISH, KpiWhy.NONE, null, new MailDigestBuilder.Workbook(wb, 512 * 1024, 1024 * 1024));
        assertThat(small.workbookTooBig()).isFalse();
        assertThat(small.workbookNote()).isEqualTo("Attached: kpi-report_2026-W47.xlsx (0.5 MB), the full workbook.");
    }
}
