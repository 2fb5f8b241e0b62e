package com.logisticskpi.kpi.output;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.KpiValueOrder;

/**
 * Writes {@code kpi-values.csv} (kpis.md section 7): UTF-8 without BOM, header row, LF line ends, rows sorted by
 * period type (day, week, month), period, slice (all, warehouse, carrier, region, channel, segment), slice value
 * and kpi; numerator/denominator empty for counts, hours and scores; numerator and value plain decimals (a
 * counted numerator prints as a whole number).
 */
public final class KpiValuesCsv {

    public static final String[] HEADER = {"period_type", "period", "slice", "slice_value", "kpi", "numerator", "denominator", "value"};

    private KpiValuesCsv() {
    }

    public static void write(Path file, List<KpiValue> values) throws IOException {
        write(file, values, null, false);
    }

    /**
     * With {@code sliceFilter} (e.g. {@code warehouse=GZ03}, a {@code kpi recompute --slice} run) every row gets it
     * in a last column {@code slice_filter}: the run counted only those orders, so its {@code all,all} rows are the
     * filtered orders. Null: the spec's eight columns exactly. {@code raw} false: a slice value that would start a
     * spreadsheet formula gets a leading apostrophe ({@link CsvText}); the other columns are the product's own names
     * and numbers and are never changed.
     */
    public static void write(Path file, List<KpiValue> values, String sliceFilter, boolean raw) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<KpiValue> sorted = new ArrayList<>(values);
        sorted.sort(KpiValueOrder.ORDER);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            List<Object> header = new ArrayList<>(List.of((Object[]) HEADER));
            if (sliceFilter != null) {
                header.add("slice_filter");
            }
            csv.printRecord(header);
            for (KpiValue v : sorted) {
                List<Object> row = new ArrayList<>(List.of(v.periodType().label(), v.period(), v.slice(),
                        CsvText.of(v.sliceValue(), raw), v.kpi(), v.numerator() == null ? "" : plain(v.numerator()),
                        v.denominator() == null ? "" : v.denominator().toString(), plain(v.value())));
                if (sliceFilter != null) {
                    row.add(CsvText.of(sliceFilter, raw));
                }
                csv.printRecord(row);
            }
        }
    }

    /**
     * A double as a plain decimal, never in scientific notation: the shortest decimal that reads back as the same
     * double (17 significant digits at most), trailing zeros removed: 1.0 -> 1, 0.6666666666666666, 1.0E-7 -> 0.0000001.
     */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite value: " + v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
