package com.logisticskpi.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;

/**
 * The only way untrusted text (ids, names, comments from the exports) reaches a cell: always a string cell, never a
 * formula. Text that a spreadsheet could take for a formula when someone edits the cell ({@code = + - @}, tab, CR,
 * LF) gets the quote-prefix style, so Excel and LibreOffice keep it text even after editing.
 */
public final class TextCells {

    private TextCells() {
    }

    /** True when a spreadsheet would read {@code text} typed into a cell as a formula or command. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
    }

    /**
     * Writes {@code text} as a string cell. {@code quoted} is the cell's style with quote-prefix on (used when the
     * text looks like a formula); {@code plain} is used otherwise.
     */
    public static void write(Cell cell, String text, CellStyle plain, CellStyle quoted) {
        String safe = text == null ? "" : stripInvalidXml(text);
        cell.setCellValue(safe);
        CellStyle style = looksLikeFormula(safe) ? quoted : plain;
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Removes characters XML 1.0 cannot carry (control characters other than tab, CR, LF). */
    static String stripInvalidXml(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            if (!ok) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Masks a customer id for the workbook: the first two and last two characters stay, the middle becomes
     * {@code ****} whatever its length ({@code C10023489} → {@code C1****89}). Ids of 5–7 characters keep one
     * character each side, shorter ids become {@code ****}. Null or empty stays empty.
     */
    public static String maskCustomerId(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String s = id.strip();
        int keep = s.length() >= 8 ? 2 : s.length() >= 5 ? 1 : 0;
        return s.substring(0, keep) + "****" + s.substring(s.length() - keep);
    }
}
