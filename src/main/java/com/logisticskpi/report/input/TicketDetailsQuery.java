package com.logisticskpi.report.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.logisticskpi.base.db.DbTime;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.engine.TicketProperties;
import com.logisticskpi.report.ReportInput;

/**
 * The ticket details the Customer service sheet draws beside the engine's figures (kpis.md section 10): the
 * response and resolution hours of the report month (for the two histograms) and the open complaints older than the
 * resolution target at as-of, oldest first.
 */
@Repository
public class TicketDetailsQuery {

    /** Rows of the overdue list on the sheet; the total is counted. */
    public static final int OVERDUE_CAP = 500;

    static final String LOADED = "SELECT COUNT(*) FROM ingest_file WHERE kind = 'tickets' AND status = 'LOADED'";
    static final String RESPONSE_US = """
            SELECT first_response_us FROM service_ticket
             WHERE opened_time >= ? AND opened_time < ? AND first_response_us IS NOT NULL""";
    static final String RESOLUTION_US = """
            SELECT resolution_us FROM service_ticket
             WHERE resolved_time >= ? AND resolved_time < ? AND ticket_type IN ('COMPLAINT', 'CLAIM')""";
    static final String OVERDUE_WHERE = """
             \sFROM service_ticket t
             WHERE t.resolved_time IS NULL AND t.ticket_type IN ('COMPLAINT', 'CLAIM') AND t.opened_time <= ?""";
    static final String OVERDUE_COUNT = "SELECT COUNT(*)" + OVERDUE_WHERE;
    static final String OVERDUE = "SELECT t.ticket_id, t.order_id, t.customer_id, t.ticket_type, t.category, t.opened_time"
            + OVERDUE_WHERE + " ORDER BY t.opened_time, t.ticket_id LIMIT " + OVERDUE_CAP;

    private static final double US_PER_HOUR = 3_600_000_000d;

    private final JdbcTemplate jdbc;
    private final TicketProperties targets;

    public TicketDetailsQuery(JdbcTemplate jdbc, TicketProperties targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    public ReportInput.CustomerService of(LocalDate reportDate, Instant asOf, ZoneId zone) {
        Long loaded = jdbc.queryForObject(LOADED, Long.class);
        if (loaded == null || loaded == 0) {
            return ReportInput.CustomerService.MISSING;
        }
        LocalDate first = PeriodType.MONTH.start(reportDate);
        String start = DbTime.literal(first.atStartOfDay(zone).toInstant());
        String end = DbTime.literal(PeriodType.MONTH.end(reportDate).atStartOfDay(zone).toInstant());
        List<Double> response = jdbc.query(RESPONSE_US, (rs, i) -> rs.getLong(1) / US_PER_HOUR, start, end);
        List<Double> resolution = jdbc.query(RESOLUTION_US, (rs, i) -> rs.getLong(1) / US_PER_HOUR, start, end);
        String openedBy = DbTime.literal(asOf.minus(targets.resolutionTarget()));
        Long total = jdbc.queryForObject(OVERDUE_COUNT, Long.class, openedBy);
        List<ReportInput.OverdueComplaint> overdue = new ArrayList<>();
        jdbc.query(OVERDUE, rs -> {
            Instant opened = rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            overdue.add(new ReportInput.OverdueComplaint(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), opened,
                    java.time.Duration.between(opened, asOf).toSeconds() / 3600.0));
        }, openedBy);
        return new ReportInput.CustomerService(true, response, resolution, overdue, total == null ? 0 : total);
    }
}
