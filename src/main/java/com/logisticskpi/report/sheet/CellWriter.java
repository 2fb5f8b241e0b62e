package com.logisticskpi.report.sheet;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.TextCells;
import com.logisticskpi.report.template.ReportTemplate;

/**
 * Writes cells safely in the template's styles: text (formula-like text gets the quote prefix), numbers (a missing
 * value shows the bundle's dash), business-zone times, header rows, links between sheets, and the few styles
 * derived from the template's (wrapped header, wrapped text, changes of shares in points), each created once.
 */
public final class CellWriter {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportTemplate template;
    private final Messages messages;
    private final ZoneId zone;
    private final Function<PeriodType, String> periodLabel;
    private final Function<String, String> sheetName;
    private final Map<String, CellStyle> derived = new HashMap<>();

    /**
     * @param periodLabel the column heading of a period of the business date ({@link KpiView#periodLabel})
     * @param sheetName   the localised name of the sheet of a key
     */
    CellWriter(ReportTemplate template, Messages messages, ZoneId zone, Function<PeriodType, String> periodLabel,
               Function<String, String> sheetName) {
        this.template = template;
        this.messages = messages;
        this.zone = zone;
        this.periodLabel = periodLabel;
        this.sheetName = sheetName;
    }

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

    /** A number in the style of {@code styleKey}; null, NaN and infinite values are written as the bundle's dash. */
    public Cell number(Sheet s, int row, int col, Double value, String styleKey) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return text(s, row, col, messages.get("value.none"), "rag_none");
        }
        Cell c = cell(s, row, col);
        c.setCellValue(value);
        c.setCellStyle(template.style(styleKey));
        return c;
    }

    /** An instant as a date-time of the business zone (an empty text cell when null). */
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
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** {@code yyyy-MM-dd HH:mm} in the business zone, or the bundle's dash. */
    public String minutes(Instant instant) {
        return instant == null ? messages.get("value.none") : local(instant).format(MINUTES);
    }

    /** The header of a KPI-by-period table: KPI, the day, week and month labels, then any extra columns. */
    public void periodHeader(Sheet s, int row, int col, String... extra) {
        List<String> labels = new ArrayList<>(List.of(messages.get("col.kpi"),
                periodLabel.apply(PeriodType.DAY), periodLabel.apply(PeriodType.WEEK), periodLabel.apply(PeriodType.MONTH)));
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

    /** A link to the top-left cell of the sheet of {@code sheetKey}. */
    public void link(Sheet s, int row, int col, String label, String sheetKey) {
        Cell c = text(s, row, col, label, "link");
        Hyperlink h = workbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        h.setAddress("'" + sheetName.apply(sheetKey).replace("'", "''") + "'!A1");
        c.setHyperlink(h);
    }

    /** The sheet title (with arguments) and the note line under it. */
    public void titleAndNote(String sheetKey, String title, String note) {
        textAt(sheetKey + "_title", title, null);
        if (note != null) {
            textAt(sheetKey + "_note", note, null);
        }
    }

    // ---- styles derived from the template's ------------------------------------------------------------------

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
            h.setVerticalAlignment(VerticalAlignment.CENTER);
            return h;
        });
    }

    /** The template's text style, wrapped and vertically centred. */
    public CellStyle wrapText() {
        return derivedStyle("wrap_text", () -> {
            XSSFCellStyle w = workbook().createCellStyle();
            w.cloneStyleFrom(template.style("text"));
            w.setWrapText(true);
            w.setVerticalAlignment(VerticalAlignment.CENTER);
            return w;
        });
    }

    /** A style derived from the template's styles, created once per key. */
    public CellStyle derivedStyle(String key, Supplier<CellStyle> make) {
        return derived.computeIfAbsent(key, k -> make.get());
    }

    private XSSFWorkbook workbook() {
        return template.workbook();
    }
}
