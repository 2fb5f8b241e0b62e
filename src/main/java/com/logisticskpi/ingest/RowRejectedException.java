package com.logisticskpi.ingest;

/** A row breaks the contract: it goes to the reject file with this column and reason code. */
final class RowRejectedException extends Exception {

    private final String column;
    private final String reason;

    RowRejectedException(String column, String reason) {
        super(reason + " in " + column, null, false, false);
        this.column = column;
        this.reason = reason;
    }

    String column() {
        return column;
    }

    String reason() {
        return reason;
    }
}
