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
        CellWriter cells = ctx.cells();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("quality");
        cells.titleAndNote("quality", m.get("quality.title"), m.get("quality.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.QUALITY_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        int header = row;
        cells.header(s, row++, col, List.of(m.get("col.file"), m.get("col.kind"), m.get("col.status"), m.get("col.read"),
                m.get("col.loaded"), m.get("col.superseded"), m.get("col.rejected"), m.get("col.rejected_by_reason"),
                m.get("col.orphans")));
        long read = 0, loaded = 0, superseded = 0, rejected = 0, orphans = 0;
        for (DataQualityRow q : ctx.input().dataQuality()) {
            cells.text(s, row, col, q.file(), "text");
            cells.text(s, row, col + 1, q.kind(), "text");
            cells.text(s, row, col + 2, q.status(), "text");
            cells.number(s, row, col + 3, (double) q.read(), "count");
            cells.number(s, row, col + 4, (double) q.loaded(), "count");
            cells.number(s, row, col + 5, (double) q.superseded(), "count");
            cells.number(s, row, col + 6, (double) q.rejectedTotal(), "count");
            cells.text(s, row, col + 7, reasons(q.rejected()), "text");
            cells.number(s, row, col + 8, (double) q.orphans(), "count");
            read += q.read();
            loaded += q.loaded();
            superseded += q.superseded();
            rejected += q.rejectedTotal();
            orphans += q.orphans();
            row++;
        }
        if (ctx.input().dataQuality().isEmpty()) {
            cells.text(s, row++, col, m.get("value.no_data"), "note");
        } else {
            cells.text(s, row, col, m.get("quality.total"), "label");
            cells.number(s, row, col + 3, (double) read, "count");
            cells.number(s, row, col + 4, (double) loaded, "count");
            cells.number(s, row, col + 5, (double) superseded, "count");
            cells.number(s, row, col + 6, (double) rejected, "count");
            cells.number(s, row, col + 8, (double) orphans, "count");
        }
        s.createFreezePane(col + 1, header + 1);
        s.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
    }

    static String reasons(Map<String, Long> byReason) {
        return new TreeMap<>(byReason).entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
