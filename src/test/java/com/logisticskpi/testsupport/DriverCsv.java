package com.logisticskpi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a kpi-drivers.csv (kpis.md section 8) into rows keyed by (period_type, period, previous_period, kpi, slice,
 * slice_value), every other column kept as text; and compares two of them to 1e-9 (relative above 1).
 */
public final class DriverCsv {

    /** The numeric columns, in file order. */
    public static final List<String> NUMBERS = List.of("numerator", "denominator", "previous_numerator",
            "previous_denominator", "rate_effect", "mix_effect", "change_contribution", "target_gap_contribution");

    private DriverCsv() {
    }

    public static Map<String, Map<String, String>> read(Reader in) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            String key = String.join("|", r.get("period_type"), r.get("period"), r.get("previous_period"), r.get("kpi"),
                    r.get("slice"), r.get("slice_value"));
            Map<String, String> cells = new TreeMap<>();
            for (String c : NUMBERS) {
                cells.put(c, r.get(c));
            }
            if (rows.put(key, cells) != null) {
                throw new IllegalStateException("duplicate driver row " + key);
            }
        }
        return rows;
    }

    public static Map<String, Map<String, String>> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static Map<String, Map<String, String>> resource(String name) throws IOException {
        try (Reader r = new InputStreamReader(DriverCsv.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /** The same set of rows, every number within 1e-9 (relative above 1), empty exactly where expected. */
    public static void assertMatches(Map<String, Map<String, String>> actual, Map<String, Map<String, String>> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> wrong = new ArrayList<>();
        expected.forEach((key, x) -> {
            Map<String, String> a = actual.get(key);
            for (String c : NUMBERS) {
                if (!sameNumber(a.get(c), x.get(c))) {
                    wrong.add(key + " " + c + ": expected '" + x.get(c) + "' got '" + a.get(c) + "'");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static boolean sameNumber(String a, String x) {
        if (a.isEmpty() || x.isEmpty()) {
            return a.isEmpty() && x.isEmpty();
        }
        double xd = Double.parseDouble(x);
        return Math.abs(Double.parseDouble(a) - xd) <= 1e-9 * Math.max(1, Math.abs(xd));
    }
}
