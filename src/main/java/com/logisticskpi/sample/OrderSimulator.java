package com.logisticskpi.sample;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one order at a time, from the order lines to shipments, a possible return and a possible survey, and
 * writes each row into the export file of the business date it happened on. Nothing is kept between orders.
 *
 * <p>Built-in differences so that the KPIs have something to show: carriers differ in transit time and damage
 * rate, warehouses in processing time, 西南 and cross-region shipments are slower, and in one "drift week" (the ISO
 * week containing the 15th business date, when the set has at least 21 days) GZ03 and ZTO are much slower.
 *
 * <p>Why one class of about 500 lines: an order's story (lines → shipments → return → survey) draws from one random
 * stream in a fixed order, and that order is what makes a generated set byte-for-byte reproducible from its seed
 * (the bundled sample data and the benchmark sets depend on it). Split into classes, a reordered call would silently
 * change every set; kept together, the draw order reads top to bottom.
 */
final class OrderSimulator {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    /** Share of a day's orders placed in each local hour (evening peak). */
    private static final double[] HOURLY = {1.5, 0.8, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4.5, 5.2, 5.5,
            5.5, 5.2, 5.0, 4.8, 4.8, 5.0, 5.5, 6.5, 8.0, 9.0, 7.5, 4.0};
    private static final double[] CUMULATIVE = cumulative(HOURLY);
    private static final double[] LINE_COUNT_WEIGHTS = {0.50, 0.25, 0.15, 0.10};

    private final Catalog catalog;
    private final TimeFormats time;
    private final ExportFiles files;
    private final QuirkCounts quirks;
    private final LocalDate driftStart;
    private final LocalDate driftEnd;
    private final TicketSimulator tickets;

    OrderSimulator(GeneratorSettings settings, Catalog catalog, ExportFiles files, QuirkCounts quirks) {
        this.tickets = new TicketSimulator(settings, files, quirks);
        this.catalog = catalog;
        this.time = new TimeFormats(settings.zone());
        this.files = files;
        this.quirks = quirks;
        if (settings.days() >= 21) {
            driftStart = settings.startDate().plusDays(14).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            driftEnd = driftStart.plusWeeks(1);
        } else {
            driftStart = null;
            driftEnd = null;
        }
    }

    LocalDate driftStart() {
        return driftStart;
    }

    private record Line(int no, String sku, String category, int quantity, String unitPrice, String warehouse,
                        boolean cancelled) {
    }

    /** One package's content: line, SKU actually packed, units packed. */
    private record Packed(Line line, String sku, int quantity) {
    }

    private static final class Outcome {
        boolean delivered;
        boolean late;
        boolean damaged;
        boolean wrongItem;
        boolean shortShipped;
        boolean lost;
        boolean documentsFailed;
        Instant lastDelivered;
        Line damagedLine;
        Line wrongLine;
        Line shortLine;
        final List<Line> deliveredLines = new ArrayList<>();
    }

    /** Generates the {@code seq}-th of {@code perDay} orders placed on {@code date}. */
    void order(LocalDate date, int seq, int perDay, SplittableRandom r) {
        String orderId = "O" + date.format(BASIC) + "-" + String.format("%06d", seq + 1);
        int customer = catalog.customer(r);
        String region = catalog.regionOf(customer);
        String channel = Catalog.channel(r);
        String warehouse = Catalog.warehouseFor(region, r);
        Instant orderTime = orderTime(date, seq, perDay, r);
        String orderTimeText = orderTimeText(orderTime, r);

        int promiseDays = (region.equals("西南") || region.equals("华中") || channel.equals("STORE")) ? 4 : 3;
        LocalDate promiseDate = date.plusDays(promiseDays);
        Instant promise;
        String promiseText;
        double p = r.nextDouble();
        if (p < 0.15) {
            promise = promiseDate.plusDays(1).atStartOfDay(time.zone()).toInstant().minusSeconds(1);
            promiseText = TimeFormats.date(promiseDate);
            quirks.add("promise_date_only");
        } else if (p < 0.80) {
            promise = time.at(promiseDate, 18, 0, 0);
            promiseText = time.local(promise);
        } else {
            promise = time.at(promiseDate, 21, 0, 0);
            promiseText = time.localT(promise);
        }

        List<Line> lines = lines(warehouse, r);
        String regionText = r.nextDouble() < 0.01 ? "" : region;
        for (Line line : lines) {
            boolean cancelledLater = line.cancelled() && r.nextBoolean();
            String status = line.cancelled() && !cancelledLater ? "CANCELLED" : (r.nextDouble() < 0.1 ? "" : "OK");
            if (status.isEmpty()) {
                quirks.add("order_status_blank");
            }
            String[] row = {orderId, Integer.toString(line.no()), Catalog.customerId(customer), orderTimeText,
                    promiseText, line.sku(), line.category(), Integer.toString(line.quantity()), line.unitPrice(),
                    line.warehouse(), regionText, channel, status};
            files.write(ExportFileFormat.ORDERS, date, row);
            if (line.cancelled()) {
                quirks.add("line_cancelled");
            }
            if (cancelledLater) {
                row[12] = "CANCELLED";
                if (files.write(ExportFileFormat.ORDERS, date.plusDays(1), row)) {
                    quirks.add("line_cancelled_reexported");
                }
            }
        }

        Outcome outcome = ship(orderId, date, orderTime, promise, warehouse, region, lines, r);
        if (outcome.delivered) {
            maybeReturn(orderId, outcome, r);
        }
        if (outcome.delivered || outcome.lost) {
            maybeSurvey(orderId, Catalog.customerId(customer), outcome, r);
        }
        // tickets draw from their own random stream: the other exports stay as they were
        tickets.afterOrder(new TicketSimulator.OrderFacts(orderId, Catalog.customerId(customer), orderTime, promise,
                outcome.delivered, outcome.late, outcome.damaged, outcome.wrongItem, outcome.shortShipped, outcome.lost,
                outcome.lastDelivered));
    }

