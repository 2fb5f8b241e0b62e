package com.logisticskpi.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.logisticskpi.kpi.KpiValue;

/** Reads a kpi-values.csv into rows keyed by (period_type, period, slice, slice_value, kpi). */
public final class KpiCsv {

    public record Row(String numerator, String denominator, double value) {
    }

    private KpiCsv() {
    }

    public static String key(String type, String period, String slice, String sliceValue, String kpi) {
        return type + "|" + period + "|" + slice + "|" + sliceValue + "|" + kpi;
    }

    public static String key(KpiValue v) {
        return key(v.periodType().label(), v.period(), v.slice(), v.sliceValue(), v.kpi());
    }

    public static Map<String, Row> read(Reader in) throws IOException {
        Map<String, Row> rows = new TreeMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows.put(key(r.get("period_type"), r.get("period"), r.get("slice"), r.get("slice_value"), r.get("kpi")),
                    new Row(r.get("numerator"), r.get("denominator"), Double.parseDouble(r.get("value"))));
        }
        return rows;
    }

    public static Map<String, Row> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static Map<String, Row> resource(String name) throws IOException {
        try (Reader r = new java.io.InputStreamReader(KpiCsv.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return read(r);
        }
    }
}
