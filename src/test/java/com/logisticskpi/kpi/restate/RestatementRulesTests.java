package com.logisticskpi.kpi.restate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.logisticskpi.delivery.DigestHtml;
import com.logisticskpi.delivery.DigestText;
import com.logisticskpi.delivery.KpiWhy;
import com.logisticskpi.delivery.MailDigest;
import com.logisticskpi.delivery.MailDigestBuilder;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.engine.TicketProperties;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportKind;

/** Which reported figures were final, when two figures are equal, and the mail's restatements line. */
class RestatementRulesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The nightly of Sunday 2026-11-22, as of 06:00 the next morning in Shanghai (22:00 UTC). */
    private static final ReportingRun NIGHTLY = new ReportingRun(7, 3, "nightly", LocalDate.of(2026, 11, 22),
            Instant.parse("2026-11-22T22:00:00Z"), SHANGHAI);
    private final FinalFigures rules = new FinalFigures(TicketProperties.defaults());

    @Test
    void aFigureIsFinalOnceItsPeriodEndedAtTheReportsAsOf() {
        assertThat(rules.wasFinal(PeriodType.DAY, "2026-11-22", "on_time_rate", NIGHTLY)).isTrue();
        assertThat(rules.wasFinal(PeriodType.WEEK, "2026-W47", "on_time_rate", NIGHTLY)).isTrue();   // ended Sunday 24:00
        assertThat(rules.wasFinal(PeriodType.MONTH, "2026-11", "on_time_rate", NIGHTLY)).isFalse();  // still under way
        assertThat(rules.wasFinal(PeriodType.DAY, "2026-11-23", "on_time_rate", NIGHTLY)).isFalse();
        // the end is midnight in the report's zone: as of 23:59 Shanghai the day is not over
        ReportingRun early = new ReportingRun(7, 3, "nightly", LocalDate.of(2026, 11, 22),
                Instant.parse("2026-11-22T15:59:00Z"), SHANGHAI);
        assertThat(rules.wasFinal(PeriodType.DAY, "2026-11-22", "csat", early)).isFalse();
    }

    @Test
    void complaintRatesJudgedByAClockAreFinalOnlyOnceTheClockRanOutAndAsOfStatesNever() {
        // day 2026-11-22 ended 6 h before as-of: the 4 h first-response clock ran out, the 72 h resolution one did not
        assertThat(rules.wasFinal(PeriodType.DAY, "2026-11-22", "first_response_within_target_rate", NIGHTLY)).isTrue();
        assertThat(rules.wasFinal(PeriodType.DAY, "2026-11-22", "resolved_within_target_rate", NIGHTLY)).isFalse();
        assertThat(rules.wasFinal(PeriodType.DAY, "2026-11-19", "resolved_within_target_rate", NIGHTLY)).isTrue();
        assertThat(new FinalFigures(new TicketProperties(Duration.ofHours(8), Duration.ofHours(72)))
                .wasFinal(PeriodType.DAY, "2026-11-22", "first_response_within_target_rate", NIGHTLY)).isFalse();
        for (String state : FinalFigures.AS_OF_STATES) {
            assertThat(rules.wasFinal(PeriodType.DAY, "2026-10-01", state, NIGHTLY)).as(state).isFalse();
        }
    }

    @Test
    void figuresDifferingOnlyInTheLastBitsOfAFloatingSumAreEqual() {
        assertThat(FigureComparison.differs(0.1 + 0.2, 0.3)).isFalse();
        assertThat(FigureComparison.differs(1234.5678, 1234.5678 * (1 + 1e-13))).isFalse();
        assertThat(FigureComparison.differs(36.0 / 38, 36.0 / 39)).isTrue();
        assertThat(FigureComparison.differs(0.0, 1e-6)).isTrue();
        assertThat(FigureComparison.differs(51.25, 51.3)).isTrue();
    }

    @Test
    void theMailSaysHowManyFiguresWereRestatedOnlyWhenThereAreAny() {
        for (Locale locale : new Locale[]{Locale.ENGLISH, Locale.forLanguageTag("zh-CN")}) {
            var request = new MailDigestBuilder.Request(ReportKind.DAILY, LocalDate.of(2026, 11, 22), NIGHTLY.asOf(), SHANGHAI,
                    new Messages(locale), "KPI 2026-11-22", 7);
            MailDigest none = new MailDigestBuilder(KpiWhy.NONE, null).build(request, java.util.List.of(), java.util.Map.of(), null);
            MailDigest one = new MailDigestBuilder(KpiWhy.NONE, null).restated(1).build(request, java.util.List.of(), java.util.Map.of(), null);
            MailDigest three = new MailDigestBuilder(KpiWhy.NONE, null).restated(3).build(request, java.util.List.of(), java.util.Map.of(), null);
            assertThat(none.restated()).isEmpty();
            assertThat(new DigestText().render(none)).doesNotContain("restated").doesNotContain("重述");
            assertThat(new DigestHtml().render(none)).doesNotContain("id=\"restated\"");
            if (locale == Locale.ENGLISH) {
                assertThat(one.restated()).isEqualTo("1 figure of earlier reports restated – see the Summary sheet");
                assertThat(three.restated()).isEqualTo("3 figures of earlier reports restated – see the Summary sheet");
            } else {
                assertThat(three.restated()).isEqualTo("以往报表中有 3 项数值已重述 —— 详见“摘要”工作表");
            }
            assertThat(new DigestText().render(three)).contains(three.heading() + "\n" + three.comparison() + "\n" + three.restated() + "\n");
            assertThat(new DigestHtml().render(three)).contains("<p id=\"restated\"").contains(three.restated());
        }
    }
}
