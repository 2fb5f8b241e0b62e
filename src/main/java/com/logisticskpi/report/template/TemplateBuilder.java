package com.logisticskpi.report.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.logisticskpi.report.ReportKind;

/**
 * Generates the default template {@code reports-templates/kpi-report.xlsx}. Run once after changing the layout:
 * {@code mvn -q compile exec:java}-style, or
 * {@code java -cp target/classes:<poi jars> com.logisticskpi.report.template.TemplateBuilder reports-templates/kpi-report.xlsx}.
 * Users then change styles, colours, column widths, the logo area and sheet order in Excel; the writer only relies
 * on the defined names listed in {@link TemplateNames}.
 */
public final class TemplateBuilder {

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Map<String, XSSFCellStyle> styles = new LinkedHashMap<>();
    private final ReportKind kind;

    public TemplateBuilder() {
        this(ReportKind.DAILY);
    }

    /** The template of one report kind: the same sheets and names, its kind in the {@code report_kind} cell. */
    public TemplateBuilder(ReportKind kind) {
        this.kind = kind;
    }

    /** Writes the three built-in templates into the directory {@code args[0]} (default {@code reports-templates}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "reports-templates");
        Files.createDirectories(dir);
        for (ReportKind k : ReportKind.values()) {
            Path out = dir.resolve(k.templateFileName());
            try (OutputStream os = Files.newOutputStream(out)) {
                new TemplateBuilder(k).build().write(os);
            }
            System.out.println("wrote " + out.toAbsolutePath());
        }
    }

    public XSSFWorkbook build() {
        styles.putAll(TemplateStyles.create(wb));
        summary();
        trends();
        breakdowns();
        drivers();
        cycle();
        satisfaction();
        returns();
        exceptions();
        quality();
        definitions();
        stylesSheet();
        wb.setActiveSheet(0);
        wb.getProperties().getCoreProperties().setCreator("logistics-kpi");
        return wb;
    }

    // ---- sheets -------------------------------------------------------------------------------------------

    private Sheet sheet(String key, String englishName, int... widths) {
        Sheet s = wb.createSheet(englishName);
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        PrintLayout.apply(s);
        s.setAutobreaks(true);
        s.setDisplayGridlines(false);
        place(s, 0, 0, TemplateNames.title(key), "title");
        s.getRow(0).setHeightInPoints(24);
        if (!key.equals("summary")) {
            place(s, 1, 0, TemplateNames.note(key), "note");
        }
        return s;
    }

    /** Creates the cell, gives it a style and a defined name. */
    private void place(Sheet s, int row, int col, String name, String style) {
        var r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        var c = r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
        if (style != null) {
            c.setCellStyle(styles.get(style));
        }
        name(name, s, row, col, row, col);
    }

    private void name(String name, Sheet s, int r1, int c1, int r2, int c2) {
        Name n = wb.createName();
        n.setNameName(name);
        String sheet = "'" + s.getSheetName().replace("'", "''") + "'";
        String ref = new CellReference(r1, c1, true, true).formatAsString();
        if (r1 != r2 || c1 != c2) {
            ref += ":" + new CellReference(r2, c2, true, true).formatAsString();
        }
        n.setRefersToFormula(sheet + "!" + ref);
    }

    private void summary() {
        Sheet s = sheet("summary", "Summary", 34, 17, 13, 12, 13, 13, 13, 13, 13, 14, 70);
        place(s, 2, 0, TemplateNames.SUMMARY_DATE_LABEL, "label");
        place(s, 2, 1, TemplateNames.SUMMARY_DATE, null);
        place(s, 3, 0, TemplateNames.SUMMARY_ASOF_LABEL, "label");
        place(s, 3, 1, TemplateNames.SUMMARY_ASOF, null);
        place(s, 4, 0, TemplateNames.SUMMARY_FRESHNESS_LABEL, "label");
        place(s, 4, 1, TemplateNames.SUMMARY_FRESHNESS, null);
        place(s, 6, 0, TemplateNames.SUMMARY_LINKS, null);
        place(s, 8, 0, TemplateNames.SUMMARY_TABLE, null);
        // logo area: paste a logo over H1:J4 in Excel; the writer never touches these cells
        s.addMergedRegion(new CellRangeAddress(0, 3, 7, 9));
        name(TemplateNames.SUMMARY_LOGO, s, 0, 7, 3, 9);
    }

    private void trends() {
        int[] w = new int[25];
        w[0] = 30;
        for (int i = 1; i < w.length; i++) {
            w[i] = 11;
        }
        Sheet s = sheet("trends", "Trends", w);
        name(TemplateNames.TRENDS_CHARTS, s, 3, 1, 18, 8);
        place(s, 3, 0, TemplateNames.TRENDS_TABLE, null);
    }

