package com.logisticskpi.base.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Binds a UTC instant to a DATETIME(6) parameter without losing its microseconds.
 *
 * <p>Why not {@code setObject(LocalDateTime)}: MySQL Connector/J 9.7 talking to MariaDB 10.x reads the server
 * version as "5.5.5-10.x" (MariaDB's replication prefix), concludes the server has no fractional seconds and
 * silently truncates LocalDateTime parameters to whole seconds (2026-11-11T15:59:59.999999 is stored as 15:59:59).
 * A string literal {@code yyyy-MM-dd HH:mm:ss.SSSSSS} is sent as is and stored exactly by MariaDB, MySQL and H2.
 * Reading back with {@code getObject(col, LocalDateTime.class)} keeps the microseconds on all three.
 */
public final class DbTime {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private DbTime() {
    }

    /**
     * The instant (truncated to microseconds) as a UTC DATETIME(6) literal. Years 0001-9999 are written digit by
     * digit (the ingest binds several timestamps per row; DateTimeFormatter was ~3 % of its CPU); other years go
     * through the formatter (same text, checked by DbTimeTests).
     */
    public static String literal(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) {
            return LITERAL.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        int micros = instant.getNano() / 1000;
        char[] c = new char[26];
        put(c, 0, date.getYear(), 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        put(c, 20, micros, 6);
        return new String(c);
    }

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN_FAST = -62_135_596_800L;
    private static final long MAX_FAST = 253_402_300_800L;

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static void bind(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setString(index, literal(instant));
        }
    }
}
