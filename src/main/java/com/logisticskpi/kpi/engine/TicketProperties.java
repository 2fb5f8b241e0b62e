package com.logisticskpi.kpi.engine;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time targets of complaint handling ({@code kpi.tickets.*}, kpis.md section 10); "within" means at or below.
 *
 * @param firstResponseTarget first_response_within_target_rate counts answers no later than this after the opening
 *                            (default 4 h)
 * @param resolutionTarget    resolved_within_target_rate counts resolutions no later than this after the opening
 *                            (default 72 h)
 */
@ConfigurationProperties("kpi.tickets")
public record TicketProperties(Duration firstResponseTarget, Duration resolutionTarget) {

    public TicketProperties {
        firstResponseTarget = firstResponseTarget == null ? Duration.ofHours(4) : firstResponseTarget;
        resolutionTarget = resolutionTarget == null ? Duration.ofHours(72) : resolutionTarget;
        if (firstResponseTarget.isNegative() || resolutionTarget.isNegative()) {
            throw new IllegalArgumentException("kpi.tickets targets must not be negative");
        }
    }

    public static TicketProperties defaults() {
        return new TicketProperties(null, null);
    }

    long firstResponseTargetMicros() {
        return firstResponseTarget.toNanos() / 1000;
    }

    long resolutionTargetMicros() {
        return resolutionTarget.toNanos() / 1000;
    }
}
