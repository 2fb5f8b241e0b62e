package com.logisticskpi.report.sheet;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.KpiCatalog.Unit;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.TextCells;
import com.logisticskpi.report.chart.ChartImage;
import com.logisticskpi.report.chart.ReportCharts;
import com.logisticskpi.report.template.ReportTemplate;

/** What every sheet writer shares: the template, labels, KPI values, and helpers that write cells safely. */
public final class SheetContext {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportTemplate template;
    private final Messages messages;
    private final ReportInput input;
    private final KpiLookup lookup;
    private final ReportCharts charts;
    private final com.logisticskpi.report.ReportKind kind;
    private final List<ChartImage> images = new ArrayList<>();
    private final List<PrintBreaks.Block> chartBlocks = new ArrayList<>();
    private final Map<String, String> sheetNames = new HashMap<>();
    private CellStyle wrapText;
    private final Map<String, CellStyle> derived = new HashMap<>();

    public SheetContext(ReportTemplate template, Messages messages, ReportInput input, ReportCharts charts) {
        this(template, messages, input, charts, com.logisticskpi.report.ReportKind.DAILY);
    }

    public SheetContext(ReportTemplate template, Messages messages, ReportInput input, ReportCharts charts,
                        com.logisticskpi.report.ReportKind kind) {
        this.kind = kind;
        this.template = template;
        this.messages = messages;
        this.input = input;
        this.lookup = new KpiLookup(input.values());
        this.charts = charts;
        for (String key : com.logisticskpi.report.template.TemplateNames.SHEETS) {
            sheetNames.put(key, messages.get("sheet." + key));
        }
        sheetNames.put(CustomerServiceSheet.KEY, messages.get("sheet." + CustomerServiceSheet.KEY));
    }

    public ReportTemplate template() {
        return template;
    }

    public XSSFWorkbook workbook() {
        return template.workbook();
    }

    public Messages msg() {
        return messages;
    }

    /** Points from fewer orders (or responses) than this are drawn hollow grey and left out of axis ranges. */
    public int chartMinOrders() {
        return charts.minOrders();
    }

    public ReportInput input() {
        return input;
    }

    /** Daily, weekly or monthly: what the Summary leads with. */
    public com.logisticskpi.report.ReportKind kind() {
        return kind;
    }

    public KpiLookup lookup() {
        return lookup;
    }

    public List<ChartImage> images() {
        return images;
    }

    /** The localised name the sheet of {@code key} will carry. */
    public String sheetName(String key) {
        return sheetNames.get(key);
    }

    // ---- cells --------------------------------------------------------------------------------------------

    public Cell cell(Sheet s, int row, int col) {
        return ReportTemplate.cellAt(s, row, col);
    }

    /** Writes text (labels or data from the exports) as a string cell; formula-like text gets the quote prefix. */
    public Cell text(Sheet s, int row, int col, String text, String styleKey) {
        Cell c = cell(s, row, col);
        TextCells.write(c, text, styleKey == null ? null : template.style(styleKey),
                template.quotedStyle(styleKey == null ? "text" : styleKey));
        return c;
    }

    /** Writes into the cell of a defined name, keeping the template's style unless one is given. */
    public Cell textAt(String definedName, String text, String styleKey) {
        Cell c = template.cell(definedName);
        CellStyle keep = c.getCellStyle();
        TextCells.write(c, text, styleKey == null ? keep : template.style(styleKey),
                template.quotedStyle(styleKey == null ? "text" : styleKey));
        return c;
    }

