package com.logisticskpi.report;

import static com.logisticskpi.report.sheet.SummarySheet.COL_CHANGE;
import static com.logisticskpi.report.sheet.SummarySheet.COL_CI_HIGH;
import static com.logisticskpi.report.sheet.SummarySheet.COL_CI_LOW;
import static com.logisticskpi.report.sheet.SummarySheet.COL_KPI;
import static com.logisticskpi.report.sheet.SummarySheet.COL_LINK;
import static com.logisticskpi.report.sheet.SummarySheet.COL_PREVIOUS;
import static com.logisticskpi.report.sheet.SummarySheet.COL_SIGNIFICANT;
import static com.logisticskpi.report.sheet.SummarySheet.COL_STATUS;
import static com.logisticskpi.report.sheet.SummarySheet.COL_TARGET;
import static com.logisticskpi.report.sheet.SummarySheet.COL_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.ShareStatistics;
import com.logisticskpi.report.sheet.SummarySheet;
import com.logisticskpi.report.workbook.ReportWriter;

/** The Summary sheet of the hand-made input, cell by cell. */
class SummarySheetTests {

    static final String GREEN = "C6EFCE", AMBER = "FFEB9C", RED = "FFC7CE";

    @TempDir
    static Path out;
    static XSSFWorkbook wb;
    static Sheet summary;
    static int tableRow;

