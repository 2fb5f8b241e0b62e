package com.logisticskpi.report.template;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.logisticskpi.report.RagPalette;

/**
 * The built-in templates' named cell styles ({@link TemplateNames#STYLES}): Calibri 10, thin grey borders on table
 * cells, the number formats of each unit and of changes, dark-blue headers, and the status styles from
 * {@link RagPalette}. Users restyle them on the template's hidden Styles sheet.
 */
final class TemplateStyles {

    private static final String FONT = "Calibri";
    private final XSSFWorkbook wb;

    private TemplateStyles(XSSFWorkbook wb) {
        this.wb = wb;
    }

    /** Creates every named style in {@code wb}, in the order of the built-in templates. */
    static Map<String, XSSFCellStyle> create(XSSFWorkbook wb) {
        return new TemplateStyles(wb).build();
    }

    private Map<String, XSSFCellStyle> build() {
        Map<String, XSSFCellStyle> styles = new LinkedHashMap<>();
        XSSFFont normal = font(10, false, null);
        XSSFFont bold = font(10, true, null);
        XSSFFont white = font(10, true, "FFFFFF");
        XSSFFont title = font(16, true, "1F3864");
        XSSFFont subtitle = font(11, true, "1F3864");
        XSSFFont note = font(9, false, "595959");
        note.setItalic(true);
        XSSFFont link = font(10, false, "0563C1");
        link.setUnderline(XSSFFont.U_SINGLE);

        styles.put("title", style(title, null, null, false));
        styles.put("subtitle", style(subtitle, null, null, false));
        styles.put("label", style(bold, null, null, false));
        XSSFCellStyle header = style(white, "1F3864", null, true);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setAlignment(HorizontalAlignment.CENTER);
        styles.put("header", header);
        styles.put("group", style(subtitle, "D9E1F2", null, true));
        styles.put("text", style(normal, null, null, true));
        XSSFCellStyle noteStyle = style(note, null, null, false);
        styles.put("note", noteStyle);
        styles.put("link", style(link, null, null, false));
        styles.put("share", style(normal, null, "0.00%", true));
        styles.put("change_share", style(normal, null, "+0.00%;-0.00%;0.00%", true));
        styles.put("hours", style(normal, null, "0.0", true));
        styles.put("change_hours", style(normal, null, "+0.0;-0.0;0.0", true));
        styles.put("ratio", style(normal, null, "0.00", true));
        styles.put("change_ratio", style(normal, null, "+0.00;-0.00;0.00", true));
        styles.put("score", style(normal, null, "0.0", true));
        styles.put("change_score", style(normal, null, "+0.0;-0.0;0.0", true));
        styles.put("count", style(normal, null, "#,##0", true));
        styles.put("change_count", style(normal, null, "+#,##0;-#,##0;0", true));
        styles.put("date", style(normal, null, "yyyy-mm-dd", true));
        styles.put("datetime", style(normal, null, "yyyy-mm-dd hh:mm", true));
        // the statuses' cell colours (Excel's own "good / neutral / bad") come from the report's one palette
        for (RagPalette p : RagPalette.values()) {
            styles.put(p.styleKey(), centred(style(font(10, true, p.cellFont()), p.cellFill(), null, true)));
        }
        styles.put(RagPalette.NO_STATUS_STYLE, centred(style(normal, null, null, true)));
        return styles;
    }

    private static XSSFCellStyle centred(XSSFCellStyle s) {
        s.setAlignment(HorizontalAlignment.CENTER);
        return s;
    }

    private XSSFFont font(int points, boolean bold, String rgb) {
        XSSFFont f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        if (rgb != null) {
            f.setColor(color(rgb));
        }
        return f;
    }

    private XSSFCellStyle style(XSSFFont font, String fill, String format, boolean border) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        if (fill != null) {
            s.setFillForegroundColor(color(fill));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        if (format != null) {
            s.setDataFormat(wb.createDataFormat().getFormat(format));
        }
        if (border) {
            XSSFColor grey = color("BFBFBF");
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setBottomBorderColor(grey);
            s.setTopBorderColor(grey);
            s.setLeftBorderColor(grey);
            s.setRightBorderColor(grey);
        }
        return s;
    }

    private static XSSFColor color(String rgb) {
        return new XSSFColor(new byte[]{(byte) Integer.parseInt(rgb.substring(0, 2), 16),
                (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)}, null);
    }
}
