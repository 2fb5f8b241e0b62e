package com.logisticskpi.report.exception;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.report.exception.ExceptionDiagnosis.Fact;
import com.logisticskpi.report.exception.ExceptionDiagnosis.LineFinding;
import com.logisticskpi.report.exception.ExceptionDiagnosis.Parcel;

/**
 * The causes of one exception order from its outcome and its stored rows (docs/report.md, "Exception causes"). Pure:
 * no database, no clock. Only the order's {@code OK} lines and the shipment rows of those lines count, as in the
 * engine. A cause is only looked for where the outcome failed: accuracy causes when the order is inaccurate, damage
 * causes when damaged, lateness causes when late, documents when the documents failed; for an overdue order, why
 * each unclosed line is still open.
 */
public final class ExceptionClassifier {

    /** Default of {@code kpi.report.dispatch-allowance-hours}. */
    public static final int DEFAULT_DISPATCH_ALLOWANCE_HOURS = 24;

    private final Duration dispatchAllowance;

    /**
     * @param dispatchAllowance a late line was dispatched late when the parcel that completed it (for a line still
     *                          open: its last parcel) left the warehouse later than this after the order
     */
    public ExceptionClassifier(Duration dispatchAllowance) {
        this.dispatchAllowance = dispatchAllowance;
    }

    public ExceptionDiagnosis diagnose(OrderOutcome o, OrderRows rows) {
        Map<Integer, OrderRows.Line> ok = new TreeMap<>();
        if (rows != null) {
            rows.lines().stream().filter(OrderRows.Line::ok).forEach(l -> ok.put(l.lineNo(), l));
        }
        if (ok.isEmpty()) {
            return new ExceptionDiagnosis(List.of(ExceptionCause.UNDETERMINED), List.of(), List.of(), List.of());
        }
        List<OrderRows.Shipment> ships = rows.shipments().stream().filter(s -> ok.containsKey(s.lineNo())).toList();
        Instant orderTime = ok.values().stream().map(OrderRows.Line::orderTime).min(Comparator.naturalOrder()).orElseThrow();
        Set<ExceptionCause> causes = EnumSet.noneOf(ExceptionCause.class);
        List<LineFinding> findings = new ArrayList<>();
        boolean delivered = o.delivered();
        boolean overdue = o.state() == OrderOutcome.State.OVERDUE;
        for (OrderRows.Line line : ok.values()) {
            List<Fact> facts = new ArrayList<>();
            List<OrderRows.Shipment> lineRows = ships.stream().filter(s -> s.lineNo() == line.lineNo()).toList();
            long received = 0;
            Instant close = null;
            Instant closingShip = null; // ship time of the parcel that completed the line
            for (OrderRows.Shipment s : lineRows.stream().filter(OrderRows.Shipment::delivered)
                    .sorted(Comparator.comparing(OrderRows.Shipment::deliveredTime)).toList()) {
                received += s.quantity();
                if (close == null && received >= line.quantity()) {
                    close = s.deliveredTime();
                    closingShip = s.shipTime();
                }
            }
            // the parcel the line waited for: the one that completed it, else the last one sent
            Instant awaited = closingShip != null ? closingShip
                    : lineRows.stream().map(OrderRows.Shipment::shipTime).max(Comparator.naturalOrder()).orElse(null);
            boolean leftLate = awaited != null && Duration.between(orderTime, awaited).compareTo(dispatchAllowance) > 0;
            if (delivered && !Boolean.TRUE.equals(o.accurate())) {
                for (OrderRows.Shipment s : lineRows) {
                    if (!s.sku().equals(line.sku())) {
                        causes.add(ExceptionCause.WRONG_SKU);
                        facts.add(Fact.of("fact.wrong_sku", s.sku(), s.shipmentId()));
                    }
                }
                if (received != line.quantity()) {
                    causes.add(ExceptionCause.SHORT_SHIPPED);
                    facts.add(Fact.of("fact.quantity", line.quantity(), received));
                }
            }
            if (overdue && close == null) {
                whyOpen(line, lineRows, received, causes, facts);
                if (awaited == null || leftLate) {
                    causes.add(ExceptionCause.LATE_DISPATCH);
                    facts.add(awaited == null ? Fact.of("fact.not_shipped") : shippedFact(orderTime, awaited));
                }
            }
            if (delivered && Boolean.FALSE.equals(o.onTime()) && close != null && close.isAfter(line.promisedTime())) {
                causes.add(leftLate ? ExceptionCause.LATE_DISPATCH : ExceptionCause.LATE_CARRIER_DELIVERY);
                facts.add(Fact.of("fact.closed_late", close, line.promisedTime(), hours(line.promisedTime(), close)));
                if (leftLate) {
                    facts.add(shippedFact(orderTime, awaited));
                }
            }
            if (delivered && Boolean.TRUE.equals(o.damaged())) {
                lineRows.stream().filter(OrderRows.Shipment::damaged).forEach(s -> {
                    causes.add(ExceptionCause.DAMAGED_IN_TRANSIT);
                    facts.add(Fact.of("fact.damaged", s.shipmentId()));
                });
            }
            if (delivered && Boolean.FALSE.equals(o.documentsOk())) {
                lineRows.stream().filter(s -> !s.documentsOk()).forEach(s -> {
                    causes.add(ExceptionCause.DOCUMENTS_MISSING);
                    facts.add(Fact.of("fact.documents", s.shipmentId()));
                });
            }
            if (!facts.isEmpty()) {
                findings.add(new LineFinding(line.lineNo(), line.sku(), facts));
            }
        }
        List<Fact> orderFacts = returnFacts(o, rows, ok, causes);
        if (causes.isEmpty()) {
            causes.add(ExceptionCause.UNDETERMINED);
        }
        return new ExceptionDiagnosis(new ArrayList<>(causes), findings, orderFacts, parcels(ships));
    }

