package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.report.chart.ChartFonts;
import com.logisticskpi.report.template.TemplateNames;
import com.logisticskpi.report.workbook.ReportWriter;

/** The whole workbook from the synthetic input: sheets, charts, Excel conventions, cap, Chinese run. */
class ReportWorkbookTests {

    @TempDir
    static Path dir;
    static ReportFiles en;
    static ReportFiles zh;
    static XSSFWorkbook wb;
    static final List<OrderOutcome> EXCEPTIONS = ReportTestData.exceptions(11, 120);

    @BeforeAll
    static void write() throws Exception {
        // cap 100 of 120 exceptions: 20 left out
        ReportWriter writer = new ReportWriter(new ReportProperties(100, null, 2));
        en = writer.write(ReportTestData.synthetic(42, Locale.ENGLISH, EXCEPTIONS), dir.resolve("en"));
        zh = writer.write(ReportTestData.synthetic(42, Locale.forLanguageTag("zh-CN"), EXCEPTIONS), dir.resolve("zh"));
        wb = Workbooks.open(en.workbook());
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void fileNameAndSheetOrder() {
        assertThat(en.workbook().getFileName().toString()).isEqualTo("kpi-report_2026-11-12.xlsx");
        assertThat(en.workbook().getParent()).isEqualTo(dir.resolve("en").toAbsolutePath());
        List<String> names = new java.util.ArrayList<>();
        for (Sheet s : wb) {
            names.add(s.getSheetName());
        }
        assertThat(names).containsExactly("Summary", "Trends", "Breakdowns", "Drivers", "Order cycle", "Satisfaction", "Returns",
                "Customer service", "Exceptions", "Data quality", "Definitions", "Styles");
        assertThat(wb.getSheetVisibility(wb.getSheetIndex("Styles"))).isEqualTo(SheetVisibility.HIDDEN);
        assertThat(wb.getActiveSheetIndex()).isZero();
    }

    @Test
    void everyChartIsEmbeddedAndWrittenAsANonBlankPrintQualityPng() throws Exception {
        // 11 KPIs x 3 trend charts + 5 breakdowns + histogram + control chart + CSI/NPS trend + quadrant + Pareto + return trend
        assertThat(en.charts()).hasSize(33 + 5 + 2 + 2 + 2);
        assertThat(wb.getAllPictures()).hasSize(en.charts().size());
        for (Path png : en.charts()) {
            assertThat(png.getParent()).isEqualTo(dir.resolve("en").resolve("charts").toAbsolutePath());
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img).as(png.toString()).isNotNull();
            assertThat(distinctColours(img)).as(png + " is not blank").isGreaterThan(20);
        }
        // embedded images are the same PNGs; at scale 2 they are twice the anchored range's pixel size
        for (var pic : wb.getAllPictures()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(pic.getData()));
            assertThat(distinctColours(img)).isGreaterThan(20);
            assertThat(img.getWidth()).isGreaterThan(900);
        }
        // each chart sheet has its pictures
        assertThat(pictures(wb.getSheet("Trends"))).isEqualTo(33);
        assertThat(pictures(wb.getSheet("Breakdowns"))).isEqualTo(5);
        assertThat(pictures(wb.getSheet("Order cycle"))).isEqualTo(2);
        assertThat(pictures(wb.getSheet("Satisfaction"))).isEqualTo(2);
        assertThat(pictures(wb.getSheet("Returns"))).isEqualTo(2);
        assertThat(Files.list(dir.resolve("en").resolve("charts")).map(p -> p.getFileName().toString()))
                .contains("trend_on_time_rate_day.png", "breakdown_region.png", "cycle_control_chart.png",
                        "satisfaction_quadrant.png", "returns_pareto.png");
    }

    static int pictures(Sheet s) {
        var d = ((XSSFSheet) s).getDrawingPatriarch();
        return d == null ? 0 : (int) d.getShapes().stream().filter(x -> x instanceof XSSFPicture).count();
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
                if (seen.size() > 100) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }

    @Test
    void excelConventions() throws Exception {
        XSSFWorkbook template = new XSSFWorkbook(getClass().getResourceAsStream("/reports-templates/kpi-report.xlsx"));
        List<Sheet> fromTemplate = new java.util.ArrayList<>();
        for (Sheet s : wb) {
            if (!s.getSheetName().equals("Customer service")) { // created by the writer (the template has no such sheet)
                fromTemplate.add(s);
            }
        }
        for (int i = 0; i < 11; i++) {
            Sheet s = i < 10 ? fromTemplate.get(i) : wb.getSheet("Customer service");
            WorkbookUtil.validateSheetName(s.getSheetName());
            assertThat(s.getPrintSetup().getLandscape()).as(s.getSheetName()).isTrue();
            assertThat(s.getFitToPage()).isTrue();
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(s.getPaneInformation()).as(s.getSheetName() + " frozen").isNotNull();
            if (i == 10) {
                break;
            }
            // column widths come from the template, untouched (the Exceptions sheet sets its own: its columns
            // changed meaning with the causes)
            Sheet t = template.getSheetAt(i);
            for (int c = 0; c < (s.getSheetName().equals("Exceptions") ? 0 : 9); c++) {
                assertThat(s.getColumnWidth(c)).as(s.getSheetName() + " column " + c).isEqualTo(t.getColumnWidth(c));
            }
        }
        template.close();
        assertThat(wb.getSheet("Exceptions").getRepeatingRows()).isNotNull();
        assertThat(wb.getSheet("Summary").getRepeatingRows()).isNotNull();
        var core = wb.getProperties().getCoreProperties();
        assertThat(core.getTitle()).isEqualTo("Logistics service KPIs 2026-11-12");
        assertThat(core.getCreator()).isEqualTo("logistics-kpi");
        assertThat(core.getCreated().toInstant()).isEqualTo(ReportTestData.AS_OF);
        // percent format on a share, one decimal on hours
        var summary = wb.getSheet("Summary");
        int row = Workbooks.ref(wb, "summary_table").getRow() + 2;
        assertThat(summary.getRow(row).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertThat(summary.getRow(row + 4).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0");
    }

    @Test
    void breakdownsAreWorstFirstWithConditionalFormatting() {
        Sheet s = wb.getSheet("Breakdowns");
        int header = Workbooks.ref(wb, "breakdowns_table").getRow() + 1;
        // perfect order rate is column 2 + 3 of the table (slice, orders, on-time, accuracy, damage, perfect)
        double previous = -1;
        for (int r = header + 1; r <= header + ReportTestData.WAREHOUSES.size(); r++) {
            double v = s.getRow(r).getCell(5).getNumericCellValue();
            assertThat(v).isGreaterThanOrEqualTo(previous);
            previous = v;
        }
        assertThat(s.getRow(header).getCell(5).getStringCellValue()).isEqualTo("Perfect order rate");
        // 5 slices x 8 KPIs with targets (on-time, accuracy, damage, perfect, CV, CSI, NPS, return rate)
        assertThat(s.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(5 * 8);
        var rule = s.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0);
        assertThat(rule.getFormula1()).contains("ISNUMBER").contains(">=0.95");
    }

    @Test
    void everyChartIsOneCellAnchoredWithThePngsAspectRatio() throws Exception {
        int pictures = 0;
        for (Sheet sheet : wb) {
            var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch();
            if (drawing == null) {
                continue;
            }
            var ct = drawing.getCTDrawing();
            assertThat(ct.sizeOfTwoCellAnchorArray()).as(sheet.getSheetName()).isZero();
            for (var one : ct.getOneCellAnchorArray()) {
                pictures++;
                String rel = one.getPic().getBlipFill().getBlip().getEmbed();
                var part = (org.apache.poi.xssf.usermodel.XSSFPictureData) drawing.getRelationById(rel);
                var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(part.getData()));
                // the extent (EMU) has the PNG's aspect ratio (the PNG is 2x the logical size)
                double extent = (double) one.getExt().getCx() / one.getExt().getCy();
                assertThat(extent).as(sheet.getSheetName()).isCloseTo((double) img.getWidth() / img.getHeight(),
                        org.assertj.core.data.Percentage.withPercentage(1));
                assertThat(one.getExt().getCx()).isEqualTo(img.getWidth() / 2L * org.apache.poi.util.Units.EMU_PER_PIXEL);
            }
        }
        assertThat(pictures).isEqualTo(44);
        // no chart of the Trends grid straddles a page break: every break lies between chart rows
        Sheet trends = wb.getSheet("Trends");
        var area = Workbooks.area(wb, "trends_charts");
        int r0 = area.getFirstCell().getRow();
        int h = area.getLastCell().getRow() - r0 + 1;
        int lastChartRow = 0; // the figures tables below the grid start on a page of their own
        for (var one : ((org.apache.poi.xssf.usermodel.XSSFSheet) trends).getDrawingPatriarch().getCTDrawing().getOneCellAnchorArray()) {
            lastChartRow = Math.max(lastChartRow, one.getFrom().getRow() + h - 1);
        }
        for (int brk : trends.getRowBreaks()) {
            int offset = (brk - r0) % (h + 1); // rows of one grid row: h chart rows then one blank
            assertThat(brk < r0 || brk >= lastChartRow || offset == h - 1 || offset == h).as("break after row " + brk).isTrue();
        }
        assertThat(trends.getRowBreaks()).isNotEmpty();
    }

    @Test
    void exceptionsAboveTheCapAreCountedAndPointToTheCsv() {
        Sheet s = wb.getSheet("Exceptions");
        // the causes table first (synthetic input without stored rows: one group, "not determined"), then the list
        int table = Workbooks.ref(wb, "exceptions_table").getRow();
        assertThat(s.getRow(table).getCell(0).getStringCellValue()).isEqualTo("Exception orders by root cause");
        assertThat(s.getRow(table + 2).getCell(0).getStringCellValue()).isEqualTo("Not determined (no stored rows)");
        assertThat(s.getRow(table + 2).getCell(3).getNumericCellValue()).isEqualTo(120.0);
        assertThat(s.getRow(table + 3).getCell(3).getNumericCellValue()).isEqualTo(120.0);
        int header = s.getRepeatingRows().getFirstRow();
        assertThat(header).isEqualTo(table + 5);
        assertThat(s.getRow(header).getCell(0).getStringCellValue()).isEqualTo("Order id");
        assertThat(s.getRow(header).getCell(2).getStringCellValue()).isEqualTo("Root cause");
        assertThat(s.getRow(header + 100).getCell(0).getStringCellValue()).isEqualTo(EXCEPTIONS.get(99).orderId());
        assertThat(s.getRow(header + 101)).isNull();
        String note = "Showing the first 100 of 120 exception orders; 20 more are left out. Full list: "
                + Path.of("/srv/kpi/out/exceptions_2026-11-12.csv");
        assertThat(s.getRow(header + 102).getCell(0).getStringCellValue()).isEqualTo(note);
        assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo(note);
        // masked customer ids: C1****89 style
        OrderOutcome first = EXCEPTIONS.get(0);
        String id = first.customerId();
        assertThat(s.getRow(header + 1).getCell(1).getStringCellValue())
                .isEqualTo(id.substring(0, 2) + "****" + id.substring(id.length() - 2));
        for (int r = header + 1; r <= header + 100; r++) {
            assertThat(s.getRow(r).getCell(1).getStringCellValue()).matches("C\\d\\*{4}\\d\\d");
        }
        assertThat(s.getPaneInformation().isFreezePane()).isTrue();
        assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
        assertThat(wb.getSheet("Exceptions").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A9:O109");
    }

    @Test
    void chineseRunHasChineseSheetsLabelsAndAFontWithChineseGlyphs() throws Exception {
        try (XSSFWorkbook z = Workbooks.open(zh.workbook())) {
            assertThat(z.getSheetName(0)).isEqualTo("摘要");
            assertThat(z.getSheetName(1)).isEqualTo("趋势");
            assertThat(z.getSheetName(3)).isEqualTo("驱动因素");
            assertThat(z.getSheetName(4)).isEqualTo("订单周期");
            assertThat(z.getSheetName(7)).isEqualTo("客户服务");
            assertThat(z.getSheetName(8)).isEqualTo("异常订单");
            assertThat(z.getSheetName(10)).isEqualTo("指标定义");
            Sheet s = z.getSheetAt(0);
            int table = Workbooks.ref(z, "summary_table").getRow();
            assertThat(s.getRow(table).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(s.getRow(table + 2).getCell(0).getStringCellValue()).isEqualTo("准时交付率");
            assertThat(s.getRow(table + 1).getCell(0).getStringCellValue()).isEqualTo("日 2026-11-12（截至 11-13 06:00） – 对比 2026-11-11");
            assertThat(s.getRow(table + 2).getCell(9).getHyperlink().getAddress()).isEqualTo("'趋势'!A1");
            assertThat(z.getProperties().getCoreProperties().getTitle()).isEqualTo("物流服务 KPI 2026-11-12");
            // the named cells still work after renaming
            assertThat(Workbooks.sheetOf(z, TemplateNames.title("cycle")).getSheetName()).isEqualTo("订单周期");
        }
        // charts draw Chinese region names with a CJK font (fonts-wqy-zenhei or fonts-noto-cjk must be installed)
        assertThat(ChartFonts.canDrawChinese()).as("CJK font " + ChartFonts.family()).isTrue();
        assertThat(ChartFonts.family()).isIn(ChartFonts.FAMILIES);
        assertThat(zh.charts()).hasSize(en.charts().size());
    }
}
