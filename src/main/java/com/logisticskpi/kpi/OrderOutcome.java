package com.logisticskpi.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcome of one order (kpis.md section 1) as of a run's {@code as_of}: the row behind every delivery
 * figure, written to {@code orders-outcome.csv} and to the report's Exceptions sheet.
 *
 * @param state          DELIVERED, PENDING (undelivered, due after as_of) or OVERDUE (undelivered, due at or before as_of)
 * @param deliveredAt    null unless delivered
 * @param deliveryDate   local date of deliveredAt; null unless delivered
 * @param onTime         null unless delivered; OVERDUE orders count as late in on_time_rate
 * @param cycleHours     null unless delivered
 * @param dispatchHours  null when nothing was shipped
 * @param hoursLate      delivered: max(0, deliveredAt - dueTime) in hours; overdue: as_of - dueTime; else null
 */
public record OrderOutcome(
        String orderId,
        String customerId,
        Instant orderTime,
        Instant dueTime,
        LocalDate dueDate,
        State state,
        Instant deliveredAt,
        LocalDate deliveryDate,
        Boolean onTime,
        Boolean accurate,
        Boolean damaged,
        Boolean documentsOk,
        Boolean perfect,
        Boolean split,
        int lines,
        int accurateLines,
        Double cycleHours,
        Double dispatchHours,
        Double hoursLate,
        String warehouse,
        String carrier,
        String region,
        String channel,
        String segment) {

    public enum State { DELIVERED, PENDING, OVERDUE }

    public boolean delivered() {
        return state == State.DELIVERED;
    }

    /** True when the order belongs on the Exceptions sheet: late, overdue, inaccurate, damaged or documents failed. */
    public boolean isException() {
        if (state == State.OVERDUE) {
            return true;
        }
        if (state != State.DELIVERED) {
            return false;
        }
        return !Boolean.TRUE.equals(onTime) || !Boolean.TRUE.equals(accurate)
                || Boolean.TRUE.equals(damaged) || !Boolean.TRUE.equals(documentsOk);
    }
}
