package com.logisticskpi.ingest;

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

    /** The instant (truncated to microseconds) as a UTC DATETIME(6) literal. */
    public static String literal(Instant instant) {
        return LITERAL.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static void bind(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setString(index, literal(instant));
        }
    }
}
