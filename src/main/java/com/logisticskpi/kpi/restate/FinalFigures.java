package com.logisticskpi.kpi.restate;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.engine.TicketProperties;

/**
 * Which reported figures were final, so that a later change is a restatement and not the figure maturing as planned
 * (docs/kpi-engine.md, "As reported and restatements"):
 * <ul>
 * <li>the period had ended at the report's as-of (a day, week or month still under way grows every night);</li>
 * <li>for the two complaint-handling rates judged by a clock, also that clock had run out for the period's last
 * contact: {@code first_response_within_target_rate} counts a contact once answered or 4 h old,
 * {@code resolved_within_target_rate} a complaint once resolved or 72 h old ({@code kpi.tickets.*});</li>
 * <li>never the figures that state how things stand at as-of by definition: {@code pending_orders},
 * {@code on_time_required_rate}, {@code open_complaints}.</li>
 * </ul>
 */
public final class FinalFigures {

    /** Figures that describe the state at as-of: each run's value is "as of" by definition, never a restatement. */
    public static final Set<String> AS_OF_STATES = Set.of(Kpi.PENDING_ORDERS.id(), Kpi.ON_TIME_REQUIRED_RATE.id(),
            Kpi.OPEN_COMPLAINTS.id());

    private final TicketProperties tickets;

    public FinalFigures(TicketProperties tickets) {
        this.tickets = tickets == null ? TicketProperties.defaults() : tickets;
    }

    /** Whether the report {@code report} showed the figure {@code kpi} of {@code period} as a final one. */
    public boolean wasFinal(PeriodType type, String period, String kpi, ReportingRun report) {
        if (AS_OF_STATES.contains(kpi)) {
            return false;
        }
        Instant end = type.end(type.startOf(period)).atStartOfDay(report.zone()).toInstant();
        return !end.plus(judgingClock(kpi)).isAfter(report.asOf());
    }

    private Duration judgingClock(String kpi) {
        Kpi judged = Kpi.byId(kpi).orElse(null);
        if (judged == Kpi.FIRST_RESPONSE_WITHIN_TARGET_RATE) {
            return tickets.firstResponseTarget();
        }
        return judged == Kpi.RESOLVED_WITHIN_TARGET_RATE ? tickets.resolutionTarget() : Duration.ZERO;
    }
}
