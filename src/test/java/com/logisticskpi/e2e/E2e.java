package com.logisticskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;
import com.logisticskpi.ingest.IngestService;
import com.logisticskpi.ingest.IngestSummary;
import com.logisticskpi.testsupport.TestDatabases;

import picocli.CommandLine;

/** Helpers of the end-to-end tests: ingest an inbox, run a CLI command, read a workbook back without the report code. */
final class E2e {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private E2e() {
    }

    record Cli(int code, String out, String err) {
    }

    /** Runs {@code kpi ...} in this JVM, capturing stdout and stderr. */
    static Cli kpi(String... args) {
        com.logisticskpi.testsupport.CliRun.Result r = com.logisticskpi.testsupport.CliRun.run(args);
        return new Cli(r.code(), r.out(), r.err());
    }

    /** The common options of an H2 data dir, as command-line arguments. */
    static List<String> h2Args(Path dataDir) {
        return TestDatabases.h2Args(dataDir);
    }

    /** A fresh MariaDB database for a data dir, as command-line arguments (profile mysql plus a config file). */
    static List<String> mysqlArgs(Path dataDir) {
        return TestDatabases.mysqlArgs(dataDir);
    }

    static CommonOptions options(List<String> args) {
        CommonOptions o = new CommonOptions();
        new CommandLine(o).parseArgs(args.toArray(String[]::new));
        return o;
    }

    /** Ingests an inbox with the real ingest (IngestService) into the database of the given options. */
    static IngestSummary ingest(List<String> dbArgs, Path inbox) {
        try (var ctx = AppContext.start(options(dbArgs))) {
            return ctx.getBean(IngestService.class).ingest(inbox, SHANGHAI, null);
        }
    }

    /** {@code kpi report} for a date; fails the test unless it exits 0. */
    static Path report(List<String> dbArgs, String date, String asOf, Path out, String locale) {
        List<String> args = new ArrayList<>(List.of("report", "--date", date, "--as-of", asOf, "--out", out.toString(),
                "--locale", locale));
        args.addAll(dbArgs);
        Cli r = kpi(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return out.resolve("kpi-report_" + date + ".xlsx");
    }

    static CellReference ref(XSSFWorkbook wb, String name) {
        return new CellReference(wb.getName(name).getRefersToFormula().split(":")[0]);
    }

    static Sheet sheetOf(XSSFWorkbook wb, String name) {
        return wb.getSheet(ref(wb, name).getSheetName());
    }

    static Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    static String text(Cell c) {
        return c == null ? null : c.getCellType() == CellType.STRING ? c.getStringCellValue() : null;
    }

    /** The solid fill colour of a cell as RRGGBB, or null. */
    static String fill(Cell c) {
        XSSFCellStyle st = (XSSFCellStyle) c.getCellStyle();
        var color = st.getFillForegroundXSSFColor();
        if (color == null || st.getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
            return null;
        }
        String argb = color.getARGBHex();
        return argb.substring(argb.length() - 6);
    }

    /** Every entry of a zip (xlsx) file: name to bytes (read through the central directory). */
    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
