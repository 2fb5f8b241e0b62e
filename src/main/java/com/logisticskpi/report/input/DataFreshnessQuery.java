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

    /**
     * Every stored event time (table, column); each query is bound with the as-of instant. The indexed columns are
     * read as the first row of a descending index scan (a MAX with a range condition reads the whole range: seconds
     * on a year of history); ship_time and received_time have no index and are read with MAX.
     */
    static final List<String[]> INDEXED_EVENTS = List.of(new String[] {"order_line", "order_time"},
            new String[] {"shipment_line", "delivered_time"}, new String[] {"return_line", "requested_time"},
            new String[] {"return_line", "refunded_time"}, new String[] {"survey_response", "response_time"});
    static final List<String> UNINDEXED_EVENT_SQL = List.of(
            "SELECT MAX(ship_time) FROM shipment_line WHERE ship_time <= ?",
            "SELECT MAX(received_time) FROM return_line WHERE received_time <= ?");

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
        // H2 (nulls sort high) walks an index backwards only for DESC NULLS FIRST; MySQL has no NULLS clause and
        // needs none. The condition excludes nulls, so the order of nulls changes no result.
        String nulls = isH2() ? " NULLS FIRST" : "";
        for (String[] e : INDEXED_EVENTS) {
            String sql = "SELECT " + e[1] + " FROM " + e[0] + " WHERE " + e[1] + " <= ? ORDER BY " + e[1] + " DESC" + nulls
                    + " LIMIT 1";
            List<LocalDateTime> top = jdbc.queryForList(sql, LocalDateTime.class, asOfUtc);
            newest = later(newest, top.isEmpty() ? null : instant(top.get(0)));
        }
        for (String sql : UNINDEXED_EVENT_SQL) {
            newest = later(newest, instant(jdbc.queryForObject(sql, LocalDateTime.class, asOfUtc)));
        }
        String beforeNextDay = DateTimeFormatter.BASIC_ISO_DATE.format(reportDate.plusDays(1)) + "/";
        Instant lastLoad = instant(jdbc.queryForObject(LAST_LOAD_SQL, LocalDateTime.class, beforeNextDay));
        return new ReportInput.Freshness(newest, lastLoad);
    }

    private boolean isH2() {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("h2");
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