    /** Why a line of an overdue order is still open: a lost, refused or travelling parcel, else too little delivered. */
    private static void whyOpen(OrderRows.Line line, List<OrderRows.Shipment> lineRows, long received,
                                Set<ExceptionCause> causes, List<Fact> facts) {
        if (lineRows.isEmpty()) {
            return; // not shipped: late dispatch (the caller)
        }
        boolean found = false;
        for (String status : List.of("LOST", "REFUSED", "IN_TRANSIT")) {
            for (OrderRows.Shipment s : lineRows) {
                if (status.equals(s.status())) {
                    causes.add(switch (status) {
                        case "LOST" -> ExceptionCause.LOST;
                        case "REFUSED" -> ExceptionCause.REFUSED;
                        default -> ExceptionCause.IN_TRANSIT_PAST_DUE;
                    });
                    facts.add(Fact.of("fact.parcel_status", s.shipmentId(), status));
                    found = true;
                }
            }
        }
        if (!found) { // every row delivered, yet less than ordered arrived
            causes.add(ExceptionCause.SHORT_SHIPPED);
            facts.add(Fact.of("fact.quantity", line.quantity(), received));
        }
    }

    /**
     * Returns behind an inaccurate or damaged order: WRONG_ITEM (wrong SKU) and MISSING_ITEM (short-shipped) when
     * inaccurate; DAMAGED when damaged and no parcel was marked damaged (then the return is what made it damaged).
     */
    private static List<Fact> returnFacts(OrderOutcome o, OrderRows rows, Map<Integer, OrderRows.Line> ok,
                                          Set<ExceptionCause> causes) {
        List<Fact> facts = new ArrayList<>();
        if (!o.delivered()) {
            return facts;
        }
        boolean damagedParcel = rows.shipments().stream().anyMatch(s -> ok.containsKey(s.lineNo()) && s.damaged());
        Set<String> seen = new LinkedHashSet<>();
        for (OrderRows.Return r : rows.returns()) {
            if ((r.lineNo() != 0 && !ok.containsKey(r.lineNo())) || !seen.add(r.returnId() + "/" + r.reasonCode())) {
                continue;
            }
            ExceptionCause c = switch (r.reasonCode()) {
                case "WRONG_ITEM" -> Boolean.TRUE.equals(o.accurate()) ? null : ExceptionCause.WRONG_SKU;
                case "MISSING_ITEM" -> Boolean.TRUE.equals(o.accurate()) ? null : ExceptionCause.SHORT_SHIPPED;
                case "DAMAGED" -> Boolean.TRUE.equals(o.damaged()) && !damagedParcel ? ExceptionCause.DAMAGED_PER_RETURN : null;
                default -> null;
            };
            if (c != null) {
                causes.add(c);
                facts.add(Fact.of("fact.return", r.returnId(), r.reasonCode(), r.requestedTime()));
            }
        }
        return facts;
    }

    private static Fact shippedFact(Instant orderTime, Instant firstShip) {
        return Fact.of("fact.shipped_after", firstShip, hours(orderTime, firstShip));
    }

    private static double hours(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0;
    }

    private static List<Parcel> parcels(List<OrderRows.Shipment> ships) {
        Map<String, List<OrderRows.Shipment>> byId = new TreeMap<>();
        ships.forEach(s -> byId.computeIfAbsent(s.shipmentId(), k -> new ArrayList<>()).add(s));
        List<Parcel> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            List<OrderRows.Shipment> rs = e.getValue();
            Map<Integer, Integer> qty = new TreeMap<>();
            rs.forEach(s -> qty.merge(s.lineNo(), s.quantity(), Integer::sum));
            out.add(new Parcel(e.getKey(), rs.stream().map(OrderRows.Shipment::status).distinct().toList(),
                    rs.stream().map(OrderRows.Shipment::shipTime).min(Comparator.naturalOrder()).orElse(null),
                    rs.stream().map(OrderRows.Shipment::deliveredTime).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null),
                    rs.stream().anyMatch(OrderRows.Shipment::damaged), rs.stream().allMatch(OrderRows.Shipment::documentsOk), qty));
        }
        return out;
    }
}
