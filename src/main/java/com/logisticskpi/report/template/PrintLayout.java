package com.logisticskpi.report.template;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/** How every sheet of the workbook prints: A4 landscape, one page wide, narrow margins, sheet name and page n / N. */
public final class PrintLayout {

    private PrintLayout() {
    }

    public static void apply(Sheet s) {
        PrintSetup ps = s.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setFitToPage(true);
        s.setMargin(Sheet.LeftMargin, 0.4);
        s.setMargin(Sheet.RightMargin, 0.4);
        s.setMargin(Sheet.TopMargin, 0.5);
        s.setMargin(Sheet.BottomMargin, 0.5);
        s.getFooter().setCenter("&P / &N");
        s.getHeader().setRight("&A");
    }
}
