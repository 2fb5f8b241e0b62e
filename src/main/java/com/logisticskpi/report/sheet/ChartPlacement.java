package com.logisticskpi.report.sheet;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.jfree.chart.JFreeChart;

import com.logisticskpi.report.Messages;
import com.logisticskpi.report.chart.ChartFonts;
import com.logisticskpi.report.chart.ChartImage;
import com.logisticskpi.report.chart.ReportCharts;
import com.logisticskpi.report.template.ReportTemplate;

/**
 * Places charts on the sheets: renders each to the pixel size of its cell range, anchors the picture at the range's
 * top-left cell with the image's own extent, keeps every image for the PNG files, and finally puts page breaks so
 * that no chart is split across printed pages.
 */
public final class ChartPlacement {

    private final ReportTemplate template;
    private final Messages messages;
    private final ReportCharts charts;
    private final List<ChartImage> images = new ArrayList<>();
    private final List<PrintBreaks.Block> chartBlocks = new ArrayList<>();

    ChartPlacement(ReportTemplate template, Messages messages, ReportCharts charts) {
        this.template = template;
        this.messages = messages;
        this.charts = charts;
    }

    /** Points from fewer orders (or responses) than this are drawn hollow grey and left out of axis ranges. */
    public int minOrders() {
        return charts.minOrders();
    }

    /** Every chart placed so far, in order. */
    public List<ChartImage> images() {
        return images;
    }

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
        chart.getPlot().setNoDataMessageFont(ChartFonts.font(Font.PLAIN, 16));
        for (int r = row1; r <= row2; r++) {
            var row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
            row.setHeightInPoints(row.getHeightInPoints());
        }
        int[] px = pixels(s, row1, col1, row2, col2);
        ChartImage img = charts.render(fileName, chart, px[0], px[1]);
        int pic = template.workbook().addPicture(img.png(), Workbook.PICTURE_TYPE_PNG);
        XSSFDrawing drawing = ((XSSFSheet) s).createDrawingPatriarch();
        XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, col1, row1, col2 + 1, row2 + 1);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        drawing.createPicture(anchor, pic);
        ChartAnchors.toOneCell(drawing, px[0], px[1]);
        chartBlocks.add(new PrintBreaks.Block(s, row1, row2, col2));
        images.add(img);
        return img;
    }

    /** Renders a chart over the range of a defined name. */
    public ChartImage chartAt(String definedName, String fileName, JFreeChart chart) {
        AreaReference a = template.area(definedName);
        CellReference f = a.getFirstCell();
        CellReference l = a.getLastCell();
        return chart(template.sheetOf(definedName), fileName, chart, f.getRow(), f.getCol(), l.getRow(), l.getCol());
    }

    /** Page breaks so that no chart is split across printed pages; call once every sheet is laid out. */
    public void breakPagesAroundCharts() {
        PrintBreaks.apply(chartBlocks);
    }
}
