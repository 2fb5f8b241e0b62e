package com.logisticskpi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading written workbooks back in tests. */
final class Workbooks {

    private Workbooks() {
    }

    static XSSFWorkbook open(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    static CellReference ref(XSSFWorkbook wb, String name) {
        return new AreaReference(wb.getName(name).getRefersToFormula(), SpreadsheetVersion.EXCEL2007).getFirstCell();
    }

    static AreaReference area(XSSFWorkbook wb, String name) {
        return new AreaReference(wb.getName(name).getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
    }

    static Sheet sheetOf(XSSFWorkbook wb, String name) {
        return wb.getSheet(ref(wb, name).getSheetName());
    }

    static Cell cell(Sheet s, int row, int col) {
        var r = s.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    /** The fill colour of a cell as RRGGBB, or null when it has no solid fill. */
    static String fill(Cell c) {
        XSSFCellStyle st = (XSSFCellStyle) c.getCellStyle();
        var color = st.getFillForegroundXSSFColor();
        if (color == null || st.getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND) {
            return null;
        }
        String argb = color.getARGBHex();
        return argb.substring(argb.length() - 6);
    }

    /**
     * Every zip entry's bytes, read through the central directory (SXSSF writes data descriptors with Zip64 extra
     * fields that java.util.zip.ZipInputStream cannot stream; Excel, LibreOffice and unzip read them fine).
     */
    static Map<String, byte[]> entries(Path xlsx) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    in.transferTo(b);
                    out.put(e.getName(), b.toByteArray());
                }
            }
        }
        return out;
    }
}
