package com.logisticskpi.report.sheet;

import java.io.IOException;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.logisticskpi.report.TextCells;
import com.logisticskpi.report.exception.ExceptionCause;
import com.logisticskpi.report.exception.ExceptionClassifier;
import com.logisticskpi.report.exception.ExceptionRecord;
import com.logisticskpi.report.exception.ExceptionSpool;
import com.logisticskpi.report.exception.ExceptionsCsv;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Exceptions: every exception order with its root cause and owner, grouped by cause (most orders first) under a
 * table of the causes with their counts; per order its failing lines and parcels (docs/report.md, "Exception
 * causes"). The orders are diagnosed once into an {@link ExceptionSpool} (bounded memory) and streamed from it with
 * SXSSF. Customer ids are masked; every text is a string cell. Above the cap the rest is counted, not written, and
 * the sheet says how many were left out and where the full CSV is; the CSV is written from the same spool.
 */
public final class ExceptionsSheet implements AutoCloseable {

    public static final int COLUMNS = ExceptionRecord.COLUMN_KEYS.size();

    /** Column widths in characters (the columns changed meaning since the template's widths were set). */
    private static final int[] WIDTHS = {17, 11, 22, 15, 10, 15, 15, 8, 10, 8, 9, 8, 18, 44, 50};
    private static final int FAILING_LINES = 13;
    private static final int PARCELS = 14;

    private final int cap;
    private final ExceptionClassifier classifier;
    private final boolean rawCsv;
    private ExceptionSpool spool;

    /** @param rawCsv true: the exceptions CSV keeps text verbatim (kpi.output.raw-csv); false: formulas neutralised */
    public ExceptionsSheet(int cap, ExceptionClassifier classifier, boolean rawCsv) {
        this.cap = cap;
        this.classifier = classifier;
        this.rawCsv = rawCsv;
    }

    public ExceptionsSheet(int cap) {
        this(cap, new ExceptionClassifier(java.time.Duration.ofHours(ExceptionClassifier.DEFAULT_DISPATCH_ALLOWANCE_HOURS)),
                false);
    }

    /**
     * In the XSSF phase (before streaming starts): diagnoses the exceptions, writes the title, the causes table and
     * the header of the order list; returns the header row.
     */
    public int prepare(SheetContext ctx) throws IOException {
        CellWriter cells = ctx.cells();
        var m = ctx.msg();
        spool = ExceptionSpool.build(ctx.input().exceptions(), ctx.input().exceptionRows(), classifier, m, ctx.input().zone());
        Sheet s = ctx.template().sheet("exceptions");
        cells.titleAndNote("exceptions", m.get("exceptions.title"), m.get("exceptions.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.EXCEPTIONS_TABLE);
        int col = t.getCol();
        for (int i = 0; i < WIDTHS.length; i++) {
            s.setColumnWidth(col + i, WIDTHS[i] * 256);
        }
        int row = t.getRow();
        cells.text(s, row++, col, m.get("exceptions.by_cause"), "subtitle");
        cells.header(s, row, col, List.of(m.get("col.cause"), "", m.get("col.owner"), m.get("col.orders_count"), m.get("col.share")));
        s.addMergedRegion(new CellRangeAddress(row, row, col, col + 1));
        row++;
        long total = spool.total();
        for (ExceptionCause c : spool.groups()) {
            cells.text(s, row, col, m.get(c.messageKey()), "text");
            s.addMergedRegion(new CellRangeAddress(row, row, col, col + 1));
            cells.text(s, row, col + 2, m.get(c.owner().messageKey()), "text");
            cells.number(s, row, col + 3, (double) spool.count(c), "count");
            cells.number(s, row, col + 4, (double) spool.count(c) / total, "share");
            row++;
        }
        cells.text(s, row, col, m.get("exceptions.total"), "label");
        cells.number(s, row, col + 3, (double) total, "count");
        row += 2;
        cells.header(s, row, col, ExceptionRecord.COLUMN_KEYS.stream().map(m::get).toList());
        s.setRepeatingRows(new CellRangeAddress(row, row, -1, -1));
        return row;
    }

    /** Streams the rows from the spool; returns {written, left out}. */
    public long[] stream(SheetContext ctx, SXSSFWorkbook sx, int headerRow) throws IOException {
        CellWriter cells = ctx.cells();
        var m = ctx.msg();
        var tpl = ctx.template();
        Sheet s = sx.getSheet(tpl.sheet("exceptions").getSheetName());
        int col = tpl.cellRef(TemplateNames.EXCEPTIONS_TABLE).getCol();
        Styles st = new Styles(ctx);
        int[] row = {headerRow + 1};
        long[] counts = {0, 0};
        spool.forEach(r -> {
            if (counts[0] >= cap) {
                counts[1]++;
                return;
            }
            writeRow(s.createRow(row[0]++), col, r, st);
            counts[0]++;
        });
        long written = counts[0];
        long leftOut = counts[1];
        int last = Math.max(headerRow, row[0] - 1);
        s.setAutoFilter(new CellRangeAddress(headerRow, last, col, col + COLUMNS - 1));
        s.createFreezePane(col + 1, headerRow + 1);
        String note;
        if (leftOut > 0) {
            Path csv = ctx.input().exceptionsCsv();
            note = m.get("exceptions.capped", written, written + leftOut, leftOut,
                    csv == null ? m.get("exceptions.no_csv") : csv.toString());
        } else {
            note = m.get("exceptions.count", written);
        }
        // the note is both under the title (a template row, written when the workbook is saved) and after the table
        cells.textAt(TemplateNames.note("exceptions"), note, null);
        if (leftOut > 0) {
            Row r = s.createRow(row[0] + 1);
            TextCells.write(r.createCell(col), note, tpl.style("label"), tpl.quotedStyle("label"));
        }
        return new long[]{written, leftOut};
    }

    /**
     * The full list (not capped) under the file name of {@code exceptionsCsv} in the output directory
     * ({@code kpi-exceptions_<date>.csv}), written atomically; call after the workbook. Returns the file, or null
     * when the input names no CSV.
     */
    public Path writeCsv(SheetContext ctx, Path outDir) throws IOException {
        Path csv = ctx.input().exceptionsCsv();
        if (csv == null || spool == null) {
            return null;
        }
        Path target = com.logisticskpi.report.OutputPaths.inside(outDir, csv.getFileName().toString());
        com.logisticskpi.report.OutputPaths.replaceAtomically(target, tmp -> ExceptionsCsv.write(tmp, spool, rawCsv));
        return target;
    }

    @Override
    public void close() {
        if (spool != null) {
            spool.close();
        }
    }

    private static void writeRow(Row r, int col, ExceptionRecord e, Styles st) {
        String[] texts = {e.orderId(), e.maskedCustomer(), e.causeText(), e.ownerText(), e.state()};
        for (int i = 0; i < texts.length; i++) {
            TextCells.write(r.createCell(col + i), texts[i], st.text, st.quoted);
        }
        Cell due = r.createCell(col + 5);
        due.setCellStyle(st.dateTime);
        if (e.due() != null) {
            due.setCellValue(e.due());
        }
        Cell del = r.createCell(col + 6);
        del.setCellStyle(st.dateTime);
        if (e.delivered() != null) {
            del.setCellValue(e.delivered());
        }
        Cell late = r.createCell(col + 7);
        late.setCellStyle(st.hours);
        if (e.hoursLate() != null) {
            late.setCellValue(e.hoursLate());
        }
        String[] tail = {e.warehouse(), e.carrier(), e.region(), e.channel(), e.otherCauses()};
        for (int i = 0; i < tail.length; i++) {
            TextCells.write(r.createCell(col + 8 + i), tail[i], st.text, st.quoted);
        }
        TextCells.write(r.createCell(col + FAILING_LINES), e.failingLines(), st.wrap, st.wrapQuoted);
        TextCells.write(r.createCell(col + PARCELS), e.parcels(), st.wrap, st.wrapQuoted);
        // wrapped texts get the height of their lines (at most 8), so LibreOffice and Excel show the same
        int lines = Math.max(wrappedLines(e.failingLines(), WIDTHS[FAILING_LINES]), wrappedLines(e.parcels(), WIDTHS[PARCELS]));
        if (lines > 1) {
            r.setHeightInPoints(3f + 12.5f * Math.min(8, lines));
        }
    }

    static int wrappedLines(String text, int widthChars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        // the text style's font is smaller than the font column widths are measured in: ~1.15-1.3 characters per width unit (the lower, safe bound)
        return Math.max(1, (int) Math.ceil(TextWidth.of(text) / (widthChars * 1.15)));
    }

    /** The cell styles of a row. */
    private static final class Styles {
        final CellStyle text;
        final CellStyle quoted;
        final CellStyle dateTime;
        final CellStyle hours;
        final CellStyle wrap;
        final CellStyle wrapQuoted;

        Styles(SheetContext ctx) {
            CellWriter cells = ctx.cells();
            var tpl = ctx.template();
            text = tpl.style("text");
            quoted = tpl.quotedStyle("text");
            dateTime = tpl.style("datetime");
            hours = tpl.style("hours");
            wrap = cells.derivedStyle("exceptions_wrap", () -> wrapped(ctx, text));
            wrapQuoted = cells.derivedStyle("exceptions_wrap_quoted", () -> wrapped(ctx, quoted));
        }

        private static CellStyle wrapped(SheetContext ctx, CellStyle base) {
            CellStyle w = ctx.workbook().createCellStyle();
            w.cloneStyleFrom(base);
            w.setWrapText(true);
            w.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            return w;
        }
    }

    /** Rough display width of a text in character cells: CJK characters count two. */
    static final class TextWidth {
        private TextWidth() {
        }

        static double of(String s) {
            double w = 0;
            for (int i = 0; i < s.length(); i++) {
                w += Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN ? 2.6 : 1;
            }
            return w;
        }
    }

}
