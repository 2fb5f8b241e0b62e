package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.logisticskpi.base.db.DbTime;

/** DbTime.literal writes the same text as the DateTimeFormatter pattern it replaces, for every year. */
class DbTimeTests {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private static String reference(Instant instant) {
        return REFERENCE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void sameTextAsTheFormatter() {
        assertThat(DbTime.literal(Instant.parse("2026-11-11T15:59:59.999999999Z"))).isEqualTo("2026-11-11 15:59:59.999999");
        assertThat(DbTime.literal(Instant.parse("1969-12-31T23:59:59.000001Z"))).isEqualTo("1969-12-31 23:59:59.000001");
        for (String edge : new String[] {"0001-01-01T00:00:00Z", "0000-12-31T23:59:59.5Z", "9999-12-31T23:59:59.999999Z",
                "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T00:00:00.000100Z"}) {
            Instant i = Instant.parse(edge);
            assertThat(DbTime.literal(i)).as(edge).isEqualTo(reference(i));
        }
        Random random = new Random(1);
        for (int n = 0; n < 200_000; n++) {
            Instant i = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
            assertThat(DbTime.literal(i)).isEqualTo(reference(i));
        }
    }
}
