package com.logisticskpi.report.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.report.TextCells;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Exceptions: every exception order (late, overdue, inaccurate, damaged, documents failed), streamed with SXSSF so
 * memory stays bounded whatever the count. Customer ids are masked; every text is a string cell. Above the cap the
 * rest is counted, not written, and the sheet says how many were left out and where the full CSV is.
 */
public final class ExceptionsSheet {

    public static final int COLUMNS = 11;

    private final int cap;

    public ExceptionsSheet(int cap) {
        this.cap = cap;
    }

    /** Header and title in the XSSF phase (before streaming starts). */
    public int prepare(SheetContext ctx) {
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("exceptions");
        ctx.titleAndNote("exceptions", m.get("exceptions.title"), m.get("exceptions.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.EXCEPTIONS_TABLE);
        ctx.header(s, t.getRow(), t.getCol(), List.of(m.get("col.order_id"), m.get("col.customer"), m.get("col.warehouse"),
                m.get("col.carrier"), m.get("col.region"), m.get("col.channel"), m.get("col.state"), m.get("col.due"),
                m.get("col.delivered"), m.get("col.hours_late"), m.get("col.flags")));
        s.setRepeatingRows(new CellRangeAddress(t.getRow(), t.getRow(), -1, -1));
        return t.getRow();
    }

    /** Streams the rows; returns {written, left out}. */
    public long[] stream(SheetContext ctx, SXSSFWorkbook sx, int headerRow) {
        var m = ctx.msg();
        var tpl = ctx.template();
        String sheetName = tpl.sheet("exceptions").getSheetName();
        Sheet s = sx.getSheet(sheetName);
        int col = tpl.cellRef(TemplateNames.EXCEPTIONS_TABLE).getCol();
        var text = tpl.style("text");
        var quoted = tpl.quotedStyle("text");
        var dt = tpl.style("datetime");
        var hours = tpl.style("hours");
        int row = headerRow + 1;
        long written = 0;
        long leftOut = 0;
        for (OrderOutcome o : ctx.input().exceptions()) {
            if (written >= cap) {
                leftOut++;
                continue;
            }
            Row r = s.createRow(row++);
            TextCells.write(r.createCell(col), o.orderId(), text, quoted);
            TextCells.write(r.createCell(col + 1), TextCells.maskCustomerId(o.customerId()), text, quoted);
            TextCells.write(r.createCell(col + 2), o.warehouse(), text, quoted);
            TextCells.write(r.createCell(col + 3), o.carrier(), text, quoted);
            TextCells.write(r.createCell(col + 4), o.region(), text, quoted);
            TextCells.write(r.createCell(col + 5), o.channel(), text, quoted);
            TextCells.write(r.createCell(col + 6), m.get("state." + o.state().name().toLowerCase(java.util.Locale.ROOT)), text, quoted);
            Cell due = r.createCell(col + 7);
            due.setCellStyle(dt);
            if (o.dueTime() != null) {
                due.setCellValue(ctx.local(o.dueTime()));
            }
            Cell del = r.createCell(col + 8);
            del.setCellStyle(dt);
            if (o.deliveredAt() != null) {
                del.setCellValue(ctx.local(o.deliveredAt()));
            }
            Cell late = r.createCell(col + 9);
            late.setCellStyle(hours);
            if (o.hoursLate() != null) {
                late.setCellValue(o.hoursLate());
            }
            TextCells.write(r.createCell(col + 10), flags(ctx, o), text, quoted);
            written++;
        }
        int last = Math.max(headerRow, row - 1);
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
        ctx.textAt(TemplateNames.note("exceptions"), note, null);
        if (leftOut > 0) {
            Row r = s.createRow(row + 1);
            TextCells.write(r.createCell(col), note, tpl.style("label"), tpl.quotedStyle("label"));
        }
        return new long[]{written, leftOut};
    }

    static String flags(SheetContext ctx, OrderOutcome o) {
        var m = ctx.msg();
        List<String> f = new ArrayList<>();
        if (o.state() == OrderOutcome.State.OVERDUE) {
            f.add(m.get("flag.overdue"));
        }
        if (o.delivered() && !Boolean.TRUE.equals(o.onTime())) {
            f.add(m.get("flag.late"));
        }
        if (o.delivered() && !Boolean.TRUE.equals(o.accurate())) {
            f.add(m.get("flag.inaccurate"));
        }
        if (Boolean.TRUE.equals(o.damaged())) {
            f.add(m.get("flag.damaged"));
        }
        if (o.delivered() && !Boolean.TRUE.equals(o.documentsOk())) {
            f.add(m.get("flag.documents"));
        }
        return String.join(", ", f);
    }
}
