package com.logisticskpi.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The customer-service tickets of the sample set (exports.md "tickets"), correlated with what happened to each
 * order: a late delivery leads to a LATE complaint, a damaged parcel to a DAMAGED claim, a lost one to a
 * MISSING_ITEM claim, a wrong or short shipment to a complaint; a few orders get a question (inquiry) or a service
 * complaint; every day some inquiries come without any order. Most tickets are answered within hours, claims take
 * longer to resolve than complaints, some are reopened and resolved again, and tickets not resolved by the end of the
 * set stay open. A ticket is written as a snapshot on the day it is opened and again on each later day its state
 * changes (answered, resolved, reopened and resolved).
 *
 * <p>Driven by its OWN random stream (seeded from the set's seed), never by the orders' stream: adding tickets
 * left every other file of a seed byte for byte as it was.
 */
final class TicketSimulator {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> CHANNELS = List.of("phone", "chat", "chat", "app", "e-mail", "电话", "在线客服");
    private static final List<String> COMMENTS = List.of("包裹还没到，什么时候送？", "box arrived crushed", "收到的颜色不对",
            "少了一件", "courier did not call before delivery", "想改收货地址", "退款什么时候到账？",
            "=HYPERLINK(\"http://example.invalid\",\"点击\") 催件", "物流信息一直不更新");

    /** What the order simulator tells about one order. */
    record OrderFacts(String orderId, String customerId, Instant orderTime, Instant promise, boolean delivered,
                      boolean late, boolean damaged, boolean wrongItem, boolean shortShipped, boolean lost,
                      Instant lastEvent) {
    }

    private final TimeFormats time;
    private final ExportFiles files;
    private final QuirkCounts quirks;
    private final SplittableRandom r;

    TicketSimulator(GeneratorSettings settings, ExportFiles files, QuirkCounts quirks) {
        this.time = new TimeFormats(settings.zone());
        this.files = files;
        this.quirks = quirks;
        this.r = new SplittableRandom(settings.seed() * 31L + 0x7105E7L);
    }

    /** Perhaps a ticket about this order. */
    void afterOrder(OrderFacts o) {
        String type;
        String category;
        Instant opened;
        if (o.lost() && r.nextDouble() < 0.5) {
            type = "CLAIM";
            category = "MISSING_ITEM";
            opened = o.lastEvent().plus(hours(2, 48));
        } else if (o.damaged() && r.nextDouble() < 0.3) {
            type = "CLAIM";
            category = "DAMAGED";
            opened = o.lastEvent().plus(hours(1, 36));
        } else if ((o.wrongItem() || o.shortShipped()) && o.lastEvent() != null && r.nextDouble() < 0.3) {
            type = "COMPLAINT";
            category = o.wrongItem() ? "WRONG_ITEM" : "MISSING_ITEM";
            opened = o.lastEvent().plus(hours(1, 36));
        } else if (o.late() && r.nextDouble() < 0.1) {
            type = "COMPLAINT";
            category = "LATE";
            opened = o.promise().plus(hours(1, 20));
        } else if (r.nextDouble() < 0.004) {
            type = "COMPLAINT";
            double u = r.nextDouble();
            category = u < 0.4 ? "SERVICE" : u < 0.7 ? "INFORMATION" : u < 0.9 ? "RETURN_REFUND" : "OTHER";
            opened = o.orderTime().plus(hours(6, 120));
        } else if (r.nextDouble() < 0.02) {
            type = "INQUIRY";
            category = r.nextBoolean() ? "INFORMATION" : "";
            opened = o.orderTime().plus(hours(1, 60));
        } else {
            return;
        }
        String customer = r.nextDouble() < 0.02 ? "" : o.customerId();
        write("T" + o.orderId().substring(1), o.orderId(), customer, opened, type, category);
    }

    /** The day's inquiries without an order (address changes, delivery areas, invoices). */
    void inquiriesWithoutOrder(LocalDate date, int ordersPerDay) {
        int n = (int) Math.round(ordersPerDay * 0.01 * (0.5 + r.nextDouble()));
        for (int i = 0; i < n; i++) {
            Instant opened = time.at(date, 8 + r.nextInt(14), r.nextInt(60), r.nextInt(60));
            String customer = r.nextDouble() < 0.5 ? "" : String.format("C%06d", 1 + r.nextInt(1200));
            write("TQ" + date.format(BASIC) + "-" + String.format("%03d", i + 1), "", customer, opened, "INQUIRY",
                    r.nextDouble() < 0.3 ? "INFORMATION" : "");
            quirks.add("ticket_without_order");
        }
    }

    private void write(String ticketId, String orderId, String customer, Instant opened, String type, String category) {
        boolean complaint = !type.equals("INQUIRY");
        String channel = CHANNELS.get(r.nextInt(CHANNELS.size()));
        // first answer: mostly within the 4 h promise, a tail of slow ones, a few never answered
        Instant response = null;
        double a = r.nextDouble();
        if (a < 0.93) {
            long minutes = a < 0.8 ? 5 + (long) (-Math.log(1 - r.nextDouble()) * 70) : 240 + r.nextInt(26 * 60);
            response = opened.plus(Duration.ofMinutes(minutes));
        }
        Instant resolved = null;
        Instant reopenedResolved = null;
        if (response != null && r.nextDouble() < (complaint ? 0.95 : 0.9)) {
            long minutes = type.equals("CLAIM") ? 8 * 60 + r.nextInt(100 * 60) : 30 + (long) (-Math.log(1 - r.nextDouble()) * 18 * 60);
            resolved = response.plus(Duration.ofMinutes(minutes));
            if (complaint && r.nextDouble() < 0.08) {
                reopenedResolved = resolved.plus(hours(4, 60));
            }
        }
        String comment = r.nextDouble() < 0.35 ? COMMENTS.get(r.nextInt(COMMENTS.size())) : "";
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(time.localDate(opened));
        for (Instant t : new Instant[] {response, resolved, reopenedResolved}) {
            if (t != null) {
                days.add(time.localDate(t));
            }
        }
        boolean written = false;
        for (LocalDate day : days) {
            Instant endOfDay = day.plusDays(1).atStartOfDay(time.zone()).toInstant();
            String responseText = response != null && response.isBefore(endOfDay) ? time.local(response) : "";
            String resolvedText = "";
            String reopenedText = "N";
            if (reopenedResolved != null && reopenedResolved.isBefore(endOfDay)) {
                resolvedText = time.local(reopenedResolved);
                reopenedText = r.nextBoolean() ? "Y" : "是";
            } else if (resolved != null && resolved.isBefore(endOfDay)) {
                resolvedText = time.local(resolved);
            }
            boolean ok = files.write(ExportFileFormat.TICKETS, day, ticketId, orderId, customer, time.local(opened), type,
                    category, channel, responseText, resolvedText, r.nextDouble() < 0.3 ? "" : reopenedText, comment);
            if (ok) {
                quirks.add(written ? "ticket_reexported" : "ticket_" + type.toLowerCase());
                written = true;
            }
        }
        if (reopenedResolved != null && written) {
            quirks.add("ticket_reopened");
        }
    }

    private Duration hours(int from, int to) {
        return Duration.ofMinutes(from * 60L + r.nextInt((to - from) * 60));
    }
}
