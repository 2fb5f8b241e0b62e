package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Manual page breaks so that no chart is split across printed pages. Every sheet prints landscape, fit to one page
 * wide: the scale is the printable width over the width of the used columns; walking down the rows (heights ×
 * scale, plus the repeated header rows on every page after the first), a chart that would cross the bottom of the
 * page starts a new page. 8 % of the page is kept in reserve for the programs' own rounding.
 */
final class PrintBreaks {

    /** A chart's rows on a sheet. */
    record Block(Sheet sheet, int firstRow, int lastRow, int lastCol) {
    }

    private static final double A4_LONG_IN = 297 / 25.4;
    private static final double A4_SHORT_IN = 210 / 25.4;
    private static final double RESERVE = 0.92;

    private PrintBreaks() {
    }

    static void apply(List<Block> blocks) {
        List<Sheet> sheets = new ArrayList<>();
        blocks.forEach(b -> {
            if (!sheets.contains(b.sheet())) {
                sheets.add(b.sheet());
            }
        });
        for (Sheet s : sheets) {
            List<Block> mine = blocks.stream().filter(b -> b.sheet() == s)
                    .sorted(Comparator.comparingInt(Block::firstRow)).toList();
            apply(s, merged(mine));
        }
    }

    /** Charts side by side (overlapping rows) are one block: they go onto a page together. */
    static List<Block> merged(List<Block> sorted) {
        List<Block> out = new ArrayList<>();
        for (Block b : sorted) {
            Block last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && b.firstRow() <= last.lastRow()) {
                out.set(out.size() - 1, new Block(b.sheet(), last.firstRow(), Math.max(last.lastRow(), b.lastRow()),
                        Math.max(last.lastCol(), b.lastCol())));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private static void apply(Sheet s, List<Block> blocks) {
        boolean landscape = s.getPrintSetup().getLandscape();
        double pageW = (landscape ? A4_LONG_IN : A4_SHORT_IN) - s.getMargin(PageMargin.LEFT) - s.getMargin(PageMargin.RIGHT);
        double pageH = (landscape ? A4_SHORT_IN : A4_LONG_IN) - s.getMargin(PageMargin.TOP) - s.getMargin(PageMargin.BOTTOM);
        int lastCol = blocks.stream().mapToInt(Block::lastCol).max().orElse(0);
        for (var row : s) {
            lastCol = Math.max(lastCol, row.getLastCellNum() - 1);
        }
        double usedW = 0;
        for (int c = 0; c <= lastCol; c++) {
            usedW += s.getColumnWidthInPixels(c) / 96.0;
        }
        double scale = s.getFitToPage() && usedW > pageW ? pageW / usedW : 1.0;
        double pagePt = pageH * 72 * RESERVE / scale; // page height in sheet points
        CellRangeAddress repeat = s.getRepeatingRows();
        double repeatPt = 0;
        if (repeat != null) {
            for (int r = repeat.getFirstRow(); r <= repeat.getLastRow(); r++) {
                repeatPt += height(s, r);
            }
        }
        int pageStart = 0;
        double used = 0;
        int row = 0;
        for (Block b : blocks) {
            for (; row < b.firstRow(); row++) {
                used += height(s, row);
                if (used > pagePt) { // an ordinary row overflows: the program breaks before it
                    pageStart = row;
                    used = repeatPt + height(s, row);
                }
            }
            double blockPt = 0;
            for (int r = b.firstRow(); r <= b.lastRow(); r++) {
                blockPt += height(s, r);
            }
            if (used + blockPt > pagePt && b.firstRow() > pageStart) {
                s.setRowBreak(b.firstRow() - 1);
                pageStart = b.firstRow();
                used = repeatPt;
            }
            used += blockPt;
            row = b.lastRow() + 1;
        }
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    }

    private static double height(Sheet s, int r) {
        var row = s.getRow(r);
        return row == null ? s.getDefaultRowHeightInPoints() : row.getHeightInPoints();
    }
}
