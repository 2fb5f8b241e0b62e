package com.logisticskpi.kpi.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;

/**
 * Turns the stored rows of one order into its {@link OrderOutcome} (kpis.md sections 1 and 6). Pure: no database,
 * no clock; {@code asOf} and the zone come from the run.
 */
public final class OutcomeBuilder {

    public static final double MICROS_PER_HOUR = 3_600_000_000d;

    /** The outcome with its micro-second durations (exact) and the order's returns. */
    public record Built(OrderOutcome outcome, Long cycleMicros, Long dispatchMicros, Long lateMicros,
                        Boolean withinTarget, List<ReturnRecord> returns) {
    }

    private final ZoneId zone;
    private final Instant asOf;
    private final long damageWindowMicros;
    private final long cycleTargetMicros;

    public OutcomeBuilder(ZoneId zone, Instant asOf, long damageWindowMicros, long cycleTargetMicros) {
        this.zone = zone;
        this.asOf = asOf;
        this.damageWindowMicros = damageWindowMicros;
        this.cycleTargetMicros = cycleTargetMicros;
    }

    /** Null when the order has no OK line (cancelled or unknown: it takes part in nothing). */
    public Built build(OrderRows rows) {
        Map<Integer, OrderRows.Line> ok = new TreeMap<>();
        for (OrderRows.Line l : rows.lines()) {
            if (l.ok()) {
                ok.put(l.lineNo(), l);
            }
        }
        if (ok.isEmpty()) {
            return null;
        }
        OrderRows.Line first = ok.values().iterator().next();
        List<OrderRows.Shipment> ships = rows.shipments().stream().filter(s -> ok.containsKey(s.lineNo())).toList();

        Instant orderTime = null;
        Instant due = null;
        Instant deliveredAt = null;
        boolean allClosed = true;
        boolean onTime = true;
        int accurateLines = 0;
        for (OrderRows.Line line : ok.values()) {
            orderTime = min(orderTime, line.orderTime());
            due = max(due, line.promisedTime());
            List<OrderRows.Shipment> lineRows = ships.stream().filter(s -> s.lineNo() == line.lineNo()).toList();
            List<OrderRows.Shipment> delivered = lineRows.stream().filter(OrderRows.Shipment::delivered)
                    .sorted(Comparator.comparing(OrderRows.Shipment::deliveredTime)).toList();
            long received = 0;
            Instant close = null;
            for (OrderRows.Shipment s : delivered) {
                received += s.quantity();
                if (close == null && received >= line.quantity()) {
                    close = s.deliveredTime();
                }
            }
            boolean skuOk = lineRows.stream().allMatch(s -> s.sku().equals(line.sku()));
            if (skuOk && received == line.quantity()) {
                accurateLines++;
            }
            if (close == null) {
                allClosed = false;
            } else {
                deliveredAt = max(deliveredAt, close);
                if (close.isAfter(line.promisedTime())) {
                    onTime = false;
                }
            }
        }

        List<ReturnRecord> returns = returns(rows, ok.keySet());
        Instant firstShip = ships.stream().map(OrderRows.Shipment::shipTime).min(Comparator.naturalOrder()).orElse(null);
        Long dispatchMicros = firstShip == null ? null : ChronoUnit.MICROS.between(orderTime, firstShip);
        LocalDate dueDate = LocalDate.ofInstant(due, zone);

        OrderOutcome.State state;
        Boolean fOnTime = null, fAccurate = null, fDamaged = null, fDocs = null, fPerfect = null, fSplit = null;
        Long cycleMicros = null, lateMicros = null;
        Boolean within = null;
        LocalDate deliveryDate = null;
        if (allClosed) {
            state = OrderOutcome.State.DELIVERED;
            Instant at = deliveredAt;
            deliveryDate = LocalDate.ofInstant(at, zone);
            boolean wrongOrMissing = returns.stream()
                    .anyMatch(r -> "WRONG_ITEM".equals(r.reasonCode()) || "MISSING_ITEM".equals(r.reasonCode()));
            Instant damageLimit = at.plus(damageWindowMicros, ChronoUnit.MICROS);
            boolean damagedReturn = returns.stream()
                    .anyMatch(r -> "DAMAGED".equals(r.reasonCode()) && !r.requestedTime().isAfter(damageLimit));
            fOnTime = onTime;
            fAccurate = accurateLines == ok.size() && !wrongOrMissing;
            fDamaged = ships.stream().anyMatch(OrderRows.Shipment::damaged) || damagedReturn;
            fDocs = ships.stream().allMatch(OrderRows.Shipment::documentsOk);
            fPerfect = fOnTime && fAccurate && !fDamaged && fDocs;
            Set<String> ids = new HashSet<>();
            ships.forEach(s -> ids.add(s.shipmentId()));
            fSplit = ids.size() > 1;
            cycleMicros = ChronoUnit.MICROS.between(orderTime, at);
            within = cycleMicros <= cycleTargetMicros;
            lateMicros = Math.max(0, ChronoUnit.MICROS.between(due, at));
        } else if (!due.isAfter(asOf)) {
            state = OrderOutcome.State.OVERDUE;
            lateMicros = ChronoUnit.MICROS.between(due, asOf);
        } else {
            state = OrderOutcome.State.PENDING;
        }

        OrderOutcome outcome = new OrderOutcome(rows.orderId(), first.customerId(), orderTime, due, dueDate, state,
                allClosed ? deliveredAt : null, deliveryDate, fOnTime, fAccurate, fDamaged, fDocs, fPerfect, fSplit,
                ok.size(), accurateLines, hours(cycleMicros), hours(dispatchMicros), hours(lateMicros),
                warehouse(first, ships), carrier(allClosed, ships), orNone(first.region()), orNone(first.channel()),
                first.segment() == null ? "C" : first.segment());
        return new Built(outcome, cycleMicros, dispatchMicros, lateMicros, within, returns);
    }

