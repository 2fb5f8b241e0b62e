package com.logisticskpi.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Appends a few rows that break the contract, so that the reject path has something to do: one order line with an
 * impossible timestamp in the orders file of every 7th day (day index 3, 10, 17, ...), one shipment row with an
 * unknown status in the shipments file of day index 5, 12, 19, .... Only files with at least 200 rows get one, so a
 * bad row is never more than 0.5 % of its file (the default reject limit is 1 %).
 */
final class BadRowInjector implements ExportFiles.BadRows {

    static final int MIN_ROWS = 200;

    private final QuirkCounts quirks;

    BadRowInjector(QuirkCounts quirks) {
        this.quirks = quirks;
    }

    @Override
    public void append(ExportFileFormat kind, LocalDate date, int dayIndex, CsvExportWriter w) {
        if (w.rows() < MIN_ROWS) {
            return;
        }
        String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
        if (kind == ExportFileFormat.ORDERS && dayIndex % 7 == 3) {
            // 31 November at 25:61 does not exist
            w.row("O" + day + "-BAD1", "1", "C000001", date.getYear() + "-11-31 25:61:00", date.plusDays(3).toString(),
                    "SKU-FD-0001", "食品", "1", "9.99", "SH01", "华东", "APP", "OK");
            quirks.add("bad_row_timestamp");
        } else if (kind == ExportFileFormat.SHIPMENTS && dayIndex % 7 == 5) {
            w.row("P" + day + "-BAD1", "O" + day + "-BAD1", "1", "SKU-FD-0001", "1", "SH01", "SF",
                    date + " 08:00:00", "", "SHIPPED", "N", "Y");
            quirks.add("bad_row_unknown_status");
        }
    }
}
