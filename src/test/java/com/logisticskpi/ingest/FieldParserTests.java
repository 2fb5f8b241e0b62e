package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldParserTests {

    private final FieldParser shanghai = new FieldParser(ZoneId.of("Asia/Shanghai"));
    private final FieldParser newYork = new FieldParser(ZoneId.of("America/New_York"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // without offset: local to Asia/Shanghai (UTC+8): 18:00 local = 10:00 UTC
            "2026-11-11 18:00:00,           2026-11-11T10:00:00Z",
            "2026-11-11T18:00:00,           2026-11-11T10:00:00Z",
            // fractional seconds, truncated to microseconds
            "2026-11-11 18:00:00.5,         2026-11-11T10:00:00.500Z",
            "2026-11-11T18:00:00.123456789, 2026-11-11T10:00:00.123456Z",
            // with an offset the zone plays no part
            "2026-11-11T02:00:00Z,          2026-11-11T02:00:00Z",
            "2026-11-11 02:00:00Z,          2026-11-11T02:00:00Z",
            "2026-11-09T16:00:00+08:00,     2026-11-09T08:00:00Z",
            "2026-11-09T16:00:00+0800,      2026-11-09T08:00:00Z",
            "2026-11-09 16:00:00.25-05:00,  2026-11-09T21:00:00.250Z",
            // each fraction length scales to nanoseconds: .000001 = 1 µs, .0000009 = 900 ns (truncated away)
            "2026-11-11T18:00:00.000001,    2026-11-11T10:00:00.000001Z",
            "2026-11-11T18:00:00.0000009,   2026-11-11T10:00:00Z",
            "2026-11-11T18:00:00.0100,      2026-11-11T10:00:00.010Z",
            // leap day; last second of a day; year 0000 is a valid ISO year
            "2028-02-29 23:59:59Z,          2028-02-29T23:59:59Z",
            "0000-01-01T00:00:00Z,          0000-01-01T00:00:00Z",
    })
    void timestampForms(String text, String expected) throws Exception {
        assertThat(shanghai.timestamp("t", text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void localTimeFollowsTheConfiguredZone() throws Exception {
        // New York is UTC-5 on 2026-11-11 (DST ended 2026-11-01): 18:00 local = 23:00 UTC
        assertThat(newYork.timestamp("t", "2026-11-11 18:00:00")).isEqualTo(Instant.parse("2026-11-11T23:00:00Z"));
        // an explicit offset is the same instant in any zone
        assertThat(newYork.timestamp("t", "2026-11-11T02:00:00Z")).isEqualTo(Instant.parse("2026-11-11T02:00:00Z"));
    }

    @Test
    void dateOnlyPromiseIsTheLastMicrosecondOfTheLocalDay() throws Exception {
        assertThat(FieldParser.isDateOnly("2026-11-11")).isTrue();
        assertThat(FieldParser.isDateOnly("2026-11-11 00:00:00")).isFalse();
        // Shanghai: 2026-11-12T00:00+08:00 = 2026-11-11T16:00Z, minus 1 µs
        assertThat(shanghai.endOfLocalDay("p", "2026-11-11")).isEqualTo(Instant.parse("2026-11-11T15:59:59.999999Z"));
        // New York: 2026-11-12T00:00-05:00 = 2026-11-12T05:00Z, minus 1 µs
        assertThat(newYork.endOfLocalDay("p", "2026-11-11")).isEqualTo(Instant.parse("2026-11-12T04:59:59.999999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-11", "2026-11-11 18:00", "2026/11/11 18:00:00", "2026-11-11  18:00:00",
            "2026-13-11 18:00:00", "2026-02-30 18:00:00", "2026-11-11 24:00:00", "2026-11-11 18:00:00+8",
            "2026-11-11 18:00:00 +08:00", "11/11/2026 18:00:00", "2026-11-11 18:00:00.",
            "2026-00-11 18:00:00", "2026-11-00 18:00:00", "2027-02-29 18:00:00", "2026-04-31 18:00:00",
            "2026-11-11 18:60:00", "2026-11-11 18:00:60", "2026-11-11 18:00:00.1234567890",
            "２０２６-11-11 18:00:00", "2026-11-11 18:00:00+19:00"})
    void badTimestampsAreRejected(String text) {
        assertThatThrownBy(() -> shanghai.timestamp("order_time", text))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectReason.BAD_TIMESTAMP);
                    assertThat(e.column()).isEqualTo("order_time");
                });
    }

    @ParameterizedTest
    @CsvSource({"Y,true", "y,true", "yes,true", "YES,true", "true,true", "True,true", "1,true", "是,true",
            "N,false", "n,false", "no,false", "No,false", "false,false", "FALSE,false", "0,false", "否,false"})
    void everyBooleanSpelling(String text, boolean expected) throws Exception {
        assertThat(FieldParser.bool("damaged", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "2", "ja", "对", "t", "f", "-1"})
    void otherBooleansAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.bool("damaged", text))
                .isInstanceOfSatisfying(RowRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_BOOLEAN));
    }

    @Test
    void integersWithMinimum() throws Exception {
        assertThat(FieldParser.integer("quantity", "3", 1)).isEqualTo(3);
        assertThat(FieldParser.integer("quantity", "0", 0)).isZero();
        assertThat(FieldParser.integer("quantity", "+7", 1)).isEqualTo(7);
        assertReject(() -> FieldParser.integer("quantity", "0", 1), RejectReason.BELOW_MINIMUM);
        assertReject(() -> FieldParser.integer("quantity", "-1", 0), RejectReason.BELOW_MINIMUM);
        assertReject(() -> FieldParser.integer("quantity", "1.0", 1), RejectReason.BAD_INTEGER);
        assertReject(() -> FieldParser.integer("quantity", "1,000", 1), RejectReason.BAD_INTEGER);
        assertReject(() -> FieldParser.integer("quantity", "two", 1), RejectReason.BAD_INTEGER);
        assertReject(() -> FieldParser.integer("quantity", "3000000000", 1), RejectReason.BAD_INTEGER);
    }

    @Test
    void decimalsUseADotAndNoThousandsSeparator() throws Exception {
        assertThat(FieldParser.decimal("unit_price", "100.00", BigDecimal.ZERO)).isEqualByComparingTo("100");
        assertThat(FieldParser.decimal("unit_price", "0", BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(FieldParser.decimal("unit_price", ".5", BigDecimal.ZERO)).isEqualByComparingTo("0.5");
        assertThat(FieldParser.decimal("unit_price", "12.3456", BigDecimal.ZERO)).isEqualByComparingTo("12.3456");
        assertReject(() -> FieldParser.decimal("unit_price", "1,000.00", BigDecimal.ZERO), RejectReason.BAD_DECIMAL);
        assertReject(() -> FieldParser.decimal("unit_price", "12,5", BigDecimal.ZERO), RejectReason.BAD_DECIMAL);
        assertReject(() -> FieldParser.decimal("unit_price", "1e3", BigDecimal.ZERO), RejectReason.BAD_DECIMAL);
        // more than the 4 stored decimals would be rounded by the database: rejected, not guessed
        assertReject(() -> FieldParser.decimal("unit_price", "0.12345", BigDecimal.ZERO), RejectReason.BAD_DECIMAL);
        assertReject(() -> FieldParser.decimal("unit_price", "-0.01", BigDecimal.ZERO), RejectReason.BELOW_MINIMUM);
    }

    @Test
    void scoresOnTheirScale() throws Exception {
        assertThat(FieldParser.score("q_service", "1", 1, 5)).isEqualTo(1);
        assertThat(FieldParser.score("q_service", "5", 1, 5)).isEqualTo(5);
        assertThat(FieldParser.score("q_recommend", "0", 0, 10)).isZero();
        assertReject(() -> FieldParser.score("q_service", "0", 1, 5), RejectReason.SCORE_OUT_OF_SCALE);
        assertReject(() -> FieldParser.score("q_service", "6", 1, 5), RejectReason.SCORE_OUT_OF_SCALE);
        assertReject(() -> FieldParser.score("q_recommend", "11", 0, 10), RejectReason.SCORE_OUT_OF_SCALE);
        assertReject(() -> FieldParser.score("q_service", "4.5", 1, 5), RejectReason.BAD_INTEGER);
    }

    interface Call {
        void run() throws Exception;
    }

    private static void assertReject(Call call, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RowRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
