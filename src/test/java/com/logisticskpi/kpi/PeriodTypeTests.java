package com.logisticskpi.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.junit.jupiter.api.Test;

class PeriodTypeTests {

    @Test
    void labelsOfTheSpec() {
        LocalDate d = LocalDate.of(2026, 11, 12);
        assertThat(PeriodType.DAY.periodOf(d)).isEqualTo("2026-11-12");
        assertThat(PeriodType.WEEK.periodOf(d)).isEqualTo("2026-W46");
        assertThat(PeriodType.MONTH.periodOf(d)).isEqualTo("2026-11");
        // ISO week-based year: Friday 2027-01-01 belongs to the last week (53) of 2026
        assertThat(PeriodType.WEEK.periodOf(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        // Monday 2024-12-30 is in week 1 of 2025
        assertThat(PeriodType.WEEK.periodOf(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(PeriodType.MONTH.periodOf(LocalDate.of(2026, 3, 31))).isEqualTo("2026-03");
    }

    @Test
    void shortYearsAreZeroPadded() {
        assertThat(PeriodType.MONTH.periodOf(LocalDate.of(7, 2, 1))).isEqualTo("0007-02");
        assertThat(PeriodType.MONTH.periodOf(LocalDate.of(999, 12, 1))).isEqualTo("0999-12");
        assertThat(PeriodType.MONTH.periodOf(LocalDate.of(10000, 1, 1))).isEqualTo("10000-01");
    }

    /** The hand-built labels equal the String.format labels they replaced, for every day of 1999..2031. */
    @Test
    void sameLabelsAsTheFormatter() {
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.isBefore(LocalDate.of(2032, 1, 1)); d = d.plusDays(1)) {
            assertThat(PeriodType.WEEK.periodOf(d)).isEqualTo(String.format("%04d-W%02d",
                    d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            assertThat(PeriodType.MONTH.periodOf(d)).isEqualTo(String.format("%04d-%02d", d.getYear(), d.getMonthValue()));
        }
    }
}
