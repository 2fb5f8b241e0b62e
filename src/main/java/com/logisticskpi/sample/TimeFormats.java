package com.logisticskpi.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp spellings the exports use (exports.md "Timestamps"), all naming the same instant. */
final class TimeFormats {

    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter T_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter SPACE_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter UTC_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final ZoneId zone;

    TimeFormats(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 2026-11-21 14:05:09}: local to the business zone. */
    String local(Instant t) {
        return SPACE.format(t.atZone(zone));
    }

    /** {@code 2026-11-21T14:05:09}: local, ISO separator. */
    String localT(Instant t) {
        return T.format(t.atZone(zone));
    }

    /** {@code 2026-11-21T14:05:09+08:00}: with the zone's offset at that instant. */
    String withOffset(Instant t) {
        return T_OFFSET.format(t.atZone(zone));
    }

    /** {@code 2026-11-21 14:05:09.250}: local with fractional seconds. */
    String localMillis(Instant t) {
        return SPACE_MILLIS.format(t.atZone(zone));
    }

    /** {@code 2026-11-21T06:05:09Z}: UTC. */
    String utc(Instant t) {
        return UTC_Z.format(t.atOffset(ZoneOffset.UTC));
    }

    /** {@code 2026-11-21}: a date-only promise. */
    static String date(LocalDate d) {
        return d.toString();
    }

    LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    Instant at(LocalDate date, int hour, int minute, int second) {
        return date.atTime(hour, minute, second).atZone(zone).toInstant();
    }

    ZoneId zone() {
        return zone;
    }
}
