package com.logisticskpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

class OptionValuesTests {

    @Test
    void instantsWithZOrOffsetAreTheSameInstant() {
        // 06:00 in Shanghai (+08:00) is 22:00 UTC of the previous day
        assertThat(OptionValues.instant("--as-of", "2026-11-23T06:00:00+08:00"))
                .isEqualTo(Instant.parse("2026-11-22T22:00:00Z"))
                .isEqualTo(OptionValues.instant("--as-of", " 2026-11-22T22:00:00Z "));
        // nanoseconds are cut to the microseconds the database keeps
        assertThat(OptionValues.instant("--as-of", "2026-11-22T22:00:00.123456789Z"))
                .isEqualTo(Instant.parse("2026-11-22T22:00:00.123456Z"));
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThat(OptionValues.date("--from", "2026-02-28")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThatThrownBy(() -> OptionValues.date("--from", "2026-02-29"))
                .isInstanceOf(KpiException.class).hasMessage("--from '2026-02-29' is not a date (yyyy-MM-dd)")
                .matches(e -> ((KpiException) e).exitCode() == ExitCode.USAGE);
        assertThatThrownBy(() -> OptionValues.instant("--as-of", "2026-11-23 06:00"))
                .isInstanceOf(KpiException.class).hasMessageStartingWith("--as-of '2026-11-23 06:00' is not an instant");
    }
}
