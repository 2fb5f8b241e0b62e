package com.logisticskpi.report.sheet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.report.ReportInput.DataQualityRow;
import com.logisticskpi.report.template.TemplateNames;

/** Data quality: one row per export file with rows read, loaded, superseded, rejected (by reason) and orphans; a total row. */
public final class DataQualitySheet {

    public void write(SheetContext ctx) {
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("quality");
        ctx.titleAndNote("quality", m.get("quality.title"), m.get("quality.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.QUALITY_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        int header = row;
        ctx.header(s, row++, col, List.of(m.get("col.file"), m.get("col.kind"), m.get("col.status"), m.get("col.read"),
                m.get("col.loaded"), m.get("col.superseded"), m.get("col.rejected"), m.get("col.rejected_by_reason"),
                m.get("col.orphans")));
        long read = 0, loaded = 0, superseded = 0, rejected = 0, orphans = 0;
        for (DataQualityRow q : ctx.input().dataQuality()) {
            ctx.text(s, row, col, q.file(), "text");
            ctx.text(s, row, col + 1, q.kind(), "text");
            ctx.text(s, row, col + 2, q.status(), "text");
            ctx.number(s, row, col + 3, (double) q.read(), "count");
            ctx.number(s, row, col + 4, (double) q.loaded(), "count");
            ctx.number(s, row, col + 5, (double) q.superseded(), "count");
            ctx.number(s, row, col + 6, (double) q.rejectedTotal(), "count");
            ctx.text(s, row, col + 7, reasons(q.rejected()), "text");
            ctx.number(s, row, col + 8, (double) q.orphans(), "count");
            read += q.read();
            loaded += q.loaded();
            superseded += q.superseded();
            rejected += q.rejectedTotal();
            orphans += q.orphans();
            row++;
        }
        if (ctx.input().dataQuality().isEmpty()) {
            ctx.text(s, row++, col, m.get("value.no_data"), "note");
        } else {
            ctx.text(s, row, col, m.get("quality.total"), "label");
            ctx.number(s, row, col + 3, (double) read, "count");
            ctx.number(s, row, col + 4, (double) loaded, "count");
            ctx.number(s, row, col + 5, (double) superseded, "count");
            ctx.number(s, row, col + 6, (double) rejected, "count");
            ctx.number(s, row, col + 8, (double) orphans, "count");
        }
        s.createFreezePane(col + 1, header + 1);
        s.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
    }

    static String reasons(Map<String, Long> byReason) {
        return new TreeMap<>(byReason).entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
