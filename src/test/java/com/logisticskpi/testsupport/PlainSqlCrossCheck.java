package com.logisticskpi.testsupport;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

/**
 * An independent, deliberately plain re-computation of a few headline KPIs per day, ISO week and month (every period
 * that intersects [from, to], each over its full extent, as the engine computes them) and slice, straight from the
 * export tables with simple SQL (correlated sub-queries, no engine code) and a little Java: on_time_rate,
 * order_accuracy, damage_rate, perfect_order_rate, cycle_hours_p90 and csi. Loads whole tables: meant for test
 * fixtures and the sample data set, not for production volumes. Use {@link #compute} and compare with an engine
 * run's day values (same zone, as_of and damage window).
 */
public final class PlainSqlCrossCheck {

    public static final List<String> KPIS = List.of("on_time_rate", "order_accuracy", "damage_rate", "perfect_order_rate",
            "cycle_hours_p90", "csi");

    private static final String LINES = """
            SELECT ol.order_id, ol.line_no, ol.customer_id, ol.order_time, ol.promised_time, ol.quantity, ol.warehouse_id,
                   ol.region, ol.channel,
                   COALESCE((SELECT SUM(s.quantity) FROM shipment_line s WHERE s.order_id = ol.order_id
                             AND s.line_no = ol.line_no AND s.status = 'DELIVERED'), 0) AS received,
                   (SELECT COUNT(*) FROM shipment_line s WHERE s.order_id = ol.order_id AND s.line_no = ol.line_no
                             AND s.sku <> ol.sku) AS wrong_sku,
                   (SELECT COUNT(*) FROM shipment_line s WHERE s.order_id = ol.order_id AND s.line_no = ol.line_no
                             AND s.damaged = TRUE) AS damaged_rows,
                   (SELECT COUNT(*) FROM shipment_line s WHERE s.order_id = ol.order_id AND s.line_no = ol.line_no
                             AND s.documents_ok = FALSE) AS bad_docs,
                   (SELECT MIN(s1.delivered_time) FROM shipment_line s1 WHERE s1.order_id = ol.order_id
                             AND s1.line_no = ol.line_no AND s1.status = 'DELIVERED'
                             AND (SELECT SUM(s2.quantity) FROM shipment_line s2 WHERE s2.order_id = s1.order_id
                                  AND s2.line_no = s1.line_no AND s2.status = 'DELIVERED'
                                  AND s2.delivered_time <= s1.delivered_time) >= ol.quantity) AS close_time
              FROM order_line ol WHERE ol.status = 'OK' ORDER BY ol.order_id, ol.line_no
            """;

    private static final String RETURNS = """
            SELECT r.order_id, r.reason_code, r.requested_time FROM return_line r
             WHERE r.line_no = (SELECT MIN(r2.line_no) FROM return_line r2 WHERE r2.return_id = r.return_id
                     AND r2.order_id = r.order_id AND (r2.line_no = 0 OR EXISTS (SELECT 1 FROM order_line o
                     WHERE o.order_id = r2.order_id AND o.line_no = r2.line_no AND o.status = 'OK')))
               AND (r.line_no = 0 OR EXISTS (SELECT 1 FROM order_line o WHERE o.order_id = r.order_id
                     AND o.line_no = r.line_no AND o.status = 'OK'))
            """;

    private static final String OK_ROWS = " FROM shipment_line s JOIN order_line ol ON ol.order_id = s.order_id"
            + " AND ol.line_no = s.line_no AND ol.status = 'OK'";

    private PlainSqlCrossCheck() {
    }

    private static final class Order {
        String id;
        String customer;
        Instant orderTime;
        Instant due;
        Instant deliveredAt;
        boolean allClosed = true;
        boolean onTime = true;
        boolean accurate = true;
        boolean damaged;
        boolean docsOk = true;
        String warehouse;
        String region;
        String channel;
        String carrier;
        String segment = "C";
    }

    public static List<KpiValue> compute(DataSource ds, ZoneId zone, Instant asOf, LocalDate from, LocalDate to,
                                         Duration damageWindow, SurveyProperties survey) {
        return compute(new JdbcTemplate(ds), zone, asOf, from, to, damageWindow, survey);
    }

