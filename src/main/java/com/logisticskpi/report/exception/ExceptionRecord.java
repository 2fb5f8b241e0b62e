package com.logisticskpi.report.exception;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.stream.Collectors;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.TextCells;
import com.logisticskpi.report.exception.ExceptionDiagnosis.Fact;
import com.logisticskpi.report.exception.ExceptionDiagnosis.Parcel;

/**
 * One row of the Exceptions sheet and of the exceptions CSV, as shown (labels in the report's language, customer id
 * masked, times in the business zone). The single definition of the columns: the sheet and the CSV both write
 * {@link #COLUMN_KEYS} in this order.
 */
public record ExceptionRecord(String orderId, String maskedCustomer, ExceptionCause cause, String causeText,
                              String ownerText, String stateCode, String state, LocalDateTime due, LocalDateTime delivered,
                              Double hoursLate, String warehouse, String carrier, String region, String channel,
                              String otherCauseCodes, String otherCauses, String failingLines, String parcels) {

    /** Message keys of the column headers, in column order. */
    public static final List<String> COLUMN_KEYS = List.of("col.order_id", "col.customer", "col.cause", "col.owner",
            "col.state", "col.due", "col.delivered", "col.hours_late", "col.warehouse", "col.carrier", "col.region",
            "col.channel", "col.other_causes", "col.failing_lines", "col.parcels");

    /** Column ids of the CSV header (the same columns as {@link #COLUMN_KEYS}, language-neutral). */
    public static final List<String> CSV_HEADER = COLUMN_KEYS.stream().map(k -> k.substring("col.".length()))
            .map(k -> k.equals("customer") ? "customer_masked" : k).toList();

    /** Longest failing-lines or parcels text kept (an order with hundreds of parcels is cut, with "…"). */
    static final int MAX_TEXT = 2000;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    public static ExceptionRecord of(OrderOutcome o, ExceptionDiagnosis d, Messages m, ZoneId zone) {
        ExceptionCause c = d.cause();
        return new ExceptionRecord(o.orderId(), TextCells.maskCustomerId(o.customerId()), c, m.get(c.messageKey()),
                m.get(c.owner().messageKey()), o.state().name(), m.get("state." + o.state().name().toLowerCase(Locale.ROOT)),
                local(o.dueTime(), zone), local(o.deliveredAt(), zone), o.hoursLate(), o.warehouse(), o.carrier(),
                o.region(), o.channel(), d.otherCauses().stream().map(Enum::name).collect(Collectors.joining(" ")),
                d.otherCauses().stream().map(x -> m.get(x.messageKey())).collect(Collectors.joining(", ")),
                cut(failingLines(d, m, zone)), cut(parcels(d, m, zone)));
    }

    static String failingLines(ExceptionDiagnosis d, Messages m, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        for (var l : d.lines()) {
            String facts = l.facts().stream().map(f -> fact(f, m, zone)).collect(Collectors.joining(", "));
            parts.add(m.get("fact.line", l.lineNo(), l.sku(), facts));
        }
        for (Fact f : d.orderFacts()) {
            parts.add(fact(f, m, zone));
        }
        return String.join("; ", parts);
    }

    static String parcels(ExceptionDiagnosis d, Messages m, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        for (Parcel p : d.parcels()) {
            StringBuilder b = new StringBuilder(p.shipmentId()).append(' ').append(String.join("/", p.statuses()));
            b.append(' ').append(time(p.shipTime(), zone));
            if (p.deliveredTime() != null) {
                b.append(" → ").append(time(p.deliveredTime(), zone));
            }
            b.append(" (");
            b.append(p.quantities().entrySet().stream().map(e -> m.get("fact.parcel_line", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
            if (p.damaged()) {
                b.append(", ").append(m.get("flag.damaged"));
            }
            if (!p.documentsOk()) {
                b.append(", ").append(m.get("fact.no_documents"));
            }
            parts.add(b.append(')').toString());
        }
        return String.join("; ", parts);
    }

    private static String fact(Fact f, Messages m, ZoneId zone) {
        Object[] args = f.args().stream().map(a -> a instanceof Instant i ? time(i, zone) : a).toArray();
        return m.get(f.key(), args);
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "–" : SHORT.format(t.atZone(zone));
    }

    private static LocalDateTime local(Instant t, ZoneId zone) {
        return t == null ? null : LocalDateTime.ofInstant(t, zone);
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    // ---- spooling (ExceptionSpool) ----------------------------------------------------------------------------

    void writeTo(DataOutputStream out) throws IOException {
        str(out, orderId);
        str(out, maskedCustomer);
        out.writeInt(cause.ordinal());
        for (String s : new String[]{causeText, ownerText, stateCode, state}) {
            str(out, s);
        }
        out.writeLong(due == null ? Long.MIN_VALUE : due.toEpochSecond(java.time.ZoneOffset.UTC));
        out.writeLong(delivered == null ? Long.MIN_VALUE : delivered.toEpochSecond(java.time.ZoneOffset.UTC));
        out.writeDouble(hoursLate == null ? Double.NaN : hoursLate);
        for (String s : new String[]{warehouse, carrier, region, channel, otherCauseCodes, otherCauses, failingLines, parcels}) {
            str(out, s);
        }
    }

    static ExceptionRecord readFrom(DataInputStream in) throws IOException {
        String orderId = str(in);
        String customer = str(in);
        ExceptionCause cause = ExceptionCause.values()[in.readInt()];
        String causeText = str(in);
        String ownerText = str(in);
        String stateCode = str(in);
        String state = str(in);
        long due = in.readLong();
        long del = in.readLong();
        double late = in.readDouble();
        return new ExceptionRecord(orderId, customer, cause, causeText, ownerText, stateCode, state, dt(due), dt(del),
                Double.isNaN(late) ? null : late, str(in), str(in), str(in), str(in), str(in), str(in), str(in), str(in));
    }

    private static LocalDateTime dt(long epochSecond) {
        return epochSecond == Long.MIN_VALUE ? null : LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String str(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

}
