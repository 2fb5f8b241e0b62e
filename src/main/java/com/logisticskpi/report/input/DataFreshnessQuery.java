package com.logisticskpi.report.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.logisticskpi.base.db.DbTime;
import com.logisticskpi.report.ReportInput;

/**
 * How fresh the stored exports are for a report: the newest event time stored (order, ship, delivery, return
 * request / receipt / refund, survey response) not after the run's as-of, and when the last file with a business
 * date up to the report date finished loading.
 */
@Repository
public class DataFreshnessQuery {

    /** Every stored event time; each query is bound with the as-of instant. */
    static final List<String> NEWEST_EVENT_SQL = List.of(
            "SELECT MAX(order_time) FROM order_line WHERE order_time <= ?",
            "SELECT MAX(ship_time) FROM shipment_line WHERE ship_time <= ?",
            "SELECT MAX(delivered_time) FROM shipment_line WHERE delivered_time <= ?",
            "SELECT MAX(requested_time) FROM return_line WHERE requested_time <= ?",
            "SELECT MAX(received_time) FROM return_line WHERE received_time <= ?",
            "SELECT MAX(refunded_time) FROM return_line WHERE refunded_time <= ?",
            "SELECT MAX(response_time) FROM survey_response WHERE response_time <= ?");

    /** file_order starts with yyyyMMdd/ (00000000/ without a date), so a string bound selects dates up to a day. */
    static final String LAST_LOAD_SQL =
            "SELECT MAX(finished_at) FROM ingest_file WHERE status = 'LOADED' AND file_order < ?";

    private final JdbcTemplate jdbc;

    public DataFreshnessQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReportInput.Freshness of(LocalDate reportDate, Instant asOf) {
        String asOfUtc = DbTime.literal(asOf); // a UTC DATETIME(6) literal keeps microseconds on MariaDB too
        Instant newest = null;
        for (String sql : NEWEST_EVENT_SQL) {
            newest = later(newest, instant(jdbc.queryForObject(sql, LocalDateTime.class, asOfUtc)));
        }
        String beforeNextDay = DateTimeFormatter.BASIC_ISO_DATE.format(reportDate.plusDays(1)) + "/";
        Instant lastLoad = instant(jdbc.queryForObject(LAST_LOAD_SQL, LocalDateTime.class, beforeNextDay));
        return new ReportInput.Freshness(newest, lastLoad);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
