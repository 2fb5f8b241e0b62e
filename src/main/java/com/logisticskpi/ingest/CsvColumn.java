package com.logisticskpi.ingest;

/**
 * A canonical export column.
 *
 * @param name      canonical name, e.g. order_id
 * @param required  whether the file fails when the header lacks it (a required field may still be empty in a row:
 *                  that row is rejected)
 * @param maxLength longest text accepted (the stored VARCHAR size), 0 for non-text columns
 */
record CsvColumn(String name, boolean required, int maxLength) {

    static CsvColumn required(String name, int maxLength) {
        return new CsvColumn(name, true, maxLength);
    }

    static CsvColumn optional(String name, int maxLength) {
        return new CsvColumn(name, false, maxLength);
    }
}
