package com.logisticskpi.report.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook template: styles, colours, column widths, logo area and sheet order come from it; the writer finds
 * every place it fills through a defined name ({@link TemplateNames}). The template is opened with POI's zip-bomb
 * protection at its defaults ({@code ZipSecureFile}); a template that trips it is refused with a clear message.
 */
public final class ReportTemplate {

    /** The built-in template on the class path (copied from {@code reports-templates/kpi-report.xlsx}). */
    public static final String BUILT_IN = "/reports-templates/kpi-report.xlsx";

    private final XSSFWorkbook workbook;
    private final String source;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Map<String, CellStyle> quoted = new HashMap<>();

    private ReportTemplate(XSSFWorkbook workbook, String source) {
        this.workbook = workbook;
        this.source = source;
    }

    /** Opens {@code file}, or the built-in daily template when {@code file} is null. */
    public static ReportTemplate open(Path file) {
        return open(file, com.logisticskpi.report.ReportKind.DAILY);
    }

    /** Opens {@code file}, or the built-in template of {@code kind} when {@code file} is null. */
    public static ReportTemplate open(Path file, com.logisticskpi.report.ReportKind kind) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new TemplateException("report template " + file + " does not exist or is not a file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return load(in, file.toString(), kind);
            } catch (IOException e) {
                throw new TemplateException("cannot read report template " + file + ": " + e.getMessage(), e);
            }
        }
        String builtIn = kind.builtInTemplate();
        try (InputStream in = ReportTemplate.class.getResourceAsStream(builtIn)) {
            if (in == null) {
                throw new TemplateException("built-in report template " + builtIn + " is missing from the class path");
            }
            return load(in, "built-in " + builtIn, kind);
        } catch (IOException e) {
            throw new TemplateException("cannot read built-in report template: " + e.getMessage(), e);
        }
    }

    private static ReportTemplate load(InputStream in, String source, com.logisticskpi.report.ReportKind kind) {
        XSSFWorkbook wb;
        try {
            // read from a stream: POI inflates every part through its zip-bomb guard (ZipSecureFile defaults)
            wb = new XSSFWorkbook(in);
        } catch (Exception e) {
            String why = rootMessage(e);
            if (why.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new TemplateException("report template " + source
                        + " refused: it looks like a zip bomb (a part inflates far beyond its compressed size): " + why, e);
            }
            throw new TemplateException("report template " + source + " is not a readable xlsx workbook: " + why, e);
        }
        ReportTemplate t = new ReportTemplate(wb, source);
        t.check();
        t.checkKind(kind);
        return t;
    }

    private void check() {
        for (String sheet : TemplateNames.SHEETS) {
            sheet(sheet);
        }
        for (String style : TemplateNames.STYLES) {
            style(style);
        }
    }

    /** A template naming its kind ({@link TemplateNames#REPORT_KIND}) must be of the kind asked for. */
    private void checkKind(com.logisticskpi.report.ReportKind kind) {
        Name name = workbook.getName(TemplateNames.REPORT_KIND);
        if (name == null) {
            return;
        }
        String declared = cell(TemplateNames.REPORT_KIND).getStringCellValue().trim();
        if (!declared.equalsIgnoreCase(kind.key())) {
            throw new TemplateException("report template " + source + " is a '" + declared + "' template, but a "
                    + kind.key() + " report was asked for (cell " + TemplateNames.REPORT_KIND + ")");
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                if (!all.isEmpty()) {
                    all.append(" / ");
                }
                all.append(t.getMessage().replaceAll("\\s+", " "));
            }
        }
        return all.isEmpty() ? e.getClass().getSimpleName() : all.toString();
    }

    public XSSFWorkbook workbook() {
        return workbook;
    }

    public String source() {
        return source;
    }

    /** The area a defined name refers to. */
    public AreaReference area(String definedName) {
        Name name = workbook.getName(definedName);
        if (name == null || name.getRefersToFormula() == null) {
            throw new TemplateException("report template " + source + " has no defined name '" + definedName + "'");
        }
        try {
            return new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        } catch (RuntimeException e) {
            throw new TemplateException("defined name '" + definedName + "' in report template " + source
                    + " does not refer to a cell range: " + name.getRefersToFormula(), e);
        }
    }

    /** The first cell a defined name refers to. */
    public CellReference cellRef(String definedName) {
        return area(definedName).getFirstCell();
    }

    /** The sheet a defined name is on. */
    public Sheet sheetOf(String definedName) {
        CellReference ref = cellRef(definedName);
        Sheet s = ref.getSheetName() == null ? null : workbook.getSheet(ref.getSheetName());
        if (s == null) {
            throw new TemplateException("defined name '" + definedName + "' in report template " + source
                    + " does not name a sheet");
        }
        return s;
    }

    /** The sheet of a sheet key (through its {@code <key>_title} name). */
    public Sheet sheet(String sheetKey) {
        return sheetOf(TemplateNames.title(sheetKey));
    }

    /** The cell a defined name refers to, created when the template left it empty. */
    public Cell cell(String definedName) {
        CellReference ref = cellRef(definedName);
        Sheet s = sheetOf(definedName);
        return cellAt(s, ref.getRow(), ref.getCol());
    }

    public static Cell cellAt(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        if (r == null) {
            r = s.createRow(row);
        }
        Cell c = r.getCell(col);
        return c == null ? r.createCell(col) : c;
    }

    /** The style of the {@code style_<key>} cell on the Styles sheet. */
    public CellStyle style(String key) {
        return styles.computeIfAbsent(key, k -> cell(TemplateNames.style(k)).getCellStyle());
    }

    /** The same style with quote-prefix on (for text that looks like a formula). */
    public CellStyle quotedStyle(String key) {
        return quoted.computeIfAbsent(key, k -> {
            XSSFCellStyle s = workbook.createCellStyle();
            s.cloneStyleFrom(style(k));
            s.setQuotePrefixed(true);
            return s;
        });
    }
}