    public Cell number(Sheet s, int row, int col, Double value, String styleKey) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return text(s, row, col, messages.get("value.none"), "rag_none");
        }
        Cell c = cell(s, row, col);
        c.setCellValue(value);
        c.setCellStyle(template.style(styleKey));
        return c;
    }

    public Cell dateTime(Sheet s, int row, int col, Instant instant) {
        Cell c = cell(s, row, col);
        if (instant == null) {
            c.setCellStyle(template.style("text"));
            return c;
        }
        c.setCellValue(local(instant));
        c.setCellStyle(template.style("datetime"));
        return c;
    }

    public LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, input.zone());
    }

    public String minutes(Instant instant) {
        return instant == null ? messages.get("value.none") : local(instant).format(MINUTES);
    }

    /** The header of a KPI-by-period table: KPI, the day, week and month labels, then any extra columns. */
    public void periodHeader(Sheet s, int row, int col, String... extra) {
        List<String> labels = new java.util.ArrayList<>(List.of(messages.get("col.kpi"),
                periodLabel(PeriodType.DAY), periodLabel(PeriodType.WEEK), periodLabel(PeriodType.MONTH)));
        for (String e : extra) {
            labels.add(messages.get(e));
        }
        header(s, row, col, labels);
        // the period labels carry the as-of time ("Week 2026-W47 as of 11-23 06:00"): wrapped on up to three lines
        for (int i = 0; i < labels.size(); i++) {
            s.getRow(row).getCell(col + i).setCellStyle(wrappedHeader());
        }
        s.getRow(row).setHeightInPoints(Math.max(s.getRow(row).getHeightInPoints(), 42));
    }

    /** One header row. */
    public void header(Sheet s, int row, int col, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            text(s, row, col + i, labels.get(i), "header");
        }
        s.getRow(row).setHeightInPoints(Math.max(s.getDefaultRowHeightInPoints(), 30));
    }

    /** The change-of-a-share style: the template's {@code change_share} cell with the bundle's points format ("+1.8 pt"). */
    public CellStyle pointsStyle() {
        return derivedStyle("points", () -> {
            XSSFCellStyle p = workbook().createCellStyle();
            p.cloneStyleFrom(template.style("change_share"));
            p.setDataFormat(workbook().createDataFormat().getFormat(messages.get("format.points")));
            return p;
        });
    }

    /** The template's header style, wrapped and centred (long KPI names as column headers). */
    public CellStyle wrappedHeader() {
        return derivedStyle("wrapped_header", () -> {
            XSSFCellStyle h = workbook().createCellStyle();
            h.cloneStyleFrom(template.style("header"));
            h.setWrapText(true);
            h.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.CENTER);
            return h;
        });
    }

    public CellStyle wrapText() {
        if (wrapText == null) {
            XSSFCellStyle w = workbook().createCellStyle();
            w.cloneStyleFrom(template.style("text"));
            w.setWrapText(true);
            w.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.CENTER);
            wrapText = w;
        }
        return wrapText;
    }

    /** A style derived from the template's styles, created once per key. */
    public CellStyle derivedStyle(String key, java.util.function.Supplier<CellStyle> make) {
        return derived.computeIfAbsent(key, k -> make.get());
    }

    /** A link to the top-left cell of another sheet of the workbook. */
    public void link(Sheet s, int row, int col, String label, String sheetKey) {
        Cell c = text(s, row, col, label, "link");
        Hyperlink h = workbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        h.setAddress("'" + sheetName(sheetKey).replace("'", "''") + "'!A1");
        c.setHyperlink(h);
    }

    /** The sheet title (with arguments) and the note line under it. */
    public void titleAndNote(String sheetKey, String title, String note) {
        textAt(sheetKey + "_title", title, null);
        if (note != null) {
            textAt(sheetKey + "_note", note, null);
        }
    }

    // ---- KPI values ---------------------------------------------------------------------------------------

    public Optional<KpiValue> all(PeriodType type, String kpi) {
        return lookup.all(type, input.businessDate(), kpi);
    }

    public KpiTarget target(String kpi) {
        return input.targets().get(kpi);
    }

    public Rag rag(String kpi, Double value) {
        KpiTarget t = target(kpi);
        return t == null || value == null ? null : t.status(value);
    }

    public String ragStyle(Rag rag) {
        return rag == null ? "rag_none" : "rag_" + rag.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String ragLabel(Rag rag) {
        return rag == null ? messages.get("rag.none") : messages.get("rag." + rag.name().toLowerCase(java.util.Locale.ROOT));
    }

    public static String unitStyle(Unit unit) {
        return switch (unit) {
            case SHARE -> "share";
            case HOURS -> "hours";
            case RATIO -> "ratio";
            case SCORE -> "score";
            case COUNT -> "count";
        };
    }

    public static String unitStyle(String kpi) {
        return unitStyle(KpiCatalog.unit(kpi));
    }

    /**
     * The period heading of a period type for the business date with the run's as-of time, e.g.
     * "Week 2026-W46 as of 11-23 06:00": the figures count every stored event, so a period is shown "as of" the
     * run, never "to date".
     */
    public String periodLabel(PeriodType type) {
        return messages.get("period." + type.label(), type.periodOf(input.businessDate()), asOfShort());
    }

    /** The as-of instant in the business zone, {@code MM-dd HH:mm}. */
    public String asOfShort() {
        return com.logisticskpi.report.ComparisonLabel.asOfShort(input.asOf(), input.zone());
    }

    // ---- charts ---------------------------------------------------------------------------------------------

    /** Pixel size of a cell range (column widths and row heights of the sheet). */
    public static int[] pixels(Sheet s, int row1, int col1, int row2, int col2) {
        double w = 0;
        for (int c = col1; c <= col2; c++) {
            w += s.getColumnWidthInPixels(c);
        }
        double h = 0;
        for (int r = row1; r <= row2; r++) {
            var row = s.getRow(r);
            float pt = row == null ? s.getDefaultRowHeightInPoints() : row.getHeightInPoints();
            h += pt * 96.0 / 72.0;
        }
        return new int[]{(int) Math.round(w), (int) Math.round(h)};
    }

    /**
     * Renders a chart to fit the range and places it at the range's top-left cell with its own size (a one-cell
     * anchor with the PNG's extent): the image keeps its aspect ratio whatever row heights a program computes
     * (LibreOffice squashed two-cell anchored charts by ~25 %). The range's rows get explicit heights, so that the
     * range is as tall in every program as the image.
     */
    public ChartImage chart(Sheet s, String fileName, JFreeChart chart, int row1, int col1, int row2, int col2) {
        chart.getPlot().setNoDataMessage(messages.get("value.no_data"));
        chart.getPlot().setNoDataMessageFont(com.logisticskpi.report.chart.ChartFonts.font(java.awt.Font.PLAIN, 16));
        for (int r = row1; r <= row2; r++) {
            var row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
            row.setHeightInPoints(row.getHeightInPoints());
        }
        int[] px = pixels(s, row1, col1, row2, col2);
        ChartImage img = charts.render(fileName, chart, px[0], px[1]);
        int pic = workbook().addPicture(img.png(), Workbook.PICTURE_TYPE_PNG);
        XSSFDrawing drawing = ((XSSFSheet) s).createDrawingPatriarch();
        XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, col1, row1, col2 + 1, row2 + 1);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        drawing.createPicture(anchor, pic);
        ChartAnchors.toOneCell(drawing, px[0], px[1]);
        chartBlocks.add(new PrintBreaks.Block(s, row1, row2, col2));
        images.add(img);
        return img;
    }

    /** Page breaks so that no chart is split across printed pages; call once every sheet is laid out. */
    public void breakPagesAroundCharts() {
        PrintBreaks.apply(chartBlocks);
    }

    /** Renders a chart over the range of a defined name. */
    public ChartImage chartAt(String definedName, String fileName, JFreeChart chart) {
        AreaReference a = template.area(definedName);
        CellReference f = a.getFirstCell();
        CellReference l = a.getLastCell();
        return chart(template.sheetOf(definedName), fileName, chart, f.getRow(), f.getCol(), l.getRow(), l.getCol());
    }
}
