package com.logisticskpi.kpi.drivers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.logisticskpi.kpi.output.KpiValuesCsv;

/**
 * Writes {@code kpi-drivers.csv} (kpis.md section 8): UTF-8 without BOM, header row, LF line ends, rows in
 * {@link DriverAnalysis#ORDER}; numbers as plain decimals like kpi-values.csv (shortest exact decimal, never
 * scientific notation); target_gap_contribution empty when the KPI has no target or the value no orders in the period.
 */
public final class KpiDriversCsv {

    public static final String FILE_NAME = "kpi-drivers.csv";

    public static final String[] HEADER = {"period_type", "period", "previous_period", "kpi", "slice", "slice_value",
            "numerator", "denominator", "previous_numerator", "previous_denominator", "rate_effect", "mix_effect",
            "change_contribution", "target_gap_contribution"};

    private KpiDriversCsv() {
    }

    public static void write(Path file, List<DriverRow> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<DriverRow> sorted = new ArrayList<>(rows);
        sorted.sort(DriverAnalysis.ORDER);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord((Object[]) HEADER);
            for (DriverRow r : sorted) {
                csv.printRecord(r.periodType().label(), r.period(), r.previousPeriod(), r.kpi(), r.slice(), r.sliceValue(),
                        KpiValuesCsv.plain(r.numerator()), r.denominator(), KpiValuesCsv.plain(r.previousNumerator()),
                        r.previousDenominator(), KpiValuesCsv.plain(r.rateEffect()), KpiValuesCsv.plain(r.mixEffect()),
                        KpiValuesCsv.plain(r.changeContribution()),
                        r.targetGapContribution() == null ? "" : KpiValuesCsv.plain(r.targetGapContribution()));
            }
        }
    }
}
