package com.logisticskpi.report.sheet;

import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.openxmlformats.schemas.drawingml.x2006.main.CTPositiveSize2D;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTDrawing;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTMarker;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTOneCellAnchor;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTPicture;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTTwoCellAnchor;

/**
 * Turns the picture POI just anchored to two cells into a one-cell anchor with an explicit extent (the chart's pixel
 * size in EMU). Excel and LibreOffice then draw the image at exactly that size and aspect ratio; with a two-cell
 * anchor each program stretches it to its own idea of the row heights.
 */
final class ChartAnchors {

    private ChartAnchors() {
    }

    static void toOneCell(XSSFDrawing drawing, int widthPx, int heightPx) {
        CTDrawing ct = drawing.getCTDrawing();
        int last = ct.sizeOfTwoCellAnchorArray() - 1;
        CTTwoCellAnchor two = ct.getTwoCellAnchorArray(last);
        long cx = (long) widthPx * Units.EMU_PER_PIXEL;
        long cy = (long) heightPx * Units.EMU_PER_PIXEL;
        CTOneCellAnchor one = ct.addNewOneCellAnchor();
        one.setFrom((CTMarker) two.getFrom().copy());
        CTPositiveSize2D ext = one.addNewExt();
        ext.setCx(cx);
        ext.setCy(cy);
        CTPicture pic = (CTPicture) two.getPic().copy();
        if (pic.getSpPr() != null && pic.getSpPr().getXfrm() != null && pic.getSpPr().getXfrm().getExt() != null) {
            pic.getSpPr().getXfrm().getExt().setCx(cx);
            pic.getSpPr().getXfrm().getExt().setCy(cy);
        }
        one.setPic(pic);
        one.addNewClientData();
        ct.removeTwoCellAnchor(last);
    }
}
