package com.logisticskpi.report.sheet;

import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.restate.Restatement;
import com.logisticskpi.kpi.restate.RestatementFinder;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.Messages;

/**
 * The Summary's "Restated" section, below the headline table, only when the run changed figures of earlier reports
 * (late corrections; docs/kpi-engine.md, "As reported and restatements"): a title with their number, then at most
 * {@value #MAX_ROWS} of them — the whole business's headline KPIs first, then the other KPIs of the whole business,
 * then the slices — each with KPI, period, slice, value as reported, value now, change (shares in points) and the
 * report that showed it; a last line says how many more {@code ./kpi restatements} lists.
 */
final class RestatedSection {

    static final int MAX_ROWS = 10;
    private static final int COL_PERIOD = 1, COL_SLICE = 2, COL_REPORTED = 3, COL_NOW = 4, COL_CHANGE = 5, COL_BY = 6;

    private RestatedSection() {
    }

    /** Writes the section from {@code row} (after one empty row) and returns the row after it; nothing when none. */
    static int write(SheetContext ctx, Sheet s, int row, int c0) {
        List<Restatement> all = ctx.input().restatements();
        if (all.isEmpty()) {
            return row;
        }
        Messages m = ctx.msg();
        row++;
        for (int i = 0; i < SummarySheet.COLUMNS; i++) {
            ctx.cells().text(s, row, c0 + i, i == 0 ? m.get("restated.title", all.size()) : "", "group");
        }
        s.addMergedRegion(new CellRangeAddress(row, row, c0, c0 + SummarySheet.COLUMNS - 1));
        row++;
        ctx.cells().header(s, row++, c0, List.of(m.get("col.kpi"), m.get("restated.col.period"), m.get("restated.col.slice"),
                m.get("restated.col.reported"), m.get("restated.col.now"), m.get("col.change"),
                m.get("restated.col.reported_by")));
        List<String> headline = KpiCatalog.headline(true);
        List<Restatement> shown = all.stream()
                .sorted(Comparator.comparing((Restatement r) -> !KpiValue.ALL.equals(r.slice()))
                        .thenComparing(r -> !headline.contains(r.kpi()))
                        .thenComparing(RestatementFinder.ORDER))
                .limit(MAX_ROWS).toList();
        for (Restatement r : shown) {
            restatedRow(ctx, s, row++, c0, r);
        }
        if (all.size() > shown.size()) {
            ctx.cells().text(s, row++, c0, m.get("restated.more", all.size() - shown.size()), "note");
        }
        return row;
    }

    private static void restatedRow(SheetContext ctx, Sheet s, int row, int c0, Restatement r) {
        Messages m = ctx.msg();
        String unit = KpiView.unitStyle(r.kpi());
        ctx.cells().text(s, row, c0, m.kpiName(r.kpi()), "text");
        ctx.cells().text(s, row, c0 + COL_PERIOD, m.get("period_type." + r.periodType().label()) + " " + r.period(), "text");
        String slice = KpiValue.ALL.equals(r.slice()) ? m.get("restated.slice_all")
                : m.get("slice." + r.slice()) + " " + r.sliceValue();
        ctx.cells().text(s, row, c0 + COL_SLICE, slice, "text");
        ctx.cells().number(s, row, c0 + COL_REPORTED, r.reported(), unit);
        var by = r.reportedBy();
        ctx.cells().text(s, row, c0 + COL_BY, m.get("restated.reported_by", by.job(), by.reportDate().toString(),
                String.valueOf(by.runId()), by.localAsOf()), "text");
        Double change = r.change();
        if (r.now() == null) {
            // left-aligned, with no change cell beside it: "no longer computed" runs on over the empty Change column
            ctx.cells().text(s, row, c0 + COL_NOW, m.get("restated.gone"), "text");
        } else {
            ctx.cells().number(s, row, c0 + COL_NOW, r.now(), unit);
        }
        if (change == null) {
            return;
        }
        if ("share".equals(unit)) {
            ctx.cells().number(s, row, c0 + COL_CHANGE, change * 100, "change_share");       // points, as the table above
            s.getRow(row).getCell(c0 + COL_CHANGE).setCellStyle(ctx.cells().pointsStyle());
        } else {
            ctx.cells().number(s, row, c0 + COL_CHANGE, change, "change_" + unit);
        }
    }
}