    /** The day's tickets that concern no order. */
    void inquiriesWithoutOrder(LocalDate date, int perDay) {
        tickets.inquiriesWithoutOrder(date, perDay);
    }

    private List<Line> lines(String warehouse, SplittableRandom r) {
        int n = 1 + indexOf(LINE_COUNT_WEIGHTS, r.nextDouble());
        List<Line> lines = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Catalog.Category c = Catalog.category(r);
            int number = Catalog.skuNumber(r);
            double q = r.nextDouble();
            int quantity = q < 0.70 ? 1 : q < 0.90 ? 2 : 3 + r.nextInt(3);
            String wh = r.nextDouble() < 0.03 ? "" : warehouse;
            if (wh.isEmpty()) {
                quirks.add("order_warehouse_blank");
            }
            lines.add(new Line(i, Catalog.sku(c, number), c.name(), quantity, catalog.unitPrice(c, number), wh,
                    r.nextDouble() < 0.025));
        }
        return lines;
    }

    private Outcome ship(String orderId, LocalDate date, Instant orderTime, Instant promise, String warehouse,
                         String region, List<Line> lines, SplittableRandom r) {
        Outcome outcome = new Outcome();
        List<Packed> first = new ArrayList<>();
        List<Packed> second = new ArrayList<>();
        for (Line line : lines) {
            if (line.cancelled() && r.nextDouble() >= 0.15) {
                continue;                       // most cancelled lines are never picked
            }
            if (line.cancelled()) {
                quirks.add("cancelled_line_shipped");
            }
            String sku = line.sku();
            if (r.nextDouble() < 0.015) {
                sku = line.sku().substring(0, line.sku().length() - 1) + (char) ('0' + (line.sku().charAt(line.sku().length() - 1) - '0' + 1) % 10);
                quirks.add("wrong_sku");
                outcome.wrongItem |= !line.cancelled();
                outcome.wrongLine = line;
            }
            int quantity = line.quantity();
            if (r.nextDouble() < 0.01) {
                quantity--;
                quirks.add("short_shipment");
                outcome.shortShipped |= !line.cancelled();
                outcome.shortLine = line;
            }
            first.add(new Packed(line, sku, quantity));
        }
        if (first.isEmpty()) {
            return outcome;
        }
        if (r.nextDouble() < 0.06) {
            if (first.size() >= 2) {
                second.add(first.remove(first.size() - 1));
                quirks.add("split_shipment");
            } else if (first.get(0).quantity() >= 2) {
                Packed whole = first.remove(0);
                int part = whole.quantity() / 2;
                first.add(new Packed(whole.line(), whole.sku(), whole.quantity() - part));
                second.add(new Packed(whole.line(), whole.sku(), part));
                quirks.add("split_shipment");
            }
        }
        String wh = warehouse.isEmpty() ? Catalog.WAREHOUSES.get(0) : warehouse;
        String carrier = Catalog.carrier(r);
        Instant shipTime = orderTime.plus(processing(wh, r));
        String shipmentBase = "P" + orderId.substring(1);
        pack(shipmentBase + "-1", orderId, wh, region, carrier, shipTime, promise, first, outcome, r);
        if (!second.isEmpty()) {
            String carrier2 = r.nextBoolean() ? carrier : Catalog.carrier(r);
            Instant shipTime2 = shipTime.plus(Duration.ofMinutes(360 + r.nextInt(24 * 60)));
            pack(shipmentBase + "-2", orderId, wh, region, carrier2, shipTime2, promise, second, outcome, r);
        }
        return outcome;
    }

    private void pack(String shipmentId, String orderId, String warehouse, String region, String carrier,
                      Instant shipTime, Instant promise, List<Packed> content, Outcome outcome, SplittableRandom r) {
        Instant arrival = shipTime.plus(transit(carrier, warehouse, region, shipTime, r));
        double s = r.nextDouble();
        String status = s < 0.005 ? "LOST" : s < 0.013 ? "REFUSED" : "DELIVERED";
        double damageRate = carrier.equals("ZTO") || carrier.equals("YTO") ? 0.04 : 0.02;
        boolean damaged = status.equals("DELIVERED") && r.nextDouble() < damageRate;
        boolean documentsFailed = r.nextDouble() < 0.012;
        Instant finalTime = status.equals("LOST") ? shipTime.plus(Duration.ofDays(7)) : arrival;
        LocalDate shipDate = time.localDate(shipTime);
        LocalDate finalDate = time.localDate(finalTime);
        String shipText = r.nextDouble() < 0.05 ? time.localT(shipTime) : time.local(shipTime);
        String deliveredText = "";
        if (status.equals("DELIVERED")) {
            double f = r.nextDouble();
            deliveredText = f < 0.08 ? time.utc(arrival) : f < 0.13 ? time.localT(arrival) : time.local(arrival);
            if (f < 0.08) {
                quirks.add("delivered_time_utc_z");
            }
        }
        String damagedText = status.equals("DELIVERED") ? yesNo(damaged, r) : "";
        String documentsText = r.nextDouble() < 0.15 && !documentsFailed ? "" : yesNo(!documentsFailed, r);
        quirks.add("shipment_" + status.toLowerCase());
        if (damaged) {
            quirks.add("damaged_" + damagedText);
        }
        if (documentsFailed) {
            quirks.add("documents_failed");
        }
        boolean reexport = !finalDate.equals(shipDate) && (r.nextDouble() < 0.35 || status.equals("LOST"));
        for (Packed p : content) {
            String[] inTransit = {shipmentId, orderId, Integer.toString(p.line().no()), p.sku(),
                    Integer.toString(p.quantity()), warehouse, carrier, shipText, "", "IN_TRANSIT", "", documentsText};
            // a parcel still on the road at the end of the set shows up as IN_TRANSIT only
            boolean finalWritten = files.write(ExportFileFormat.SHIPMENTS, finalDate, shipmentId, orderId,
                    Integer.toString(p.line().no()), p.sku(), Integer.toString(p.quantity()), warehouse, carrier,
                    shipText, deliveredText, status, damagedText, documentsText);
            if ((reexport || !finalWritten) && !finalDate.equals(shipDate)) {
                if (files.write(ExportFileFormat.SHIPMENTS, shipDate, inTransit) && finalWritten) {
                    quirks.add("shipment_reexported");
                }
            }
        }
        boolean counted = content.stream().anyMatch(p -> !p.line().cancelled());
        if (!counted) {
            return;
        }
        if (status.equals("DELIVERED")) {
            outcome.delivered = true;
            outcome.late |= arrival.isAfter(promise);
            if (outcome.lastDelivered == null || arrival.isAfter(outcome.lastDelivered)) {
                outcome.lastDelivered = arrival;
            }
            for (Packed p : content) {
                outcome.deliveredLines.add(p.line());
            }
            if (damaged) {
                outcome.damaged = true;
                outcome.damagedLine = content.get(0).line();
            }
        } else if (status.equals("LOST")) {
            outcome.lost = true;
            outcome.lastDelivered = finalTime;
        }
        outcome.documentsFailed |= documentsFailed;
    }

    private void maybeReturn(String orderId, Outcome o, SplittableRandom r) {
        double p = 0.035 + (o.damaged ? 0.6 : 0) + (o.wrongItem ? 0.7 : 0) + (o.shortShipped ? 0.6 : 0) + (o.late ? 0.08 : 0);
        if (r.nextDouble() >= p) {
            return;
        }
        String reason;
        Line line;
        if (o.damaged && o.damagedLine != null) {
            reason = "DAMAGED";
            line = o.damagedLine;
        } else if (o.wrongItem && o.wrongLine != null) {
            reason = "WRONG_ITEM";
            line = o.wrongLine;
        } else if (o.shortShipped && o.shortLine != null) {
            reason = "MISSING_ITEM";
            line = o.shortLine;
        } else {
            double u = r.nextDouble();
            reason = o.late && u < 0.4 ? "LATE" : u < 0.55 ? "CHANGED_MIND" : u < 0.75 ? "DEFECTIVE" : u < 0.9 ? "NOT_AS_DESCRIBED" : "OTHER";
            line = o.deliveredLines.get(r.nextInt(o.deliveredLines.size()));
        }
        boolean wholeOrder = (reason.equals("CHANGED_MIND") || reason.equals("LATE") || reason.equals("OTHER"))
                && r.nextDouble() < 0.3;
        Instant requested = o.lastDelivered.plus(Duration.ofMinutes(360 + r.nextInt(8 * 24 * 60)));
        Instant received = r.nextDouble() < 0.85 ? requested.plus(Duration.ofMinutes(36 * 60 + r.nextInt(84 * 60))) : null;
        Instant refunded = received != null && r.nextDouble() < 0.9 ? received.plus(Duration.ofMinutes(300 + r.nextInt(67 * 60))) : null;
        String comment = r.nextDouble() < 0.5 ? Catalog.RETURN_COMMENTS.get(r.nextInt(Catalog.RETURN_COMMENTS.size())) : "";
        String returnId = "R" + orderId.substring(1);
        String lineNo = wholeOrder ? "" : Integer.toString(line.no());
        String sku = wholeOrder ? "" : line.sku();
        String quantity = wholeOrder ? "" : Integer.toString(line.quantity());
        String requestedText = time.local(requested);
        if (!files.write(ExportFileFormat.RETURNS, time.localDate(requested), returnId, orderId, lineNo, sku, quantity,
                requestedText, "", "", reason, comment)) {
            return;
        }
        quirks.add("return_" + reason);
        if (wholeOrder) {
            quirks.add("return_whole_order");
        }
        if (!comment.isEmpty()) {
            quirks.add("return_comment");
        }
        Instant last = refunded != null ? refunded : received;
        if (last != null && files.write(ExportFileFormat.RETURNS, time.localDate(last), returnId, orderId, lineNo, sku, quantity,
                requestedText, time.local(received), refunded == null ? "" : time.local(refunded), reason, comment)) {
            quirks.add(refunded != null ? "return_refunded_reexported" : "return_received_reexported");
        }
    }

    private void maybeSurvey(String orderId, String customerId, Outcome o, SplittableRandom r) {
        if (r.nextDouble() >= (o.lost ? 0.3 : 0.2)) {
            return;
        }
        Instant responded = o.lastDelivered.plus(Duration.ofMinutes(120 + r.nextInt(4 * 24 * 60)));
        // the customer's mood: 4.5 for a perfect order, lower for every failure they met
        double mood = 4.5 - (o.late ? 1.4 : 0) - (o.damaged ? 1.6 : 0) - (o.wrongItem ? 1.6 : 0)
                - (o.shortShipped ? 1.2 : 0) - (o.lost ? 2.5 : 0) - (o.documentsFailed ? 0.5 : 0);
        String overall = item(mood, 0, 0.01, r);
        String timeliness = item(mood, o.late || o.lost ? -1.0 : 0.2, 0.04, r);
        String accuracy = item(mood, o.wrongItem || o.shortShipped ? -1.0 : 0.2, 0.04, r);
        String condition = item(mood, o.damaged ? -1.2 : 0.2, 0.04, r);
        String service = item(mood, 0, 0.04, r);
        String afterSales = item(mood, -0.2, 0.6, r);              // most customers never needed after-sales
        String information = item(mood, o.documentsFailed ? -1.0 : 0, 0.04, r);
        String recommend = r.nextDouble() < 0.03 ? ""
                : Integer.toString((int) Math.max(0, Math.min(10, Math.round(2.3 * mood - 1.2 + r.nextGaussian() * 1.3))));
        String comment = r.nextDouble() < 0.25 ? Catalog.SURVEY_COMMENTS.get(r.nextInt(Catalog.SURVEY_COMMENTS.size())) : "";
        double who = r.nextDouble();
        String order = who < 0.02 ? "" : orderId;
        String customer = who >= 0.02 && who < 0.03 ? "" : customerId;
        String responseId = "V" + orderId.substring(1);
        String[] scores = {overall, timeliness, accuracy, condition, service, afterSales, information, recommend};
        if (files.write(ExportFileFormat.SURVEYS, time.localDate(responded), responseId, order, customer, time.local(responded),
                overall, timeliness, accuracy, condition, service, afterSales, information, recommend, comment)) {
            quirks.add("survey");
            for (String s : scores) {
                if (s.isEmpty()) {
                    quirks.add("survey_item_missing");
                    break;
                }
            }
            if (order.isEmpty()) {
                quirks.add("survey_without_order");
            }
            if (!comment.isEmpty()) {
                quirks.add("survey_comment");
            }
        }
    }

    /** An item score on the 1..5 scale around the mood, or empty with probability {@code missing}. */
    private static String item(double mood, double shift, double missing, SplittableRandom r) {
        if (r.nextDouble() < missing) {
            return "";
        }
        long v = Math.round(mood + shift + r.nextGaussian() * 0.7);
        return Long.toString(Math.max(1, Math.min(5, v)));
    }

    private Duration processing(String warehouse, SplittableRandom r) {
        int[] range = switch (warehouse) {
            case "SH01" -> new int[]{2, 18};
            case "BJ02" -> new int[]{3, 22};
            case "GZ03" -> new int[]{3, 26};
            default -> new int[]{6, 32};
        };
        return Duration.ofMinutes(range[0] * 60L + r.nextInt((range[1] - range[0]) * 60));
    }

    private Duration transit(String carrier, String warehouse, String region, Instant shipTime, SplittableRandom r) {
        int[] range = switch (carrier) {
            case "SF" -> new int[]{16, 40};
            case "JD" -> new int[]{14, 38};
            case "ZTO" -> new int[]{24, 52};
            case "YTO" -> new int[]{26, 56};
            default -> new int[]{30, 64};
        };
        long minutes = range[0] * 60L + r.nextInt((range[1] - range[0]) * 60);
        if (region.equals("西南")) {
            minutes += 18 * 60;
        } else if (region.equals("华中")) {
            minutes += 6 * 60;
        }
        if (r.nextDouble() < 0.05) {                               // weather, sorting-centre backlog ...
            minutes += (long) (-Math.log(1 - r.nextDouble()) * 30 * 60);
        }
        LocalDate shipDate = time.localDate(shipTime);
        if (driftStart != null && !shipDate.isBefore(driftStart) && shipDate.isBefore(driftEnd)) {
            if (warehouse.equals("GZ03")) {
                minutes += 30 * 60;
                quirks.add("drift_week_delay");
            }
            if (carrier.equals("ZTO")) {
                minutes += 14 * 60;
                quirks.add("drift_week_delay");
            }
        }
        return Duration.ofMinutes(minutes);
    }

    private Instant orderTime(LocalDate date, int seq, int perDay, SplittableRandom r) {
        // sequence order = time order: the seq-th quantile of the daily profile, jittered within its slot
        double q = (seq + r.nextDouble()) / perDay;
        int hour = 0;
        while (hour < 23 && CUMULATIVE[hour + 1] <= q) {
            hour++;
        }
        double within = (q - CUMULATIVE[hour]) / (CUMULATIVE[hour + 1] - CUMULATIVE[hour]);
        long second = hour * 3600L + (long) (within * 3600);
        Instant t = date.atStartOfDay(time.zone()).toInstant().plusSeconds(Math.min(second, 86_399));
        return t;
    }

    private String orderTimeText(Instant t, SplittableRandom r) {
        double f = r.nextDouble();
        if (f < 0.10) {
            quirks.add("order_time_T");
            return time.localT(t);
        }
        if (f < 0.17) {
            quirks.add("order_time_offset");
            return time.withOffset(t);
        }
        if (f < 0.20) {
            quirks.add("order_time_fraction");
            return time.localMillis(t);
        }
        return time.local(t);
    }

    private static final String[][] YES_NO = {{"Y", "N"}, {"是", "否"}, {"true", "false"}, {"1", "0"}, {"yes", "no"}, {"TRUE", "FALSE"}};
    private static final double[] YES_NO_WEIGHTS = {0.55, 0.15, 0.12, 0.10, 0.05, 0.03};

    private static String yesNo(boolean value, SplittableRandom r) {
        String[] pair = YES_NO[indexOf(YES_NO_WEIGHTS, r.nextDouble())];
        return value ? pair[0] : pair[1];
    }

    private static int indexOf(double[] weights, double u) {
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] c = new double[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            c[i + 1] = c[i] + weights[i] / total;
        }
        c[weights.length] = 1.0;
        return c;
    }
}
