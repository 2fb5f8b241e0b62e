package com.logisticskpi.report.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A4 landscape, margins 0.5 in all round, fit to one page wide, three narrow columns (scale 1): the printable height
 * is 210 mm = 8.268 in − 1 in = 7.268 in = 523.3 pt, with the 8 % reserve 481.4 pt. Rows are 15 pt.
 */
class PrintBreaksTests {

    static XSSFSheet sheet(XSSFWorkbook wb) {
        XSSFSheet s = wb.createSheet("s");
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        for (PageMargin m : List.of(PageMargin.LEFT, PageMargin.RIGHT, PageMargin.TOP, PageMargin.BOTTOM)) {
            s.setMargin(m, 0.5);
        }
        for (int r = 0; r < 200; r++) {
            s.createRow(r).setHeightInPoints(15);
            s.getRow(r).createCell(0).setCellValue("x");
        }
        return s;
    }

    @Test
    void aChartThatWouldCrossThePageBottomStartsANewPage() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = sheet(wb);
            // charts of 20 rows (300 pt) at rows 2-21, 24-43 (two side by side), 46-65
            var blocks = List.of(new PrintBreaks.Block(s, 2, 21, 2), new PrintBreaks.Block(s, 24, 43, 1),
                    new PrintBreaks.Block(s, 24, 43, 2), new PrintBreaks.Block(s, 46, 65, 2));
            PrintBreaks.apply(blocks);
            // page 1: rows 0-1 (30 pt) + chart 1 (300 pt) = 330; rows 22-23 (30) = 360; chart 2 would end at 660 > 481:
            // break after row 23. Page 2: chart 2 (300) + rows 44-45 (30) = 330; chart 3 would end at 630: break after 45
            assertThat(s.getRowBreaks()).containsExactly(23, 45);
        }
    }

    @Test
    void chartsThatFitTogetherGetNoBreakAndAChartTallerThanAPageIsNotMovedOffItsOwnPage() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = sheet(wb);
            // 10-row charts (150 pt) at rows 0-9 and 10-19: 300 pt, one page
            PrintBreaks.apply(List.of(new PrintBreaks.Block(s, 0, 9, 2), new PrintBreaks.Block(s, 10, 19, 2)));
            assertThat(s.getRowBreaks()).isEmpty();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = sheet(wb);
            // a 40-row chart (600 pt) at the top of the page: breaking before it would only add an empty page
            PrintBreaks.apply(List.of(new PrintBreaks.Block(s, 0, 39, 2)));
            assertThat(s.getRowBreaks()).isEmpty();
        }
    }

    @Test
    void chartsSideBySideAreOneBlock() {
        var a = new PrintBreaks.Block(null, 5, 20, 3);
        var b = new PrintBreaks.Block(null, 5, 20, 7);
        var c = new PrintBreaks.Block(null, 22, 30, 3);
        assertThat(PrintBreaks.merged(List.of(a, b, c))).containsExactly(new PrintBreaks.Block(null, 5, 20, 7), c);
    }
}