    private void breakdowns() {
        Sheet s = sheet("breakdowns", "Breakdowns", 22, 11, 12, 12, 12, 12, 12, 12, 12, 12, 12, 3, 11, 11, 11, 11, 11, 11, 11, 11);
        place(s, 3, 0, TemplateNames.BREAKDOWNS_TABLE, null);
        name(TemplateNames.BREAKDOWNS_CHART, s, 3, 12, 18, 19);
    }

    /** Drivers: one block per headline share, its table from drivers_table down, its chart the size of drivers_chart. */
    private void drivers() {
        Sheet s = sheet("drivers", "Drivers", 16, 18, 11, 11, 11, 11, 11, 13, 13, 3, 11, 11, 11, 11, 11, 11, 11, 11, 11);
        place(s, 3, 0, TemplateNames.DRIVERS_TABLE, null);
        name(TemplateNames.DRIVERS_CHART, s, 3, 10, 24, 18);
    }

    private void cycle() {
        Sheet s = sheet("cycle", "Order cycle", 30, 14, 14, 14, 14, 40, 3, 11, 11, 11, 11, 11, 11, 11, 11, 11);
        place(s, 3, 0, TemplateNames.CYCLE_TABLE, null);
        place(s, 18, 0, TemplateNames.CYCLE_SIGNALS, null);
        name(TemplateNames.CYCLE_HISTOGRAM, s, 3, 7, 19, 15);
        name(TemplateNames.CYCLE_CONTROL_CHART, s, 21, 7, 39, 15);
    }

    private void satisfaction() {
        Sheet s = sheet("satisfaction", "Satisfaction", 30, 13, 13, 24, 13, 13, 3, 11, 11, 11, 11, 11, 11, 11, 11, 11);
        place(s, 3, 0, TemplateNames.SATISFACTION_TABLE, null);
        place(s, 11, 0, TemplateNames.SATISFACTION_DIMS, null);
        name(TemplateNames.SATISFACTION_TREND, s, 3, 7, 19, 15);
        name(TemplateNames.SATISFACTION_QUADRANT, s, 21, 7, 41, 15);
    }

    private void returns() {
        Sheet s = sheet("returns", "Returns", 30, 13, 13, 13, 13, 13, 3, 11, 11, 11, 11, 11, 11, 11, 11, 11);
        place(s, 3, 0, TemplateNames.RETURNS_TABLE, null);
        place(s, 9, 0, TemplateNames.RETURNS_REASONS, null);
        name(TemplateNames.RETURNS_PARETO, s, 3, 7, 19, 15);
        name(TemplateNames.RETURNS_TREND, s, 21, 7, 37, 15);
    }

    private void exceptions() {
        Sheet s = sheet("exceptions", "Exceptions", 16, 12, 11, 11, 14, 10, 11, 17, 17, 10, 34);
        place(s, 3, 0, TemplateNames.EXCEPTIONS_TABLE, null);
    }

    private void quality() {
        Sheet s = sheet("quality", "Data quality", 36, 11, 11, 10, 10, 11, 10, 40, 10);
        place(s, 3, 0, TemplateNames.QUALITY_TABLE, null);
    }

    private void definitions() {
        Sheet s = sheet("definitions", "Definitions", 26, 28, 10, 90, 34);
        place(s, 3, 0, TemplateNames.DEFINITIONS_TABLE, null);
    }

    private void stylesSheet() {
        Sheet s = wb.createSheet(TemplateNames.STYLES_SHEET);
        s.setColumnWidth(0, 24 * 256);
        s.setColumnWidth(1, 20 * 256);
        var head = s.createRow(0).createCell(0);
        head.setCellValue("Cell styles used by the report writer: change the format, font or fill of column B; keep the defined names.");
        int row = 2;
        for (String key : TemplateNames.STYLES) {
            var r = s.createRow(row);
            r.createCell(0).setCellValue(TemplateNames.style(key));
            var c = r.createCell(1);
            c.setCellStyle(styles.get(key));
            if (key.startsWith("change_") || key.equals("share") || key.equals("hours") || key.equals("ratio")
                    || key.equals("score") || key.equals("count")) {
                c.setCellValue(key.equals("count") || key.equals("change_count") ? 1234 : 0.1234);
            } else {
                c.setCellValue(key);
            }
            name(TemplateNames.style(key), s, row, 1, row, 1);
            row++;
        }
        row++;
        var r = s.createRow(row);
        r.createCell(0).setCellValue(TemplateNames.REPORT_KIND);
        r.createCell(1).setCellValue(kind.key());
        name(TemplateNames.REPORT_KIND, s, row, 1, row, 1);
        wb.setSheetVisibility(wb.getSheetIndex(s), SheetVisibility.HIDDEN);
    }
}
