package com.logisticskpi.report.sheet;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.ShareStatistics;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.ReportKind;
import com.logisticskpi.report.WhyText;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Summary: business date, as-of, data freshness, and one block per comparison of the report's kind
 * ({@link ReportKind#comparisons}: daily = day, week, month; weekly = week, month; monthly = month against the previous
 * month and against the same month last year) with every headline KPI: value, target, RAG, the compared period's
 * value, change (shares in percentage points), significance (two-proportion z-test, shares only) and the 95 % Wilson
 * interval (shares only), each row linking to its detail sheet.
 * "Why": for a red or amber figure compared with the period before it, the slice values that contribute most to its
 * change and to its gap, and for the on-time rate of a week or month the rate its pending orders still need
 * ({@link WhyText}); a year-ago block has no "why" (the drivers compare consecutive periods).
 * Below the table, when the run changed figures of earlier reports: the {@link RestatedSection}.
 */
public final class SummarySheet {

    /** Columns of the summary table, from its anchor. */
    public static final int COL_KPI = 0, COL_VALUE = 1, COL_TARGET = 2, COL_STATUS = 3, COL_PREVIOUS = 4,
            COL_CHANGE = 5, COL_SIGNIFICANT = 6, COL_CI_LOW = 7, COL_CI_HIGH = 8, COL_LINK = 9, COL_WHY = 10, COLUMNS = 11;

    /** Characters of the Why column per wrapped line (its template width is 70). */
    static final int WHY_LINE_WIDTH = 80;
    /** The periods the detail sheets show side by side (day, week, month of the business date). */
    public static final List<PeriodType> PERIODS = List.of(PeriodType.DAY, PeriodType.WEEK, PeriodType.MONTH);

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        ReportInput in = ctx.input();
        var m = ctx.msg();
        ReportKind kind = ctx.kind();
        Sheet s = ctx.template().sheet("summary");
        cells.textAt(TemplateNames.title("summary"), m.get("summary.title." + kind.key(), kind.periodLabel(in.businessDate())), null);
        cells.textAt(TemplateNames.SUMMARY_DATE_LABEL, m.get("summary.date"), null);
        Cell date = ctx.template().cell(TemplateNames.SUMMARY_DATE);
        date.setCellValue(in.businessDate());
        date.setCellStyle(ctx.template().style("date"));
        cells.textAt(TemplateNames.SUMMARY_ASOF_LABEL, m.get("summary.as_of", in.zone().getId()), null);
        Cell asOf = ctx.template().cell(TemplateNames.SUMMARY_ASOF);
        asOf.setCellValue(cells.local(in.asOf()));
        asOf.setCellStyle(ctx.template().style("datetime"));
        cells.textAt(TemplateNames.SUMMARY_FRESHNESS_LABEL, m.get("summary.freshness"), null);
        cells.textAt(TemplateNames.SUMMARY_FRESHNESS, freshness(ctx), "note");

        CellReference links = ctx.template().cellRef(TemplateNames.SUMMARY_LINKS);
        cells.text(s, links.getRow(), links.getCol(), m.get("summary.details"), "label");
        int col = links.getCol() + 1;
        for (String key : TemplateNames.SHEETS) {
            if (!key.equals("summary")) {
                cells.link(s, links.getRow(), col++, ctx.sheetName(key), key);
            }
        }

        CellReference anchor = ctx.template().cellRef(TemplateNames.SUMMARY_TABLE);
        int row = anchor.getRow();
        int c0 = anchor.getCol();
        cells.header(s, row, c0, List.of(m.get("col.kpi"), m.get("col.value"), m.get("col.target"), m.get("col.status"),
                m.get("col.previous"), m.get("col.change"), m.get("col.significant"), m.get("col.ci_low"),
                m.get("col.ci_high"), m.get("col.details"), m.get("col.why")));
        int headerRow = row;
        row++;
        WhyText why = new WhyText(m, in.drivers(), in.values(), in.targets());
        for (ReportKind.Comparison block : kind.comparisons(in.businessDate())) {
            for (int i = 0; i < COLUMNS; i++) {
                cells.text(s, row, c0 + i, i == 0 ? blockLabel(ctx, block) : "", "group");
            }
            s.addMergedRegion(new CellRangeAddress(row, row, c0, c0 + COLUMNS - 1));
            row++;
            for (String kpi : KpiCatalog.headline(in.customerService().exportLoaded())) {
                kpiRow(ctx, s, row, c0, block, kpi);
                whyCell(ctx, s, row++, c0, block.yearAgo() ? "" : why.line(block.type(), in.businessDate(), kpi));
            }
        }
        RestatedSection.write(ctx, s, row, c0);
        s.createFreezePane(c0 + 1, headerRow + 1);
        s.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    /** "Week 2026-W47 as of 11-23 06:00 – compared with 2026-W46" (or "… with 2025-11, the same month last year"). */
    public static String blockLabel(SheetContext ctx, ReportKind.Comparison block) {
        return com.logisticskpi.report.ComparisonLabel.of(ctx.msg(), block, ctx.input().asOf(), ctx.input().zone());
    }

    private static String freshness(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        ReportInput.Freshness f = ctx.input().freshness();
        if (f == null) {
            return ctx.msg().get("value.none");
        }
        String lag = f.newestEvent() == null ? ctx.msg().get("value.none")
                : String.format(java.util.Locale.ROOT, "%.1f",
                java.time.Duration.between(f.newestEvent(), ctx.input().asOf()).toMinutes() / 60.0);
        return ctx.msg().get("summary.freshness_text", cells.minutes(f.newestEvent()), cells.minutes(f.lastLoad()), lag);
    }

    private void kpiRow(SheetContext ctx, Sheet s, int row, int c0, ReportKind.Comparison block, String kpi) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        String unit = KpiView.unitStyle(kpi);
        cells.text(s, row, c0 + COL_KPI, m.kpiName(kpi), "text");
        KpiValue cur = kpis.lookup().get(block.type(), block.period(), KpiValue.ALL, KpiValue.ALL, kpi).orElse(null);
        KpiValue prev = kpis.lookup().get(block.type(), block.against(), KpiValue.ALL, KpiValue.ALL, kpi).orElse(null);
        KpiTarget target = kpis.target(kpi);
        cells.number(s, row, c0 + COL_VALUE, cur == null ? null : cur.value(), unit);
        if (target != null) {
            cells.number(s, row, c0 + COL_TARGET, target.target(), unit);
        } else {
            cells.text(s, row, c0 + COL_TARGET, m.get("value.none"), "rag_none");
        }
        Rag rag = cur == null ? null : kpis.rag(kpi, cur.value());
        cells.text(s, row, c0 + COL_STATUS, cur == null ? m.get("value.no_data") : kpis.ragLabel(rag), kpis.ragStyle(rag));
        cells.number(s, row, c0 + COL_PREVIOUS, prev == null ? null : prev.value(), unit);
        Double change = cur == null || prev == null ? null : cur.value() - prev.value();
        if (change != null && "share".equals(unit)) {
            // a change of a share is in percentage points: 0.9412 - 0.9231 is written as 1.81 and shown "+1.8 pt"
            cells.number(s, row, c0 + COL_CHANGE, change * 100, "change_share");
            s.getRow(row).getCell(c0 + COL_CHANGE).setCellStyle(cells.pointsStyle());
        } else {
            cells.number(s, row, c0 + COL_CHANGE, change, "change_" + unit);
        }
        if (cur != null && prev != null && cur.isCountedShare() && prev.isCountedShare()) {
            boolean sig = ShareStatistics.significantChange(cur.numeratorCount(), cur.denominator(), prev.numeratorCount(), prev.denominator());
            cells.text(s, row, c0 + COL_SIGNIFICANT, sig ? m.get("value.yes") : m.get("value.no"), "rag_none");
        } else {
            cells.text(s, row, c0 + COL_SIGNIFICANT, m.get("value.none"), "rag_none");
        }
        ShareStatistics.Interval ci = cur != null && cur.isCountedShare() ? ShareStatistics.wilson(cur.numeratorCount(), cur.denominator()) : null;
        cells.number(s, row, c0 + COL_CI_LOW, ci == null ? null : ci.low(), "share");
        cells.number(s, row, c0 + COL_CI_HIGH, ci == null ? null : ci.high(), "share");
        String detail = detailSheet(kpi);
        cells.link(s, row, c0 + COL_LINK, "→ " + ctx.sheetName(detail), detail);
    }

    private static void whyCell(SheetContext ctx, Sheet s, int row, int c0, String why) {
        CellWriter cells = ctx.cells();
        Cell c = cells.text(s, row, c0 + COL_WHY, why, "text");
        if (!why.isEmpty()) {
            c.setCellStyle(cells.wrapText());
            // room for every line of the wrapped text (a Chinese character is about two Latin ones wide)
            int width = why.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
            int lines = (width + WHY_LINE_WIDTH - 1) / WHY_LINE_WIDTH;
            if (lines > 1) {
                s.getRow(row).setHeightInPoints(Math.max(s.getRow(row).getHeightInPoints(), 13f * lines + 1));
            }
        }
    }

    /** The sheet that explains a headline KPI further. */
    public static String detailSheet(String kpi) {
        if (kpi.startsWith("cycle_")) {
            return "cycle";
        }
        if (kpi.equals(Kpi.CSI.id()) || kpi.equals(Kpi.CSAT.id()) || kpi.equals(Kpi.NPS.id())) {
            return "satisfaction";
        }
        if (kpi.equals(Kpi.RETURN_RATE.id())) {
            return "returns";
        }
        if (kpi.equals(com.logisticskpi.kpi.HeadlineKpi.COMPLAINT_RATE.id())
                || kpi.equals(com.logisticskpi.kpi.HeadlineKpi.RESOLVED_WITHIN_TARGET_RATE.id())) {
            return CustomerServiceSheet.KEY;
        }
        return "trends";
    }
}