    public static List<KpiValue> compute(JdbcTemplate jdbc, ZoneId zone, Instant asOf, LocalDate from, LocalDate to,
                                         Duration damageWindow, SurveyProperties survey) {
        Map<String, Order> orders = new LinkedHashMap<>();
        jdbc.query(LINES, (ResultSet rs) -> {
            Order o = orders.computeIfAbsent(rs.getString("order_id"), k -> new Order());
            if (o.id == null) {
                o.id = rs.getString("order_id");
                o.customer = rs.getString("customer_id");
                o.warehouse = rs.getString("warehouse_id");
                o.region = none(rs.getString("region"));
                o.channel = none(rs.getString("channel"));
            }
            Instant ordered = instant(rs, "order_time");
            Instant promised = instant(rs, "promised_time");
            Instant close = instant(rs, "close_time");
            o.orderTime = o.orderTime == null || ordered.isBefore(o.orderTime) ? ordered : o.orderTime;
            o.due = o.due == null || promised.isAfter(o.due) ? promised : o.due;
            if (close == null) {
                o.allClosed = false;
            } else {
                o.deliveredAt = o.deliveredAt == null || close.isAfter(o.deliveredAt) ? close : o.deliveredAt;
                o.onTime &= !close.isAfter(promised);
            }
            o.accurate &= rs.getLong("wrong_sku") == 0 && rs.getLong("received") == rs.getLong("quantity");
            o.damaged |= rs.getLong("damaged_rows") > 0;
            o.docsOk &= rs.getLong("bad_docs") == 0;
        });
        jdbc.query(RETURNS, (ResultSet rs) -> {
            Order o = orders.get(rs.getString("order_id"));
            if (o == null) {
                return;
            }
            String reason = rs.getString("reason_code");
            if (reason.equals("WRONG_ITEM") || reason.equals("MISSING_ITEM")) {
                o.accurate = false;
            }
            if (reason.equals("DAMAGED") && o.allClosed && !instant(rs, "requested_time").isAfter(o.deliveredAt.plus(damageWindow))) {
                o.damaged = true;
            }
        });
        // carrier: latest delivered row (delivered orders) or latest shipped row, ties by the greater shipment_id
        Map<String, String> deliveredCarrier = new HashMap<>();
        jdbc.query("SELECT s.order_id, s.carrier" + OK_ROWS + " WHERE s.status = 'DELIVERED'"
                + " ORDER BY s.order_id, s.delivered_time DESC, s.shipment_id DESC, s.line_no DESC",
                (ResultSet rs) -> { deliveredCarrier.putIfAbsent(rs.getString(1), rs.getString(2)); });
        Map<String, String> shippedCarrier = new HashMap<>();
        Map<String, String> firstWarehouse = new HashMap<>();
        jdbc.query("SELECT s.order_id, s.carrier" + OK_ROWS + " ORDER BY s.order_id, s.ship_time DESC, s.shipment_id DESC, s.line_no DESC",
                (ResultSet rs) -> { shippedCarrier.putIfAbsent(rs.getString(1), rs.getString(2)); });
        jdbc.query("SELECT s.order_id, s.warehouse_id" + OK_ROWS + " ORDER BY s.order_id, s.ship_time, s.shipment_id, s.line_no",
                (ResultSet rs) -> {
                    if (!firstWarehouse.containsKey(rs.getString(1))) {
                        firstWarehouse.put(rs.getString(1), none(rs.getString(2)));
                    }
                });
        Map<String, String> segments = segments(jdbc, zone, asOf);
        for (Order o : orders.values()) {
            o.carrier = none(o.allClosed ? deliveredCarrier.get(o.id) : shippedCarrier.get(o.id));
            o.warehouse = o.warehouse != null && !o.warehouse.isBlank() ? o.warehouse : firstWarehouse.getOrDefault(o.id, KpiValue.NONE);
            o.segment = segments.getOrDefault(o.customer, "C");
        }

        // day cohorts
        Map<String, long[]> due = new TreeMap<>(); // key -> {on time, judged}
        Map<String, long[]> delivered = new TreeMap<>(); // key -> {n, accurate, damaged, perfect}
        Map<String, List<Double>> cycles = new TreeMap<>();
        for (Order o : orders.values()) {
            LocalDate dueDate = LocalDate.ofInstant(o.due, zone);
            boolean judged = o.allClosed || !o.due.isAfter(asOf);
            if (judged) {
                for (String k : keys(dueDate, o, from, to)) {
                    long[] c = due.computeIfAbsent(k, x -> new long[2]);
                    c[0] += o.allClosed && o.onTime ? 1 : 0;
                    c[1]++;
                }
            }
            if (o.allClosed) {
                LocalDate d = LocalDate.ofInstant(o.deliveredAt, zone);
                {
                    boolean perfect = o.onTime && o.accurate && !o.damaged && o.docsOk;
                    for (String k : keys(d, o, from, to)) {
                        long[] c = delivered.computeIfAbsent(k, x -> new long[4]);
                        c[0]++;
                        c[1] += o.accurate ? 1 : 0;
                        c[2] += o.damaged ? 1 : 0;
                        c[3] += perfect ? 1 : 0;
                        cycles.computeIfAbsent(k, x -> new ArrayList<>())
                                .add(Duration.between(o.orderTime, o.deliveredAt).toNanos() / 3.6e12);
                    }
                }
            }
        }
        List<KpiValue> out = new ArrayList<>();
        due.forEach((k, c) -> out.add(share(k, "on_time_rate", c[0], c[1])));
        delivered.forEach((k, c) -> {
            out.add(share(k, "order_accuracy", c[1], c[0]));
            out.add(share(k, "damage_rate", c[2], c[0]));
            out.add(share(k, "perfect_order_rate", c[3], c[0]));
        });
        cycles.forEach((k, list) -> {
            Collections.sort(list);
            double pos = 0.9 * (list.size() - 1);
            int i = (int) pos;
            double v = i + 1 < list.size() ? list.get(i) + (pos - i) * (list.get(i + 1) - list.get(i)) : list.get(i);
            out.add(number(k, "cycle_hours_p90", v));
        });
        out.addAll(csi(jdbc, zone, from, to, survey, orders, segments));
        return out;
    }

