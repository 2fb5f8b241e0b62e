package com.logisticskpi.report.exception;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the stored rows say about one exception order: its root cause (the first of {@link #causes()} in priority
 * order), the failing lines with what failed on each, and its parcels.
 *
 * @param causes     every cause found, in priority order; never empty ({@link ExceptionCause#UNDETERMINED} alone
 *                   when nothing was found)
 * @param lines      the failing lines, by line number
 * @param orderFacts facts of the whole order (returns that made it inaccurate or damaged)
 * @param parcels    the order's parcels (shipment ids of its OK lines), by shipment id
 */
public record ExceptionDiagnosis(List<ExceptionCause> causes, List<LineFinding> lines, List<Fact> orderFacts,
                                 List<Parcel> parcels) {

    public ExceptionDiagnosis {
        causes = List.copyOf(causes);
        lines = List.copyOf(lines);
        orderFacts = List.copyOf(orderFacts);
        parcels = List.copyOf(parcels);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("a diagnosis needs a cause");
        }
    }

    /** The root cause. */
    public ExceptionCause cause() {
        return causes.get(0);
    }

    /** The other causes found, in priority order. */
    public List<ExceptionCause> otherCauses() {
        return causes.subList(1, causes.size());
    }

    /** One finding, as a message key of the report bundle and its arguments (instants are shown in the business zone). */
    public record Fact(String key, List<Object> args) {
        public static Fact of(String key, Object... args) {
            return new Fact(key, java.util.Arrays.asList(args));
        }
    }

    /** A failing line: its number, ordered SKU and what failed. */
    public record LineFinding(int lineNo, String sku, List<Fact> facts) {
    }

    /**
     * One parcel (shipment id) of the order.
     *
     * @param statuses     the distinct statuses of its rows (usually one)
     * @param quantities   line number to quantity carried
     */
    public record Parcel(String shipmentId, List<String> statuses, Instant shipTime, Instant deliveredTime,
                         boolean damaged, boolean documentsOk, Map<Integer, Integer> quantities) {
    }
}
