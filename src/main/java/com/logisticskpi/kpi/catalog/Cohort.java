package com.logisticskpi.kpi.catalog;

/**
 * The records a KPI is computed over (kpis.md sections 2 and 10), and the export they come from. A KPI whose
 * cohort comes from the optional tickets export exists only once a tickets file was loaded.
 */
public enum Cohort {
    /** Orders due in the period and judged (delivered, or due before as_of); pending ones apart. */
    DUE(Source.ORDERS),
    /** Delivered orders whose delivery date is in the period. */
    DELIVERED(Source.ORDERS),
    /** Returns requested in the period. */
    RETURN(Source.ORDERS),
    /** Returns refunded in the period. */
    REFUNDED(Source.ORDERS),
    /** Survey responses received in the period. */
    SURVEY(Source.SURVEYS),
    /** Tickets opened in the period. */
    CONTACT(Source.TICKETS),
    /** Complaints (complaint and claim tickets) opened in the period. */
    COMPLAINT(Source.TICKETS),
    /** Complaints resolved in the period. */
    RESOLVED(Source.TICKETS);

    /** The export family a cohort is read from. */
    public enum Source { ORDERS, SURVEYS, TICKETS }

    private final Source source;

    Cohort(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }
}
