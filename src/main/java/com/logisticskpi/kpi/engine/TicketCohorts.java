package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * Complaint-handling figures from the optional tickets export (kpis.md section 10). A ticket takes the slices of its
 * order from the run's order_outcome (like a survey response); a ticket without a known order counts in {@code all}
 * and, through its customer, in {@code segment}. Four streams over service_ticket, each driven by a time index:
 * <ol>
 * <li>the contact cohort (opened in the run's window): contacts judged and answered within target, complaints by
 * category, complaints judged and resolved within target, open complaints;</li>
 * <li>the resolved cohort (complaints resolved in the window): resolved and reopened complaints;</li>
 * <li>and 4. the same cohorts again in ascending order of the response / resolution duration (stored at ingest in
 * micro-seconds) for exact means and percentiles ({@link RankPicker}, {@link ExactMoments}), as for cycle hours.</li>
 * </ol>
 * Memory: a few numbers per (period, slice value), never the tickets. Before any tickets file was loaded nothing is
 * emitted, not even a complaint_rate of 0: the report then says the export is missing.
 */
final class TicketCohorts {

    static final String TICKETS_LOADED = """
            SELECT COUNT(*) FROM ingest_file WHERE kind = 'tickets' AND status = 'LOADED'""";

    private static final String SELECT = """
            SELECT t.opened_time, t.resolved_time, t.ticket_type, t.category, t.first_response_time, t.reopened,
                   t.first_response_us, t.resolution_us, t.customer_id,
                   o.order_id AS known_order, o.warehouse, o.carrier, o.region, o.channel, o.segment AS order_segment,
                   sg.segment AS customer_segment
              FROM service_ticket t
              LEFT JOIN order_outcome o ON o.run_id = ? AND o.order_id = t.order_id
              LEFT JOIN kpi_segment sg ON sg.run_id = ? AND sg.customer_id = t.customer_id
             WHERE \s""";
    static final String CONTACTS = SELECT + "t.opened_time >= ? AND t.opened_time < ?";
    static final String RESOLVED = SELECT
            + "t.resolved_time >= ? AND t.resolved_time < ? AND t.ticket_type IN ('COMPLAINT', 'CLAIM')";
    static final String RESPONSES_BY_DURATION = CONTACTS + " AND t.first_response_us IS NOT NULL ORDER BY t.first_response_us";
    static final String RESOLVED_BY_DURATION = RESOLVED + " ORDER BY t.resolution_us";

    /** Counts of one (period, slice value). */
    static final class Acc {
        long responseJudged;
        long responseWithin;
        long answered;
        long complaints;
        final Map<String, Long> categories = new TreeMap<>();
        long resolutionJudged;
        long resolutionWithin;
        long open;
        long resolved;
        long reopened;
    }

    private final ZoneId zone;
    private final Instant asOf;
    private final SliceFilter filter;
    private final ValueSink sink;
    private final long responseTarget;
    private final long resolutionTarget;
    private final Map<GroupKey, Acc> groups = new HashMap<>();

    TicketCohorts(TicketProperties targets, KpiRequest req, ValueSink sink) {
        this.zone = req.zone();
        this.asOf = req.asOf();
        this.filter = req.filter();
        this.sink = sink;
        this.responseTarget = targets.firstResponseTargetMicros();
        this.resolutionTarget = targets.resolutionTargetMicros();
    }

    /**
     * Computes every section 10 figure of the window [start, end) when a tickets file was ever loaded.
     *
     * @param delivered the delivered cohort's size per (period, slice value): complaint_rate's denominator
     */
    void compute(Connection stream, long runId, Instant start, Instant end, Map<GroupKey, Long> delivered)
            throws SQLException {
        if (!ticketsLoaded(stream)) {
            return;
        }
        stream(stream, CONTACTS, runId, start, end, (t, k) -> addContact(t, groups.computeIfAbsent(k, x -> new Acc())),
                Ticket::opened);
        stream(stream, RESOLVED, runId, start, end, (t, k) -> {
            Acc a = groups.computeIfAbsent(k, x -> new Acc());
            a.resolved++;
            a.reopened += t.reopened() ? 1 : 0;
        }, Ticket::resolved);
        emitCounts(delivered);
        distribution(stream, RESPONSES_BY_DURATION, runId, start, end, HoursDistribution.FIRST_RESPONSE, Ticket::opened,
                Ticket::responseUs, a -> a.answered);
        distribution(stream, RESOLVED_BY_DURATION, runId, start, end, HoursDistribution.RESOLUTION, Ticket::resolved,
                Ticket::resolutionUs, a -> a.resolved);
    }

    static boolean ticketsLoaded(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TICKETS_LOADED); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /** One ticket as read, with the slice values it counts in (besides {@code all}). */
    record Ticket(Instant opened, Instant resolved, boolean complaint, String category, boolean answered,
                  boolean reopened, Long responseUs, Long resolutionUs, Map<Slice, String> slices) {
    }

    private void addContact(Ticket t, Acc a) {
        if (t.responseUs() != null || !t.opened().plusNanos(responseTarget * 1000).isAfter(asOf)) {
            a.responseJudged++;
            a.responseWithin += t.responseUs() != null && t.responseUs() <= responseTarget ? 1 : 0;
        }
        a.answered += t.responseUs() != null ? 1 : 0;
        if (!t.complaint()) {
            return;
        }
        a.complaints++;
        if (t.category() != null) { // always set: the ingest rejects a complaint without one
            a.categories.merge(t.category(), 1L, Long::sum);
        }
        if (t.resolutionUs() != null || !t.opened().plusNanos(resolutionTarget * 1000).isAfter(asOf)) {
            a.resolutionJudged++;
            a.resolutionWithin += t.resolutionUs() != null && t.resolutionUs() <= resolutionTarget ? 1 : 0;
        }
        a.open += t.resolved() == null ? 1 : 0;
    }

    private void emitCounts(Map<GroupKey, Long> delivered) {
        delivered.forEach((k, n) -> {
            Acc a = groups.get(k);
            sink.share(k, Kpi.COMPLAINT_RATE, a == null ? 0 : a.complaints, n);
        });
        groups.forEach((k, a) -> {
            a.categories.forEach((category, n) -> sink.share(k, Kpi.COMPLAINT_SHARE.with(category), n, a.complaints));
            sink.share(k, Kpi.FIRST_RESPONSE_WITHIN_TARGET_RATE, a.responseWithin, a.responseJudged);
            sink.share(k, Kpi.RESOLVED_WITHIN_TARGET_RATE, a.resolutionWithin, a.resolutionJudged);
            if (a.open > 0) {
                sink.number(k, Kpi.OPEN_COMPLAINTS, a.open);
            }
            sink.share(k, Kpi.REOPEN_RATE, a.reopened, a.resolved);
        });
    }

    private interface GroupVisitor {
        void visit(Ticket t, GroupKey k);
    }

    /** Streams one query and hands each ticket to every wanted (period of its date, all and each slice value). */
    private void stream(Connection c, String sql, long runId, Instant start, Instant end, GroupVisitor visitor,
                        java.util.function.Function<Ticket, Instant> dateOf) throws SQLException {
        try (PreparedStatement ps = Jdbc.streaming(c, sql)) {
            ps.setLong(1, runId);
            ps.setLong(2, runId);
            Jdbc.setInstant(ps, 3, start);
            Jdbc.setInstant(ps, 4, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Ticket t = read(rs);
                    if (filter != null && !filter.accepts(t.slices().get(filter.slice()))) {
                        continue;
                    }
                    LocalDate date = LocalDate.ofInstant(dateOf.apply(t), zone);
                    for (PeriodType type : PeriodType.values()) {
                        String period = type.periodOf(date);
                        if (!sink.wantsOrPrevious(type, period)) { // complaint_rate and resolved_within_target_rate
                            continue;                               // are driver KPIs: the previous periods count too
                        }
                        visitor.visit(t, new GroupKey(type, period, Slice.ALL, Slice.ALL.label()));
                        for (Map.Entry<Slice, String> s : t.slices().entrySet()) {
                            visitor.visit(t, new GroupKey(type, period, s.getKey(), s.getValue()));
                        }
                    }
                }
            }
        }
    }

    private static Ticket read(ResultSet rs) throws SQLException {
        String type = rs.getString("ticket_type");
        Long responseUs = rs.getLong("first_response_us");
        responseUs = rs.wasNull() ? null : responseUs;
        Long resolutionUs = rs.getLong("resolution_us");
        resolutionUs = rs.wasNull() ? null : resolutionUs;
        Map<Slice, String> slices = new LinkedHashMap<>();
        if (rs.getString("known_order") != null) { // a known order: its slices
            slices.put(Slice.WAREHOUSE, rs.getString("warehouse"));
            slices.put(Slice.CARRIER, rs.getString("carrier"));
            slices.put(Slice.REGION, rs.getString("region"));
            slices.put(Slice.CHANNEL, rs.getString("channel"));
            slices.put(Slice.SEGMENT, rs.getString("order_segment"));
        } else { // no order, or an unknown or cancelled one: segment through the customer
            String customer = rs.getString("customer_id");
            String segment = rs.getString("customer_segment");
            slices.put(Slice.SEGMENT, customer == null ? KpiValue.NONE : segment == null ? "C" : segment);
        }
        return new Ticket(Jdbc.getInstant(rs, "opened_time"), Jdbc.getInstant(rs, "resolved_time"),
                !"INQUIRY".equals(type), rs.getString("category"), Jdbc.getInstant(rs, "first_response_time") != null,
                rs.getBoolean("reopened"), responseUs, resolutionUs, slices);
    }

    /** Mean and p90 (hours) of a duration for every group, from one stream in ascending duration order. */
    private void distribution(Connection c, String sql, long runId, Instant start, Instant end, HoursDistribution figures,
                              java.util.function.Function<Ticket, Instant> dateOf,
                              java.util.function.Function<Ticket, Long> duration,
                              java.util.function.ToLongFunction<Acc> size) throws SQLException {
        Map<GroupKey, RankPicker> pickers = new HashMap<>();
        Map<GroupKey, ExactMoments> moments = new HashMap<>();
        stream(c, sql, runId, start, end, (t, k) -> {
            long x = duration.apply(t);
            pickers.computeIfAbsent(k, g -> figures.picker(size.applyAsLong(groups.get(g)))).offer(x);
            moments.computeIfAbsent(k, g -> new ExactMoments()).add(x);
        }, dateOf);
        pickers.forEach((k, p) -> figures.emit(sink, k, p, moments.get(k)));
    }
}