    /** Returns of the order: rows of unknown or cancelled lines are ignored; each return_id takes its smallest line_no. */
    static List<ReturnRecord> returns(OrderRows rows, Set<Integer> okLines) {
        Map<String, OrderRows.Return> byId = new TreeMap<>();
        for (OrderRows.Return r : rows.returns()) {
            if (r.lineNo() != 0 && !okLines.contains(r.lineNo())) {
                continue;
            }
            byId.merge(r.returnId(), r, (a, b) -> b.lineNo() < a.lineNo() ? b : a);
        }
        List<ReturnRecord> out = new ArrayList<>();
        for (OrderRows.Return r : byId.values()) {
            out.add(new ReturnRecord(r.returnId(), rows.orderId(), r.reasonCode(), r.requestedTime(), r.refundedTime()));
        }
        return out;
    }

    private static String warehouse(OrderRows.Line first, List<OrderRows.Shipment> ships) {
        if (!isBlank(first.warehouseId())) {
            return first.warehouseId();
        }
        return ships.stream()
                .min(Comparator.comparing(OrderRows.Shipment::shipTime)
                        .thenComparing(OrderRows.Shipment::shipmentId)
                        .thenComparingInt(OrderRows.Shipment::lineNo))
                .map(s -> orNone(s.warehouseId())).orElse(KpiValue.NONE);
    }

    private static String carrier(boolean delivered, List<OrderRows.Shipment> ships) {
        if (delivered) {
            return ships.stream().filter(OrderRows.Shipment::delivered)
                    .max(Comparator.comparing(OrderRows.Shipment::deliveredTime)
                            .thenComparing(OrderRows.Shipment::shipmentId)
                            .thenComparingInt(OrderRows.Shipment::lineNo))
                    .map(s -> orNone(s.carrier())).orElse(KpiValue.NONE);
        }
        return ships.stream()
                .max(Comparator.comparing(OrderRows.Shipment::shipTime)
                        .thenComparing(OrderRows.Shipment::shipmentId)
                        .thenComparingInt(OrderRows.Shipment::lineNo))
                .map(s -> orNone(s.carrier())).orElse(KpiValue.NONE);
    }

    static String orNone(String v) {
        return isBlank(v) ? KpiValue.NONE : v;
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }

    static Double hours(Long micros) {
        return micros == null ? null : micros / MICROS_PER_HOUR;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