    private static List<KpiValue> csi(JdbcTemplate jdbc, ZoneId zone, LocalDate from, LocalDate to, SurveyProperties survey,
                                      Map<String, Order> orders, Map<String, String> segments) {
        Map<String, String> dimOfItem = new HashMap<>();
        survey.dimensions().forEach((d, def) -> def.items().forEach(i -> dimOfItem.put(i, d)));
        Map<String, Map<String, long[]>> sums = new TreeMap<>(); // key -> dim -> {count, sum}
        jdbc.query("SELECT r.response_id, r.order_id, r.customer_id, r.response_time, a.item, a.score FROM survey_response r"
                + " JOIN survey_answer a ON a.response_id = r.response_id", (ResultSet rs) -> {
            LocalDate d = LocalDate.ofInstant(instant(rs, "response_time"), zone);
            String dim = dimOfItem.get(rs.getString("item"));
            if (dim == null) {
                return;
            }
            Order o = rs.getString("order_id") == null ? null : orders.get(rs.getString("order_id"));
            List<String> keys;
            if (o != null) {
                keys = keys(d, o, from, to);
            } else {
                String c = rs.getString("customer_id");
                String segment = c == null ? KpiValue.NONE : segments.getOrDefault(c, "C");
                keys = new ArrayList<>();
                for (String p : periods(d, from, to)) {
                    keys.add(p + "|all|all");
                    keys.add(p + "|segment|" + segment);
                }
            }
            for (String k : keys) {
                long[] s = sums.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(dim, x -> new long[2]);
                s[0]++;
                s[1] += rs.getInt("score");
            }
        });
        List<KpiValue> out = new ArrayList<>();
        double min = survey.scaleMin();
        double range = survey.scaleMax() - min;
        sums.forEach((k, dims) -> {
            double num = 0;
            double den = 0;
            for (Map.Entry<String, long[]> e : dims.entrySet()) {
                double w = survey.dimensions().get(e.getKey()).weight();
                num += w * 100 * ((double) e.getValue()[1] / e.getValue()[0] - min) / range;
                den += w;
            }
            out.add(number(k, "csi", num / den));
        });
        return out;
    }

