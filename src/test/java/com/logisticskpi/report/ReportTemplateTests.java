package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.report.sheet.SummarySheet;
import com.logisticskpi.report.template.ReportTemplate;
import com.logisticskpi.report.template.TemplateBuilder;
import com.logisticskpi.report.template.TemplateNames;
import com.logisticskpi.report.workbook.ReportWriter;

/** What a user changes in Excel reaches the report without code changes. */
class ReportTemplateTests {

    @TempDir
    Path tmp;

    @Test
    void theCommittedTemplateIsWhatTheBuilderMakes() throws Exception {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(ReportTemplate.BUILT_IN);
             XSSFWorkbook committed = new XSSFWorkbook(in);
             XSSFWorkbook built = new TemplateBuilder().build()) {
            assertThat(committed.getNumberOfSheets()).isEqualTo(built.getNumberOfSheets());
            for (int i = 0; i < built.getNumberOfSheets(); i++) {
                assertThat(committed.getSheetName(i)).isEqualTo(built.getSheetName(i));
                for (int c = 0; c < 20; c++) {
                    assertThat(committed.getSheetAt(i).getColumnWidth(c)).as(built.getSheetName(i) + " col " + c)
                            .isEqualTo(built.getSheetAt(i).getColumnWidth(c));
                }
            }
            assertThat(committed.getAllNames()).hasSameSizeAs(built.getAllNames());
            for (var n : built.getAllNames()) {
                assertThat(committed.getName(n.getNameName()).getRefersToFormula()).as(n.getNameName())
                        .isEqualTo(n.getRefersToFormula());
            }
        }
    }

    @Test
    void sheetOrderColoursWidthsAndPositionsComeFromTheTemplate() throws Exception {
        Path custom = tmp.resolve("custom.xlsx");
        try (InputStream in = ReportTemplate.class.getResourceAsStream(ReportTemplate.BUILT_IN);
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // a user moves Definitions to the front, renames the Trends tab, paints "red" purple,
            // widens the summary's first column and moves the summary table two rows down
            wb.setSheetOrder("Definitions", 0);
            wb.setSheetName(wb.getSheetIndex("Trends"), "My trends");
            XSSFCellStyle red = (XSSFCellStyle) wb.getSheet("Styles").getRow(
                    new ReportTemplateRef(wb, TemplateNames.style("rag_red")).row).getCell(1).getCellStyle();
            red.setFillForegroundColor(new XSSFColor(new byte[]{(byte) 0x80, 0x00, (byte) 0x80}, null));
            red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            wb.getSheet("Summary").setColumnWidth(0, 50 * 256);
            wb.getName(TemplateNames.SUMMARY_TABLE).setRefersToFormula("'Summary'!$A$11");
            try (var os = Files.newOutputStream(custom)) {
                wb.write(os);
            }
        }
        ReportFiles files = new ReportWriter(new ReportProperties(null, custom, 1)).write(HandSet.input(Locale.ENGLISH), tmp.resolve("out"));
        try (XSSFWorkbook out = Workbooks.open(files.workbook())) {
            // sheet order kept, localised names applied wherever the sheets are
            assertThat(out.getSheetName(0)).isEqualTo("Definitions");
            assertThat(out.getSheetName(1)).isEqualTo("Summary");
            assertThat(out.getSheetName(2)).isEqualTo("Trends");
            assertThat(out.getSheet("Summary").getColumnWidth(0)).isEqualTo(50 * 256);
            int table = Workbooks.ref(out, TemplateNames.SUMMARY_TABLE).getRow();
            assertThat(table).isEqualTo(10);
            // day on-time 0.90 against 0.95 (band 0.03) is red: now purple
            int onTime = table + 2;
            var status = out.getSheet("Summary").getRow(onTime).getCell(SummarySheet.COL_STATUS);
            assertThat(status.getStringCellValue()).isEqualTo("Off target");
            assertThat(Workbooks.fill(status)).isEqualTo("800080");
            // links follow the renamed sheet
            assertThat(out.getSheet("Summary").getRow(onTime).getCell(SummarySheet.COL_LINK).getHyperlink().getAddress())
                    .isEqualTo("'Trends'!A1");
        }
    }

    /** The row of a defined name in a workbook. */
    @Test
    void theWeeklyAndMonthlyTemplatesAreCommittedSayTheirKindAndAWrongKindIsRefused() throws Exception {
        for (ReportKind kind : ReportKind.values()) {
            try (InputStream in = ReportTemplate.class.getResourceAsStream(kind.builtInTemplate());
                 XSSFWorkbook committed = new XSSFWorkbook(in);
                 XSSFWorkbook built = new TemplateBuilder(kind).build()) {
                assertThat(committed.getAllNames()).hasSameSizeAs(built.getAllNames());
                for (var n : built.getAllNames()) {
                    assertThat(committed.getName(n.getNameName()).getRefersToFormula()).as(kind + " " + n.getNameName())
                            .isEqualTo(n.getRefersToFormula());
                }
                var ref = new org.apache.poi.ss.util.AreaReference(committed.getName(TemplateNames.REPORT_KIND).getRefersToFormula(),
                        committed.getSpreadsheetVersion()).getFirstCell();
                assertThat(committed.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue())
                        .isEqualTo(kind.key());
            }
        }
        // the weekly template's file given for a monthly report: refused, naming both kinds
        Path weekly = tmp.resolve("weekly.xlsx");
        try (InputStream in = ReportTemplate.class.getResourceAsStream(ReportKind.WEEKLY.builtInTemplate())) {
            Files.copy(in, weekly);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportTemplate.open(weekly, ReportKind.MONTHLY))
                .isInstanceOf(com.logisticskpi.report.template.TemplateException.class)
                .hasMessageContaining("is a 'weekly' template, but a monthly report was asked for");
        // and written as a weekly report: the period file name and the week leading the Summary
        ReportFiles files = new ReportWriter(ReportProperties.defaults()).write(HandSet.input(Locale.ENGLISH),
                tmp.resolve("weekly-out"), ReportKind.WEEKLY, weekly);
        assertThat(files.workbook().getFileName().toString()).isEqualTo("kpi-report_2026-W46.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(files.workbook().toFile())) {
            var anchor = Workbooks.ref(wb, "summary_table");
            var summary = wb.getSheet(anchor.getSheetName());
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Weekly logistics service KPIs – 2026-W46");
            assertThat(summary.getRow(anchor.getRow() + 1).getCell(anchor.getCol()).getStringCellValue())
                    .isEqualTo("Week 2026-W46 as of 11-13 06:00 – compared with 2026-W45");
            // on-time 600/700 against 650/700 (HandSet): value 0.857142..., compared 0.928571..., change -7.14 points
            var onTime = summary.getRow(anchor.getRow() + 2);
            assertThat(onTime.getCell(anchor.getCol() + SummarySheet.COL_VALUE).getNumericCellValue()).isEqualTo(600.0 / 700);
            assertThat(onTime.getCell(anchor.getCol() + SummarySheet.COL_PREVIOUS).getNumericCellValue()).isEqualTo(650.0 / 700);
            assertThat(onTime.getCell(anchor.getCol() + SummarySheet.COL_CHANGE).getNumericCellValue())
                    .isCloseTo(-50.0 / 7, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    record ReportTemplateRef(int row) {
        ReportTemplateRef(XSSFWorkbook wb, String name) {
            this(Workbooks.ref(wb, name).getRow());
        }
    }
}
