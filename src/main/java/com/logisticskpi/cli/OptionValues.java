package com.logisticskpi.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/** Parsing of the date and instant options every command shares; a bad value is a USAGE error naming the option. */
public final class OptionValues {

    private OptionValues() {
    }

    /** A local date {@code yyyy-MM-dd}. */
    public static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw new KpiException(ExitCode.USAGE, option + " '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** An ISO instant ({@code 2026-11-22T22:00:00Z}) or offset date-time ({@code 2026-11-23T06:00:00+08:00}), to microseconds. */
    public static Instant instant(String option, String text) {
        String t = text.trim();
        try {
            return Instant.parse(t).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeException e2) {
                throw new KpiException(ExitCode.USAGE, option + " '" + text
                        + "' is not an instant (2026-11-23T06:00:00+08:00 or 2026-11-22T22:00:00Z)");
            }
        }
    }
}
