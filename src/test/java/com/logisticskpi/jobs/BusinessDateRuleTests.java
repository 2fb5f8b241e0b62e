package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.PeriodType;

class BusinessDateRuleTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void yesterdayIsTakenInTheBusinessZone() {
        // 21:30 UTC on 11-22 is 05:30 on 11-23 in Shanghai: yesterday = 11-22 there, but 11-21 in UTC
        Instant asOf = Instant.parse("2026-11-22T21:30:00Z");
        BusinessPeriod sh = BusinessDateRule.YESTERDAY.resolve(asOf, SHANGHAI);
        assertThat(sh).isEqualTo(new BusinessPeriod(PeriodType.DAY, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23)));
        assertThat(sh.label()).isEqualTo("2026-11-22");
        assertThat(sh.lastDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(BusinessDateRule.YESTERDAY.resolve(asOf, ZoneOffset.UTC).start()).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void lastCompletedWeekIsTheIsoWeekBeforeTheCurrentOne() {
        // Monday 2026-11-23 06:00 Shanghai: the last completed week is Mon 11-16 .. Sun 11-22 = 2026-W47
        BusinessPeriod p = BusinessDateRule.LAST_COMPLETED_WEEK.resolve(Instant.parse("2026-11-22T22:00:00Z"), SHANGHAI);
        assertThat(p.start()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(p.end()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(p.lastDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(p.label()).isEqualTo("2026-W47");
        // Sunday 11-22 23:00 Shanghai is still inside W47, so the last completed week is W46 (11-09 .. 11-15)
        BusinessPeriod sunday = BusinessDateRule.LAST_COMPLETED_WEEK.resolve(Instant.parse("2026-11-22T15:00:00Z"), SHANGHAI);
        assertThat(sunday.start()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(sunday.label()).isEqualTo("2026-W46");
    }

    @Test
    void lastWeekOfTheIsoYearKeepsItsWeekBasedYear() {
        // 2027-01-04 is a Monday; the week before is 2026-12-28 .. 2027-01-03, ISO week 53 of 2026 (2026-01-01 is a Thursday)
        BusinessPeriod p = BusinessDateRule.LAST_COMPLETED_WEEK.resolve(Instant.parse("2027-01-04T02:00:00Z"), SHANGHAI);
        assertThat(p.start()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(p.lastDate()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(p.label()).isEqualTo("2026-W53");
    }

    @Test
    void lastMonthDependsOnTheZoneAtTheMonthBoundary() {
        // 2026-11-30T17:00Z = 2026-12-01 01:00 in Shanghai -> November; in UTC it is still 11-30 -> October
        Instant asOf = Instant.parse("2026-11-30T17:00:00Z");
        BusinessPeriod sh = BusinessDateRule.LAST_MONTH.resolve(asOf, SHANGHAI);
        assertThat(sh.start()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(sh.end()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(sh.label()).isEqualTo("2026-11");
        assertThat(BusinessDateRule.LAST_MONTH.resolve(asOf, ZoneOffset.UTC).label()).isEqualTo("2026-10");
        // across the year: January 2027 reports December 2026
        assertThat(BusinessDateRule.LAST_MONTH.resolve(Instant.parse("2027-01-01T02:00:00Z"), SHANGHAI).label()).isEqualTo("2026-12");
    }

    @Test
    void rulesAreReadFromTheirKeys() {
        assertThat(BusinessDateRule.fromKey("yesterday")).isEqualTo(BusinessDateRule.YESTERDAY);
        assertThat(BusinessDateRule.fromKey(" Last-Completed-Week ")).isEqualTo(BusinessDateRule.LAST_COMPLETED_WEEK);
        assertThat(BusinessDateRule.fromKey("last-month")).isEqualTo(BusinessDateRule.LAST_MONTH);
        assertThatThrownBy(() -> BusinessDateRule.fromKey("today")).hasMessageContaining("today");
    }
}
