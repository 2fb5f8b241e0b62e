package com.logisticskpi.report.exception;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.logisticskpi.kpi.output.KpiValuesCsv;

/**
 * {@code kpi-exceptions_<date>.csv}: the Exceptions sheet's columns in its order ({@link ExceptionRecord#CSV_HEADER}:
 * language-neutral ids), rows in the sheet's order (grouped by cause), customer ids masked as on the sheet. Cause,
 * owner, state and other causes are codes ({@code SHORT_SHIPPED WAREHOUSE OVERDUE}); failing lines and parcels are
 * the sheet's texts (report language); times {@code yyyy-MM-dd HH:mm} in the business zone; hours late a plain
 * decimal. Every text field goes through {@link #field(String)}, the one place to neutralise text for spreadsheet
 * programs.
 */
public final class ExceptionsCsv {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ExceptionsCsv() {
    }

    /** Writes every record of the spool; returns the number of rows. */
    public static long write(Path file, ExceptionSpool spool) throws IOException {
        long[] n = {0};
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(ExceptionRecord.CSV_HEADER.toArray());
            spool.forEach(r -> {
                csv.printRecord(field(r.orderId()), field(r.maskedCustomer()), r.cause().name(), r.cause().owner().name(),
                        r.stateCode(), time(r.due()), time(r.delivered()),
                        r.hoursLate() == null ? "" : KpiValuesCsv.plain(r.hoursLate()), field(r.warehouse()),
                        field(r.carrier()), field(r.region()), field(r.channel()), r.otherCauseCodes(),
                        field(r.failingLines()), field(r.parcels()));
                n[0]++;
            });
        }
        return n[0];
    }

    /** A text field as written (export text verbatim, as the other CSV files; null as empty). */
    static String field(String s) {
        return s == null ? "" : s;
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : MINUTES.format(t);
    }
}
