package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.testsupport.CliRun;

/**
 * The Customer service sheet through the real pipeline: the spec example's inbox and tickets ingested, then
 * {@code kpi report --date 2026-11-11 --as-of 2026-11-15T00:00:00+08:00}. Every figure below is worked by hand from
 * src/test/resources/spec-example-tickets (README): with as-of on 11-15, T2 (opened 11-11 19:00, still open) is now
 * judged for resolution and overdue (77 h), and T6 (opened 11-12 10:00, unanswered) is judged for response but not
 * yet for resolution (10:00 + 72 h is after as-of). A second data dir without tickets shows "export missing".
 */
class CustomerServiceSheetTests {

    @TempDir
    static Path tmp;
    static XSSFWorkbook wb;
    static XSSFWorkbook withoutTickets;

    @BeforeAll
    static void run() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path plain = tmp.resolve("plain");
        Files.createDirectories(inbox);
        Files.createDirectories(plain);
        for (Path dir : List.of(Path.of("src/test/resources/spec-example/inbox"), Path.of("src/test/resources/spec-example-tickets"))) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("(orders|shipments|returns|surveys|tickets)_.*")).toList()) {
                    Files.copy(f, inbox.resolve(f.getFileName()));
                    if (!f.getFileName().toString().startsWith("tickets")) {
                        Files.copy(f, plain.resolve(f.getFileName()));
                    }
                }
            }
        }
        wb = ingestAndReport(inbox, tmp.resolve("data"), tmp.resolve("out"));
        withoutTickets = ingestAndReport(plain, tmp.resolve("data-plain"), tmp.resolve("out-plain"));
    }

    private static XSSFWorkbook ingestAndReport(Path inbox, Path data, Path out) throws Exception {
        CliRun.Result ingest = CliRun.run("ingest", "--inbox", inbox.toString(), "--data-dir", data.toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        CliRun.Result report = CliRun.run("report", "--date", "2026-11-11", "--as-of", "2026-11-15T00:00:00+08:00",
                "--out", out.toString(), "--locale", "en", "--data-dir", data.toString());
        assertThat(report.code()).as(report.err()).isZero();
        return Workbooks.open(out.resolve("kpi-report_2026-11-11.xlsx"));
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
        withoutTickets.close();
    }

    private static Sheet sheet(XSSFWorkbook w) {
        Sheet s = w.getSheet("Customer service");
        assertThat(s).as("Customer service sheet").isNotNull();
        // placed right after Returns
        assertThat(w.getSheetIndex(s)).isEqualTo(w.getSheetIndex(w.getSheet("Returns")) + 1);
        return s;
    }

    /** The row whose first cell is {@code label} (after {@code from}). */
    private static Row row(Sheet s, String label, int from) {
        for (int r = from; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + label + "'");
    }

    private static double num(Row r, int col) {
        Cell c = r.getCell(col);
        assertThat(c.getCellType()).as("cell %d of %s", col, r.getCell(0)).isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }

    private static String str(Row r, int col) {
        return r.getCell(col).getStringCellValue();
    }

    @Test
    void theFiguresOfDayWeekAndMonthWithTargetsAndStatus() {
        Sheet s = sheet(wb);
        // day 11-11: complaints T1, T2, T3, T5 over delivered A1, A2, A4, A6; month: T1..T7 but T4 (inquiry) over 6
        Row rate = row(s, "Complaint rate", 3);
        assertThat(num(rate, 1)).isEqualTo(1.0);
        assertThat(num(rate, 3)).isEqualTo(1.0);
        assertThat(num(rate, 4)).isEqualTo(0.01);
        assertThat(str(rate, 5)).isEqualTo("Off target");
        // response: day 3/5 (T4 missed); month 3/7 (T6 unanswered and judged now: 11-12 10:00 + 4 h <= as-of)
        Row response = row(s, "First response within target", 3);
        assertThat(num(response, 1)).isCloseTo(0.6, within(1e-12));
        assertThat(num(response, 3)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(num(response, 4)).isEqualTo(0.9);
        // resolution: day T1, T3, T5 within, T2 judged (11-14 19:00 <= as-of) and open -> 3/4;
        // month adds T7 (73 h, missed); T6 not yet judged -> 3/5
        Row resolved = row(s, "Resolved within target", 3);
        assertThat(num(resolved, 1)).isCloseTo(0.75, within(1e-12));
        assertThat(num(resolved, 3)).isCloseTo(0.6, within(1e-12));
        assertThat(str(resolved, 5)).isEqualTo("Off target");
        assertThat(num(row(s, "First response, mean (h)", 3), 1)).isCloseTo(1.8125, within(1e-12));
        assertThat(num(row(s, "First response, P90 (h)", 3), 1)).isCloseTo(3.6, within(1e-12));
        assertThat(num(row(s, "Open complaints", 3), 1)).isEqualTo(1.0);
        assertThat(num(row(s, "Open complaints", 3), 3)).isEqualTo(2.0); // T2 and T6
        assertThat(num(row(s, "Resolution time, mean (h)", 3), 1)).isCloseTo(6.375, within(1e-12));
        assertThat(num(row(s, "Resolution time, P90 (h)", 3), 3)).isCloseTo(55.3, within(1e-9));
        assertThat(num(row(s, "Reopen rate", 3), 1)).isEqualTo(0.5);
    }

    @Test
    void categoriesLargestFirstAndComplaintRateByWarehouseAndCarrier() {
        Sheet s = sheet(wb);
        Row late = row(s, "Late (LATE)", 10);
        assertThat(num(late, 1)).isEqualTo(2.0);
        assertThat(num(late, 2)).isCloseTo(2.0 / 6, within(1e-12));
        Row next = s.getRow(late.getRowNum() + 1);
        assertThat(str(next, 0)).isEqualTo("Damaged (DAMAGED)"); // ties of 1 by code: DAMAGED, INFORMATION, SERVICE, WRONG_ITEM
        assertThat(num(next, 3)).isCloseTo(0.5, within(1e-12));
        // month by warehouse, worst first: BJ02 2/2 (T1 on A4, T5 on A3), SH01 3/4 (T2, T3, T7)
        Row bj = row(s, "BJ02", late.getRowNum());
        assertThat(num(bj, 1)).isEqualTo(1.0);
        assertThat(num(bj, 2)).isEqualTo(2.0);
        assertThat(num(bj, 3)).isEqualTo(2.0);
        Row sh = s.getRow(bj.getRowNum() + 1);
        assertThat(str(sh, 0)).isEqualTo("SH01");
        assertThat(num(sh, 1)).isEqualTo(0.75);
        // by carrier: JD carried A2 and A6 (no complaint): 0 of 2, listed last
        Row jd = row(s, "JD", sh.getRowNum());
        assertThat(num(jd, 1)).isEqualTo(0.0);
        assertThat(num(jd, 3)).isEqualTo(2.0);
        assertThat(str(jd, 4)).isEqualTo("On target");
    }

    @Test
    void overdueComplaintsWithOrderAgeAndMaskedCustomer() {
        Sheet s = sheet(wb);
        Row title = row(s, "Open complaints older than the resolution target: 1", 10);
        Row t2 = s.getRow(title.getRowNum() + 2);
        assertThat(str(t2, 0)).isEqualTo("T2");
        assertThat(str(t2, 1)).isEqualTo("A7");
        assertThat(str(t2, 2)).isEqualTo("****"); // C2 is too short to show any of it
        assertThat(str(t2, 3)).isEqualTo("Complaint");
        assertThat(str(t2, 4)).isEqualTo("Late (LATE)");
        assertThat(num(t2, 6)).isCloseTo(77.0, within(1e-9)); // 11-11 19:00 to 11-15 00:00
        assertThat(s.getRow(title.getRowNum() + 3) == null || s.getRow(title.getRowNum() + 3).getCell(0) == null
                || s.getRow(title.getRowNum() + 3).getCell(0).getStringCellValue().isEmpty()).isTrue();
    }

    @Test
    void complaintRateAndResolutionJoinTheSummaryOnlyWithTickets() {
        List<String> with = summaryKpis(wb);
        List<String> without = summaryKpis(withoutTickets);
        assertThat(with).contains("Complaint rate", "Resolved within target");
        assertThat(without).doesNotContain("Complaint rate", "Resolved within target");
        assertThat(with.size() - without.size()).isEqualTo(2 * 3); // two rows per period
        // without tickets the sheet says that the export is missing and shows no figure
        Sheet s = sheet(withoutTickets);
        assertThat(str(s.getRow(3), 0)).startsWith("The tickets export is missing");
        for (int r = 0; r <= s.getLastRowNum(); r++) {
            if (s.getRow(r) != null) {
                s.getRow(r).forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.NUMERIC));
            }
        }
    }

    private static List<String> summaryKpis(XSSFWorkbook w) {
        Sheet s = w.getSheet("Summary");
        List<String> out = new ArrayList<>();
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING) {
                out.add(c.getStringCellValue());
            }
        }
        return out;
    }
}
