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
import com.logisticskpi.kpi.engine.KpiValueOrder;

/**
 * Writes {@code kpi-values.csv} (kpis.md section 7): UTF-8 without BOM, header row, LF line ends, rows sorted by
 * period type (day, week, month), period, slice (all, warehouse, carrier, region, channel, segment), slice value
 * and kpi; numerator/denominator empty for counts, hours and scores; value a plain decimal.
 */
public final class KpiValuesCsv {

    public static final String[] HEADER = {"period_type", "period", "slice", "slice_value", "kpi", "numerator", "denominator", "value"};

    private KpiValuesCsv() {
    }

    public static void write(Path file, List<KpiValue> values) throws IOException {
        write(file, values, false);
    }

    /**
     * {@code raw} false: a slice value that would start a spreadsheet formula gets a leading apostrophe
     * ({@link CsvText}); the other columns are the product's own names and numbers and are never changed.
     */
    public static void write(Path file, List<KpiValue> values, boolean raw) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<KpiValue> sorted = new ArrayList<>(values);
        sorted.sort(KpiValueOrder.ORDER);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord((Object[]) HEADER);
            for (KpiValue v : sorted) {
                csv.printRecord(v.periodType().label(), v.period(), v.slice(), CsvText.of(v.sliceValue(), raw), v.kpi(),
                        v.numerator() == null ? "" : v.numerator().toString(),
                        v.denominator() == null ? "" : v.denominator().toString(), plain(v.value()));
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
