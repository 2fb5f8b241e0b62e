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

import com.logisticskpi.kpi.output.CsvText;
import com.logisticskpi.kpi.output.KpiValuesCsv;

/**
 * {@code kpi-exceptions_<date>.csv}: the Exceptions sheet's columns in its order ({@link ExceptionRecord#CSV_HEADER}:
 * language-neutral ids), rows in the sheet's order (grouped by cause), customer ids masked as on the sheet. Cause,
 * owner, state and other causes are codes ({@code SHORT_SHIPPED WAREHOUSE OVERDUE}); failing lines and parcels are
 * the sheet's texts (report language); times {@code yyyy-MM-dd HH:mm} in the business zone; hours late a plain
 * decimal. Every text field goes through {@link #field(String, boolean)}, the one place to neutralise text for
 * spreadsheet programs ({@link CsvText}: a leading =, +, -, @, tab or CR gets an apostrophe unless raw).
 */
public final class ExceptionsCsv {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ExceptionsCsv() {
    }

    /** Writes every record of the spool; returns the number of rows. {@code raw}: text verbatim (kpi.output.raw-csv). */
    public static long write(Path file, ExceptionSpool spool, boolean raw) throws IOException {
        long[] n = {0};
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(ExceptionRecord.CSV_HEADER.toArray());
            spool.forEach(r -> {
                csv.printRecord(field(r.orderId(), raw), field(r.maskedCustomer(), raw), r.cause().name(),
                        r.cause().owner().name(), r.stateCode(), time(r.due()), time(r.delivered()),
                        r.hoursLate() == null ? "" : KpiValuesCsv.plain(r.hoursLate()), field(r.warehouse(), raw),
                        field(r.carrier(), raw), field(r.region(), raw), field(r.channel(), raw), r.otherCauseCodes(),
                        field(r.failingLines(), raw), field(r.parcels(), raw));
                n[0]++;
            });
        }
        return n[0];
    }

    /** A text field as written (null as empty; neutralised for spreadsheets unless raw). */
    static String field(String s, boolean raw) {
        return s == null ? "" : CsvText.of(s, raw);
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : MINUTES.format(t);
    }
}