    /** ABC classes: revenue in the 90 local days ending on as_of's date, ranked in Java. */
    private static Map<String, String> segments(JdbcTemplate jdbc, ZoneId zone, Instant asOf) {
        LocalDate last = LocalDate.ofInstant(asOf, zone);
        Instant start = last.minusDays(89).atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Map.Entry<String, BigDecimal>> revenue = new ArrayList<>();
        jdbc.query("SELECT customer_id, SUM(quantity * unit_price) FROM order_line WHERE status = 'OK' AND order_time >= ?"
                        + " AND order_time < ? GROUP BY customer_id",
                (ResultSet rs) -> {
                    BigDecimal r = rs.getBigDecimal(2);
                    if (r != null && r.signum() > 0) {
                        revenue.add(Map.entry(rs.getString(1), r));
                    }
                }, LocalDateTime.ofInstant(start, ZoneOffset.UTC), LocalDateTime.ofInstant(end, ZoneOffset.UTC));
        revenue.sort((a, b) -> b.getValue().compareTo(a.getValue()) != 0 ? b.getValue().compareTo(a.getValue())
                : a.getKey().compareTo(b.getKey()));
        BigDecimal total = revenue.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, String> out = new HashMap<>();
        BigDecimal before = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : revenue) {
            boolean a = before.compareTo(total.multiply(new BigDecimal("0.8"))) < 0;
            boolean b = before.compareTo(total.multiply(new BigDecimal("0.95"))) < 0;
            out.put(e.getKey(), a ? "A" : b ? "B" : "C");
            before = before.add(e.getValue());
        }
        return out;
    }

    /** "type|period" of every period type whose period containing d intersects [from, to]. */
    private static List<String> periods(LocalDate d, LocalDate from, LocalDate to) {
        List<String> out = new ArrayList<>();
        for (PeriodType t : PeriodType.values()) {
            if (intersects(t, d, from, to)) {
                out.add(t.label() + "|" + t.periodOf(d));
            }
        }
        return out;
    }

    private static boolean intersects(PeriodType t, LocalDate d, LocalDate from, LocalDate to) {
        return t.end(d).isAfter(from) && !t.start(d).isAfter(to); // end is exclusive
    }

    /** The first date of a period label: 2026-11-11, 2026-W46 (ISO week-based year), 2026-11. */
    static LocalDate startOf(PeriodType t, String label) {
        return switch (t) {
            case DAY -> LocalDate.parse(label);
            case WEEK -> LocalDate.of(Integer.parseInt(label.substring(0, 4)), 1, 4)
                    .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(label.substring(6)))
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> java.time.YearMonth.parse(label).atDay(1);
        };
    }

    private static List<String> keys(LocalDate d, Order o, LocalDate from, LocalDate to) {
        List<String> out = new ArrayList<>();
        for (String p : periods(d, from, to)) {
            out.addAll(List.of(p + "|all|all", p + "|warehouse|" + o.warehouse, p + "|carrier|" + o.carrier,
                    p + "|region|" + o.region, p + "|channel|" + o.channel, p + "|segment|" + o.segment));
        }
        return out;
    }

    private static KpiValue share(String key, String kpi, long num, long den) {
        String[] k = key.split("\\|", 4);
        return new KpiValue(PeriodType.fromLabel(k[0]), k[1], k[2], k[3], kpi, (double) num, den, (double) num / den);
    }

    private static KpiValue number(String key, String kpi, double v) {
        String[] k = key.split("\\|", 4);
        return new KpiValue(PeriodType.fromLabel(k[0]), k[1], k[2], k[3], kpi, null, null, v);
    }

    private static boolean inRange(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    private static String none(String v) {
        return v == null || v.isBlank() ? KpiValue.NONE : v;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /**
     * Differences between the cross-check and an engine run's values (rows of the six KPIs of every day, week and
     * month intersecting [from, to]), as readable lines;
     * empty when they agree (same rows, equal numerators and denominators, values within 1e-9 relative).
     */
    public static List<String> differences(List<KpiValue> crossCheck, List<KpiValue> engine, LocalDate from, LocalDate to) {
        Map<String, KpiValue> a = new TreeMap<>();
        for (KpiValue v : crossCheck) {
            a.put(KpiCsv.key(v), v);
        }
        Map<String, KpiValue> b = new TreeMap<>();
        for (KpiValue v : engine) {
            if (KPIS.contains(v.kpi()) && intersects(v.periodType(), startOf(v.periodType(), v.period()), from, to)) {
                b.put(KpiCsv.key(v), v);
            }
        }
        List<String> diffs = new ArrayList<>();
        for (String k : a.keySet()) {
            KpiValue x = a.get(k);
            KpiValue y = b.get(k);
            if (y == null) {
                diffs.add("engine lacks " + k + " = " + x.value());
            } else if (!java.util.Objects.equals(x.numerator(), y.numerator()) || !java.util.Objects.equals(x.denominator(), y.denominator())
                    || Math.abs(x.value() - y.value()) > 1e-9 * Math.max(1, Math.abs(x.value()))) {
                diffs.add(k + ": cross-check " + x.numerator() + "/" + x.denominator() + " " + x.value() + ", engine "
                        + y.numerator() + "/" + y.denominator() + " " + y.value());
            }
        }
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                diffs.add("cross-check lacks " + k + " = " + b.get(k).value());
            }
        }
        return diffs;
    }
}
