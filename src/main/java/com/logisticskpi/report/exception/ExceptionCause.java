package com.logisticskpi.report.exception;

import java.util.Locale;

/**
 * Why an exception order is an exception, and who owns the fix (docs/report.md, "Exception causes"). The order of
 * the constants is the priority: an order with several causes gets the first as its root cause and lists the
 * others. Concrete failures come first (loss, refusal, wrong goods, damage), then time failures with the warehouse
 * before the carrier (a parcel that left late makes the carrier's part moot), then paperwork.
 */
public enum ExceptionCause {
    LOST(Owner.CARRIER),
    REFUSED(Owner.CUSTOMER_SERVICE),
    SHORT_SHIPPED(Owner.WAREHOUSE),
    WRONG_SKU(Owner.WAREHOUSE),
    DAMAGED_IN_TRANSIT(Owner.CARRIER),
    DAMAGED_PER_RETURN(Owner.CUSTOMER_SERVICE),
    LATE_DISPATCH(Owner.WAREHOUSE),
    IN_TRANSIT_PAST_DUE(Owner.CARRIER),
    LATE_CARRIER_DELIVERY(Owner.CARRIER),
    DOCUMENTS_MISSING(Owner.WAREHOUSE),
    /** No stored shipment or return row explains the flags (e.g. the rows were not available to the report). */
    UNDETERMINED(Owner.UNKNOWN);

    /** Who acts on an exception of this cause. */
    public enum Owner {
        WAREHOUSE, CARRIER, CUSTOMER_SERVICE, UNKNOWN;

        public String messageKey() {
            return "owner." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Owner owner;

    ExceptionCause(Owner owner) {
        this.owner = owner;
    }

    public Owner owner() {
        return owner;
    }

    public String messageKey() {
        return "cause." + name().toLowerCase(Locale.ROOT);
    }
}
