package com.logisticskpi.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

/**
 * A deterministic pseudo-random fixture of {@code orders} orders placed 2026-12-24 .. 2027-01-02 (Asia/Shanghai),
 * mixing every case the engine must handle: multi-line orders, cancelled lines, date-only promises, split, lost,
 * short and over shipments, wrong SKUs, damaged packages, bad documents, unknown order lines, returns (whole order and
 * per line, some refunded) and survey responses with and without orders. Same seed, same rows.
 */
public final class GeneratedExports {

    private static final String[] CARRIERS = {"SF", "JD", "EMS"};
    private static final String[] REASONS = {"DAMAGED", "WRONG_ITEM", "MISSING_ITEM", "DEFECTIVE", "LATE", "CHANGED_MIND"};

    private GeneratedExports() {
    }

    public static void insert(ExportRows x, long seed, int orders) {
        Random r = new Random(seed);
        Instant base = x.at("2026-12-24 00:00");
        for (int i = 0; i < orders; i++) {
            String order = String.format("G%03d", i);
            String customer = "K" + r.nextInt(9);
            Instant ordered = base.plus(Duration.ofMinutes(r.nextInt(10 * 24 * 60)));
            int lines = 1 + r.nextInt(3);
            String warehouse = r.nextInt(10) == 0 ? null : "WH" + (1 + r.nextInt(2));
            String region = r.nextInt(8) == 0 ? null : (r.nextBoolean() ? "华东" : "华北");
            String channel = r.nextBoolean() ? "APP" : "WEB";
            String carrier = CARRIERS[r.nextInt(CARRIERS.length)];
            Instant lastDelivery = null;
            for (int line = 1; line <= lines; line++) {
                int qty = 1 + r.nextInt(3);
                String sku = "S" + r.nextInt(20);
                ExportRows.OrderLine ol = x.order(order, line).customer(customer).ordered(ordered).sku(sku).qty(qty)
                        .price(String.valueOf(5 * (1 + r.nextInt(40)))).warehouse(warehouse).region(region).channel(channel);
                if (r.nextInt(5) == 0) {
                    LocalDate d = LocalDate.ofInstant(ordered, x.zone()).plusDays(2 + r.nextInt(2));
                    ol.promisedDate(d.toString());
                } else {
                    ol.promised(ordered.plus(Duration.ofHours(24 + r.nextInt(72))));
                }
                boolean cancelled = line > 1 && r.nextInt(8) == 0;
                if (cancelled) {
                    ol.cancelled();
                }
                ol.insert();
                Instant shipped = ordered.plus(Duration.ofMinutes(60 + r.nextInt(30 * 60)));
                Instant delivered = shipped.plus(Duration.ofMinutes(6 * 60 + r.nextInt(70 * 60)));
                String pkg = "P" + order + (r.nextInt(3) == 0 ? "-" + line : "");
                int scenario = r.nextInt(20);
                if (scenario < 11) { // one package, sometimes flawed
                    ExportRows.Shipment s = x.shipment(pkg, order, line).sku(r.nextInt(15) == 0 ? sku + "X" : sku).qty(qty)
                            .warehouse("WH" + (1 + r.nextInt(2))).carrier(carrier).shipped(shipped).delivered(delivered);
                    if (r.nextInt(12) == 0) {
                        s.damaged();
                    }
                    if (r.nextInt(12) == 0) {
                        s.documentsBad();
                    }
                    s.insert();
                } else if (scenario < 14) { // split over two packages, the second later with another carrier
                    int first = qty == 1 ? 1 : 1 + r.nextInt(qty - 1);
                    x.shipment(pkg, order, line).sku(sku).qty(first).warehouse("WH1").carrier(carrier).shipped(shipped)
                            .delivered(delivered).insert();
                    if (qty > first) {
                        x.shipment(pkg + "b", order, line).sku(sku).qty(qty - first).warehouse("WH2")
                                .carrier(CARRIERS[r.nextInt(CARRIERS.length)]).shipped(shipped.plus(Duration.ofHours(5)))
                                .delivered(delivered.plus(Duration.ofHours(1 + r.nextInt(30)))).insert();
                    }
                } else if (scenario == 14) { // over-shipment
                    x.shipment(pkg, order, line).sku(sku).qty(qty + 1).carrier(carrier).shipped(shipped).delivered(delivered).insert();
                } else if (scenario == 15) { // short shipment
                    x.shipment(pkg, order, line).sku(sku).qty(qty - 1).carrier(carrier).shipped(shipped).delivered(delivered).insert();
                } else if (scenario == 16) { // lost, then replaced
                    x.shipment(pkg, order, line).sku(sku).qty(qty).carrier(carrier).shipped(shipped).lost().insert();
                    if (r.nextBoolean()) {
                        x.shipment(pkg + "r", order, line).sku(sku).qty(qty).carrier("EMS").shipped(shipped.plus(Duration.ofHours(20)))
                                .delivered(delivered.plus(Duration.ofHours(24))).insert();
                    }
                } else if (scenario == 17) { // in transit
                    x.shipment(pkg, order, line).sku(sku).qty(qty).carrier(carrier).shipped(shipped).insert();
                } // else nothing shipped
                if (lastDelivery == null || delivered.isAfter(lastDelivery)) {
                    lastDelivery = delivered;
                }
            }
            if (r.nextInt(15) == 0) { // a row for an order line that does not exist
                x.shipment("PZ" + order, order, 9).sku("ZZZ").qty(1).carrier("YTO").shipped(ordered).delivered(ordered.plus(Duration.ofHours(1)))
                        .damaged().insert();
            }
            if (r.nextInt(5) == 0) { // returns
                Instant req = lastDelivery.plus(Duration.ofHours(12 + r.nextInt(9 * 24)));
                ExportRows.Return ret = x.returnRow("R" + order, order, r.nextBoolean() ? 0 : 1 + r.nextInt(lines))
                        .reason(REASONS[r.nextInt(REASONS.length)]).requested(req);
                if (r.nextBoolean()) {
                    ret.refunded(req.plus(Duration.ofMinutes(60 + r.nextInt(72 * 60))));
                }
                ret.insert();
            }
            if (r.nextInt(5) < 2) { // survey responses
                ExportRows.Survey s = x.survey("V" + order).order(order).customer(customer)
                        .at(lastDelivery.plus(Duration.ofHours(2 + r.nextInt(40)))).overall(score(r)).recommend(r.nextInt(11));
                s.items(score(r), score(r), score(r), score(r), score(r), score(r)).insert();
            }
        }
        for (int i = 0; i < orders / 10; i++) { // responses without an order
            x.survey("VX" + i).customer(r.nextBoolean() ? "K" + r.nextInt(12) : null)
                    .at(base.plus(Duration.ofHours(24 + r.nextInt(9 * 24)))).overall(score(r))
                    .items(score(r), score(r), null, score(r), null, score(r)).insert();
        }
    }

    private static Integer score(Random r) {
        return r.nextInt(6) == 0 ? null : 1 + r.nextInt(5);
    }
}