    @BeforeAll
    static void write() throws Exception {
        ReportFiles files = new ReportWriter().write(HandSet.input(Locale.ENGLISH), out);
        wb = Workbooks.open(files.workbook());
        summary = Workbooks.sheetOf(wb, "summary_table");
        tableRow = Workbooks.ref(wb, "summary_table").getRow();
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    /** Row of a headline KPI: header, then per period a group row and the 11 KPI rows. */
    static int row(PeriodType type, String kpi) {
        int p = SummarySheet.PERIODS.indexOf(type);
        return tableRow + 1 + p * (1 + KpiCatalog.HEADLINE.size()) + 1 + KpiCatalog.HEADLINE.indexOf(kpi);
    }

    static Cell cell(PeriodType type, String kpi, int col) {
        return Workbooks.cell(summary, row(type, kpi), col);
    }

    @Test
    void headerCellsShowDateAsOfAndFreshness() {
        assertThat(summary.getSheetName()).isEqualTo("Summary");
        assertThat(Workbooks.cell(summary, 0, 0).getStringCellValue()).isEqualTo("Daily logistics service KPIs – 2026-11-12");
        Cell date = wb.getSheet("Summary").getRow(Workbooks.ref(wb, "summary_date").getRow()).getCell(1);
        assertThat(date.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 12, 0, 0));
        // as_of 2026-11-12T22:00Z is 06:00 on the 13th in Asia/Shanghai (UTC+8)
        Cell asOf = Workbooks.cell(summary, Workbooks.ref(wb, "summary_asof").getRow(), 1);
        assertThat(asOf.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 13, 6, 0));
        // newest record 15:58Z = 23:58 local, last load 21:30Z = 05:30 local, 22:00 - 15:58 = 6 h 2 min = 6.0 h
        assertThat(Workbooks.cell(summary, Workbooks.ref(wb, "summary_freshness").getRow(), 1).getStringCellValue())
                .isEqualTo("Newest record 2026-11-12 23:58 · last load 2026-11-13 05:30 · 6.0 h before as-of");
    }

    @Test
    void everyHeadlineValueEqualsTheInput() {
        KpiLookup lookup = new KpiLookup(HandSet.input(Locale.ENGLISH).values());
        int numeric = 0;
        for (PeriodType type : SummarySheet.PERIODS) {
            for (String kpi : KpiCatalog.HEADLINE) {
                assertThat(cell(type, kpi, COL_KPI).getStringCellValue()).isEqualTo(new Messages(Locale.ENGLISH).kpiName(kpi));
                KpiValue v = lookup.all(type, ReportTestData.DATE, kpi).orElse(null);
                Cell c = cell(type, kpi, COL_VALUE);
                if (v == null) {
                    assertThat(c.getCellType()).as(type + " " + kpi).isEqualTo(CellType.STRING);
                    assertThat(c.getStringCellValue()).isEqualTo("–");
                    assertThat(cell(type, kpi, COL_STATUS).getStringCellValue()).isEqualTo("no data");
                } else {
                    assertThat(c.getNumericCellValue()).as(type + " " + kpi).isEqualTo(v.value());
                    numeric++;
                }
            }
        }
        // 11 day values, 6 week values, 2 month values
        assertThat(numeric).isEqualTo(19);
    }

    @Test
    void dayFiguresWorkedOutByHand() {
        PeriodType d = PeriodType.DAY;
        // on-time 90/100 = 0.90 against 95/100 = 0.95: change -5 percentage points, written as -5 and shown "-5.0 pt"
        assertThat(cell(d, "on_time_rate", COL_VALUE).getNumericCellValue()).isEqualTo(0.90);
        assertThat(cell(d, "on_time_rate", COL_TARGET).getNumericCellValue()).isEqualTo(0.95);
        assertThat(cell(d, "on_time_rate", COL_PREVIOUS).getNumericCellValue()).isEqualTo(0.95);
        assertThat(cell(d, "on_time_rate", COL_CHANGE).getNumericCellValue()).isCloseTo(-5.0, within(1e-9));
        assertThat(cell(d, "on_time_rate", COL_CHANGE).getCellStyle().getDataFormatString()).isEqualTo("+0.0\" pt\";-0.0\" pt\";0.0\" pt\"");
        assertThat(new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT)
                .formatCellValue(cell(d, "on_time_rate", COL_CHANGE))).isEqualTo("-5.0 pt");
        // pooled p = 185/200 = 0.925; se = sqrt(0.925*0.075*(1/100+1/100)) = 0.037249; z = 0.05/0.037249 = 1.342; p = 0.18
        assertThat(cell(d, "on_time_rate", COL_SIGNIFICANT).getStringCellValue()).isEqualTo("no");
        // Wilson 90/100, z2 = 3.8415: centre = (0.9 + 0.019207)/1.038415 = 0.885209;
        // half = 1.96*sqrt(0.0009 + 0.0000960)/1.038415 = 0.059568 -> [0.82564, 0.94478]
        assertThat(cell(d, "on_time_rate", COL_CI_LOW).getNumericCellValue()).isCloseTo(0.82564, within(5e-5));
        assertThat(cell(d, "on_time_rate", COL_CI_HIGH).getNumericCellValue()).isCloseTo(0.94478, within(5e-5));
        // damage 4/1000 against 12/1000: pooled 0.008; se = sqrt(0.008*0.992*0.002) = 0.003984; z = 0.008/0.003984 = 2.008; p = 0.045 < 0.05
        assertThat(cell(d, "damage_rate", COL_SIGNIFICANT).getStringCellValue()).isEqualTo("yes");
        assertThat(cell(d, "damage_rate", COL_CHANGE).getNumericCellValue()).isCloseTo(-0.8, within(1e-9));
        // CSAT 40/50 against 45/50: pooled 0.85; se = sqrt(0.85*0.15*0.04) = 0.071414; z = 1.400; p = 0.16
        assertThat(cell(d, "csat", COL_SIGNIFICANT).getStringCellValue()).isEqualTo("no");
        // no target for CSAT: dash, no fill
        assertThat(cell(d, "csat", COL_TARGET).getStringCellValue()).isEqualTo("–");
        // hours and scores: no interval, no z-test
        assertThat(cell(d, "cycle_hours_p50", COL_CHANGE).getNumericCellValue()).isEqualTo(2.5);
        assertThat(cell(d, "cycle_hours_p50", COL_SIGNIFICANT).getStringCellValue()).isEqualTo("–");
        assertThat(cell(d, "cycle_hours_p50", COL_CI_LOW).getStringCellValue()).isEqualTo("–");
        assertThat(cell(d, "nps", COL_CHANGE).getNumericCellValue()).isEqualTo(-20.0);
        assertThat(cell(d, "cycle_cv", COL_CHANGE).getNumericCellValue()).isCloseTo(0.10, within(1e-12));
        // return rate has no previous day: previous and change are dashes, CI still shown (30/1000)
        assertThat(cell(d, "return_rate", COL_PREVIOUS).getStringCellValue()).isEqualTo("–");
        assertThat(cell(d, "return_rate", COL_CHANGE).getStringCellValue()).isEqualTo("–");
        ShareStatistics.Interval ci = ShareStatistics.wilson(30, 1000);
        assertThat(cell(d, "return_rate", COL_CI_LOW).getNumericCellValue()).isEqualTo(ci.low());
        // week on-time 600/700 = 0.857 vs 650/700 = 0.929: pooled 0.892857; se = sqrt(0.892857*0.107143*2/700) = 0.016533;
        // z = 0.071429/0.016533 = 4.32: significant
        assertThat(cell(PeriodType.WEEK, "on_time_rate", COL_SIGNIFICANT).getStringCellValue()).isEqualTo("yes");
        // month has no previous period at all
        assertThat(cell(PeriodType.MONTH, "on_time_rate", COL_PREVIOUS).getStringCellValue()).isEqualTo("–");
    }

    @Test
    void ragFillsMatchTheTargetsStatus() {
        // day: on-time 0.90 misses 0.95 by 0.05 > 0.03 band: red; accuracy 0.992 misses 0.995 by 0.003 <= 0.005: amber;
        // damage 0.004 <= 0.005: green; perfect 0.86 misses 0.90 by 0.04 <= 0.05: amber; CV 0.55 over 0.5 by 0.05 <= 0.1: amber;
        // CSI 82 >= 80: green; NPS 15 misses 30 by 15 > 10: red
        assertStatus(PeriodType.DAY, "on_time_rate", Rag.RED, RED, "Off target");
        assertStatus(PeriodType.DAY, "order_accuracy", Rag.AMBER, AMBER, "Watch");
        assertStatus(PeriodType.DAY, "damage_rate", Rag.GREEN, GREEN, "On target");
        assertStatus(PeriodType.DAY, "perfect_order_rate", Rag.AMBER, AMBER, "Watch");
        assertStatus(PeriodType.DAY, "cycle_cv", Rag.AMBER, AMBER, "Watch");
        assertStatus(PeriodType.DAY, "csi", Rag.GREEN, GREEN, "On target");
        assertStatus(PeriodType.DAY, "nps", Rag.RED, RED, "Off target");
        // month: 2850/3000 = 0.95 meets 0.95 exactly: green; NPS 20 misses 30 by exactly the band 10: amber
        assertStatus(PeriodType.MONTH, "on_time_rate", Rag.GREEN, GREEN, "On target");
        assertStatus(PeriodType.MONTH, "nps", Rag.AMBER, AMBER, "Watch");
        // no target: no fill
        assertThat(Workbooks.fill(cell(PeriodType.DAY, "csat", COL_STATUS))).isNull();
        assertThat(Workbooks.fill(cell(PeriodType.DAY, "cycle_hours_p90", COL_STATUS))).isNull();
        // every status cell against KpiTarget.status
        KpiLookup lookup = new KpiLookup(HandSet.input(Locale.ENGLISH).values());
        for (PeriodType type : SummarySheet.PERIODS) {
            for (String kpi : KpiCatalog.HEADLINE) {
                KpiTarget t = HandSet.targets().get(kpi);
                var v = lookup.all(type, ReportTestData.DATE, kpi);
                String expected = t == null || v.isEmpty() ? null
                        : switch (t.status(v.get().value())) { case GREEN -> GREEN; case AMBER -> AMBER; case RED -> RED; };
                assertThat(Workbooks.fill(cell(type, kpi, COL_STATUS))).as(type + " " + kpi).isEqualTo(expected);
            }
        }
    }

    private static void assertStatus(PeriodType type, String kpi, Rag rag, String fill, String label) {
        KpiValue v = new KpiLookup(HandSet.input(Locale.ENGLISH).values()).all(type, ReportTestData.DATE, kpi).orElseThrow();
        assertThat(HandSet.targets().get(kpi).status(v.value())).isEqualTo(rag);
        Cell c = cell(type, kpi, COL_STATUS);
        assertThat(Workbooks.fill(c)).as(type + " " + kpi).isEqualTo(fill);
        assertThat(c.getStringCellValue()).isEqualTo(label);
    }

    @Test
    void theJvmDefaultTimeZoneChangesNothing(@TempDir Path other) throws Exception {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        ReportFiles files;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            files = new ReportWriter().write(HandSet.input(Locale.ENGLISH), other);
        } finally {
            java.util.TimeZone.setDefault(before);
        }
        try (XSSFWorkbook again = Workbooks.open(files.workbook())) {
            Sheet s = again.getSheet("Summary");
            assertThat(Workbooks.cell(s, Workbooks.ref(again, "summary_asof").getRow(), 1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 11, 13, 6, 0));
            assertThat(Workbooks.cell(s, Workbooks.ref(again, "summary_date").getRow(), 1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 11, 12, 0, 0));
            assertThat(Workbooks.cell(s, Workbooks.ref(again, "summary_freshness").getRow(), 1).getStringCellValue())
                    .startsWith("Newest record 2026-11-12 23:58");
        }
    }

    @Test
    void rowsLinkToTheirDetailSheetsAndTheHeaderStaysFrozen() {
        Cell link = cell(PeriodType.DAY, "cycle_cv", COL_LINK);
        assertThat(link.getHyperlink().getAddress()).isEqualTo("'Order cycle'!A1");
        assertThat(cell(PeriodType.DAY, "nps", COL_LINK).getHyperlink().getAddress()).isEqualTo("'Satisfaction'!A1");
        assertThat(cell(PeriodType.DAY, "on_time_rate", COL_LINK).getHyperlink().getAddress()).isEqualTo("'Trends'!A1");
        assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
        assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (tableRow + 1));
        // the group row names the period
        assertThat(Workbooks.cell(summary, tableRow + 1, 0).getStringCellValue()).isEqualTo("Day 2026-11-12 as of 11-13 06:00 – compared with 2026-11-11");
        assertThat(Workbooks.cell(summary, tableRow + 13, 0).getStringCellValue()).isEqualTo("Week 2026-W46 as of 11-13 06:00 – compared with 2026-W45");
        assertThat(Workbooks.cell(summary, tableRow + 25, 0).getStringCellValue()).isEqualTo("Month 2026-11 as of 11-13 06:00 – compared with 2026-10");
    }
}
