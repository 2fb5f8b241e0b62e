package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * Satisfaction figures (kpis.md section 5). Responses of the run's window stream once, sorted by response_id, with
 * their answers and their order's slices (LEFT JOIN order_outcome of the run); each response is added to the
 * running sums of every (period, slice value) it belongs to. Memory grows with the number of groups, not responses;
 * the sums of integer scores are exact.
 */
final class SurveyCohorts {

    private static final String SQL = """
            SELECT r.response_id, r.customer_id, r.response_time, r.q_overall, r.q_recommend,
                   o.order_id AS known_order, o.warehouse, o.carrier, o.region, o.channel, o.segment AS order_segment,
                   sg.segment AS customer_segment, a.item, a.score
              FROM survey_response r
              LEFT JOIN order_outcome o ON o.run_id = ? AND o.order_id = r.order_id
              LEFT JOIN kpi_segment sg ON sg.run_id = ? AND sg.customer_id = r.customer_id
              LEFT JOIN survey_answer a ON a.response_id = r.response_id
             WHERE r.response_time >= ? AND r.response_time < ?
             ORDER BY r.response_id
            """;

    /** Running sums of one group. */
    static final class Acc {
        long responses;
        long overallN;
        long topTwo;
        long recommendN;
        long promoters;
        long detractors;
        final Map<String, long[]> dims = new LinkedHashMap<>(); // dimension -> {answers, sum of scores}
        final Map<String, double[]> pairs = new HashMap<>(); // dimension -> {n, Σx, Σy, Σxy, Σx², Σy²}
    }

    /** One response as read. */
    record Response(String id, String customerId, Instant time, Integer overall, Integer recommend, boolean knownOrder,
                    Map<Slice, String> slices, String customerSegment, Map<String, List<Integer>> itemScores) {
    }

    private final SurveyProperties survey;
    private final Map<String, String> dimensionOfItem = new HashMap<>();
    private final ZoneId zone;
    private final SliceFilter filter;
    private final ValueSink sink;
    private final Map<GroupKey, Acc> groups = new HashMap<>();

    SurveyCohorts(SurveyProperties survey, ZoneId zone, SliceFilter filter, ValueSink sink) {
        this.survey = survey;
        this.zone = zone;
        this.filter = filter;
        this.sink = sink;
        survey.dimensions().forEach((d, def) -> def.items().forEach(i -> dimensionOfItem.putIfAbsent(i, d)));
    }

    void compute(Connection stream, long runId, Instant start, Instant end) throws SQLException {
        try (PreparedStatement ps = Jdbc.streaming(stream, SQL)) {
            ps.setLong(1, runId);
            ps.setLong(2, runId);
            Jdbc.setInstant(ps, 3, start);
            Jdbc.setInstant(ps, 4, end);
            try (ResultSet rs = ps.executeQuery()) {
                Response current = null;
                while (rs.next()) {
                    String id = rs.getString("response_id");
                    if (current == null || !current.id().equals(id)) {
                        if (current != null) {
                            add(current);
                        }
                        current = read(rs, id);
                    }
                    String item = rs.getString("item");
                    if (item != null) {
                        int score = rs.getInt("score");
                        String dim = dimensionOfItem.get(item);
                        if (dim != null) {
                            current.itemScores().computeIfAbsent(dim, x -> new ArrayList<>()).add(score);
                        }
                    }
                }
                if (current != null) {
                    add(current);
                }
            }
        }
        emit();
    }

