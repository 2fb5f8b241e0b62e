package com.logisticskpi.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.ingest.plausibility.*}: bounds that stop implausible rows at the door (rejects, with file, line and
 * column), so that a typo such as {@code 0001-01-01} or {@code 1970-01-01} never reaches the engine.
 *
 * @param earliest    no timestamp before the start of this local date (business zone); default 2000-01-01
 * @param maxFuture   no timestamp later than the load's clock plus this; default 400 days
 * @param orderChecks reject a promise before its order time, a delivery before its ship time and a refund before its
 *                    return request; default true
 */
@ConfigurationProperties("kpi.ingest.plausibility")
public record PlausibilityProperties(LocalDate earliest, Duration maxFuture, Boolean orderChecks) {

    public PlausibilityProperties {
        earliest = earliest == null ? LocalDate.of(2000, 1, 1) : earliest;
        maxFuture = maxFuture == null ? Duration.ofDays(400) : maxFuture;
        orderChecks = orderChecks == null ? Boolean.TRUE : orderChecks;
        if (maxFuture.isNegative()) {
            throw new IllegalArgumentException("kpi.ingest.plausibility.max-future must not be negative, was " + maxFuture);
        }
    }

    public static PlausibilityProperties defaults() {
        return new PlausibilityProperties(null, null, null);
    }

    /** The field parser of one load: bounds from the business zone and the load's clock. */
    FieldParser fieldParser(ZoneId zone, Instant now) {
        return new FieldParser(zone, earliest.atStartOfDay(zone).toInstant(), now.plus(maxFuture), orderChecks);
    }
}
