package com.logisticskpi.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The heading of a Summary block and of the mail: "Week 2026-W47 as of 11-23 06:00 – compared with 2026-W46". The
 * figures count every stored event up to the run, so a period is labelled "as of" the run's time, never "to date".
 */
public final class ComparisonLabel {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private ComparisonLabel() {
    }

    /** {@code as_of} in the business zone, {@code MM-dd HH:mm}. */
    public static String asOfShort(Instant asOf, ZoneId zone) {
        return asOf.atZone(zone).format(SHORT);
    }

    /** "Week 2026-W47 as of 11-23 06:00". */
    public static String period(Messages m, ReportKind.Comparison block, Instant asOf, ZoneId zone) {
        return m.get("period." + block.type().label(), block.period(), asOfShort(asOf, zone));
    }

    /** The period with what it is compared with. */
    public static String of(Messages m, ReportKind.Comparison block, Instant asOf, ZoneId zone) {
        return m.get(block.yearAgo() ? "summary.compared_year_ago" : "summary.compared", period(m, block, asOf, zone),
                block.against());
    }
}