    private Response read(ResultSet rs, String id) throws SQLException {
        Integer overall = nullableInt(rs, "q_overall");
        Integer recommend = nullableInt(rs, "q_recommend");
        boolean known = rs.getString("known_order") != null;
        String customer = rs.getString("customer_id");
        String customerSegment = rs.getString("customer_segment");
        Map<Slice, String> slices = new LinkedHashMap<>();
        if (known) {
            slices.put(Slice.WAREHOUSE, rs.getString("warehouse"));
            slices.put(Slice.CARRIER, rs.getString("carrier"));
            slices.put(Slice.REGION, rs.getString("region"));
            slices.put(Slice.CHANNEL, rs.getString("channel"));
            slices.put(Slice.SEGMENT, rs.getString("order_segment"));
        } else {
            slices.put(Slice.SEGMENT, customer == null ? KpiValue.NONE : customerSegment == null ? "C" : customerSegment);
        }
        return new Response(id, customer, Jdbc.getInstant(rs, "response_time"), overall, recommend, known, slices,
                customerSegment, new LinkedHashMap<>());
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Adds a response to every group it belongs to (its period of each type × all and its slices). */
    void add(Response r) {
        if (filter != null && !filter.accepts(r.slices().get(filter.slice()))) {
            return;
        }
        LocalDate date = LocalDate.ofInstant(r.time(), zone);
        for (PeriodType t : PeriodType.values()) {
            String period = t.periodOf(date);
            if (!sink.wants(t, period)) {
                continue;
            }
            addTo(new GroupKey(t, period, Slice.ALL, Slice.ALL.label()), r);
            for (Map.Entry<Slice, String> s : r.slices().entrySet()) {
                addTo(new GroupKey(t, period, s.getKey(), s.getValue()), r);
            }
        }
    }

    private void addTo(GroupKey k, Response r) {
        Acc a = groups.computeIfAbsent(k, x -> new Acc());
        a.responses++;
        int max = survey.scaleMax();
        if (r.overall() != null) {
            a.overallN++;
            if (r.overall() >= max - 1) {
                a.topTwo++;
            }
        }
        if (r.recommend() != null) {
            a.recommendN++;
            if (r.recommend() >= 9) {
                a.promoters++;
            } else if (r.recommend() <= 6) {
                a.detractors++;
            }
        }
        for (Map.Entry<String, List<Integer>> e : r.itemScores().entrySet()) {
            long[] d = a.dims.computeIfAbsent(e.getKey(), x -> new long[2]);
            long sum = 0;
            for (int score : e.getValue()) {
                d[0]++;
                d[1] += score;
                sum += score;
            }
            if (r.overall() != null && !e.getValue().isEmpty()) {
                double x = (double) sum / e.getValue().size();
                double y = r.overall();
                double[] p = a.pairs.computeIfAbsent(e.getKey(), z -> new double[6]);
                p[0]++;
                p[1] += x;
                p[2] += y;
                p[3] += x * y;
                p[4] += x * x;
                p[5] += y * y;
            }
        }
    }

    private void emit() {
        double min = survey.scaleMin();
        double range = survey.scaleMax() - min;
        for (Map.Entry<GroupKey, Acc> e : groups.entrySet()) {
            GroupKey k = e.getKey();
            Acc a = e.getValue();
            sink.number(k, Kpi.SURVEY_RESPONSES, a.responses);
            if (a.overallN > 0) {
                sink.share(k, Kpi.CSAT, a.topTwo, a.overallN);
            }
            if (a.recommendN > 0) {
                sink.number(k, Kpi.NPS, 100.0 * (a.promoters - a.detractors) / a.recommendN);
            }
            double weighted = 0;
            double weights = 0;
            for (Map.Entry<String, SurveyProperties.Dimension> d : survey.dimensions().entrySet()) {
                long[] s = a.dims.get(d.getKey());
                if (s == null || s[0] == 0) {
                    continue;
                }
                double score = 100.0 * ((double) s[1] / s[0] - min) / range;
                sink.number(k, Kpi.DIM_SCORE.with(d.getKey()), score);
                weighted += d.getValue().weight() * score;
                weights += d.getValue().weight();
                double[] p = a.pairs.get(d.getKey());
                if (p != null) {
                    double r = pearson(p);
                    if (!Double.isNaN(r)) {
                        sink.number(k, Kpi.IMPORTANCE.with(d.getKey()), r);
                    }
                }
            }
            if (weights > 0) {
                sink.number(k, Kpi.CSI, weighted / weights);
            }
        }
    }

    /** Pearson r from {n, Σx, Σy, Σxy, Σx², Σy²}; NaN with fewer than 30 pairs or when x or y does not vary. */
    static double pearson(double[] p) {
        double n = p[0];
        if (n < 30) {
            return Double.NaN;
        }
        double sxx = n * p[4] - p[1] * p[1];
        double syy = n * p[5] - p[2] * p[2];
        double sxy = n * p[3] - p[1] * p[2];
        if (sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
