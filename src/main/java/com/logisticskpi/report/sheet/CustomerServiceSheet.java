package com.logisticskpi.report.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.TextCells;
import com.logisticskpi.report.chart.HistogramChart;
import com.logisticskpi.report.chart.ParetoChart;
import com.logisticskpi.report.chart.RankedBarChart;
import com.logisticskpi.report.template.PrintLayout;

/**
 * Customer service (kpis.md section 10, from the optional tickets export): the complaint figures for day, week and
 * month to date with targets and RAG, the month's complaint categories as a Pareto, the first-response and
 * resolution time distributions, the complaint rate by warehouse and by carrier, and the open complaints older than
 * the resolution target (customer ids masked). Without any loaded tickets file it says that the export is missing
 * and shows no figure. A template without a {@code customer_service_title} name gets the sheet created after Returns,
 * so that customised templates keep working.
 */
public final class CustomerServiceSheet {

    public static final String KEY = "customer_service";
    /** The figures of the table, in order. */
    public static final List<String> HEAD = List.of(Kpi.COMPLAINT_RATE.id(),
            Kpi.FIRST_RESPONSE_WITHIN_TARGET_RATE.id(), Kpi.FIRST_RESPONSE_HOURS_MEAN.id(),
            Kpi.FIRST_RESPONSE_HOURS_P90.id(), Kpi.RESOLVED_WITHIN_TARGET_RATE.id(), Kpi.OPEN_COMPLAINTS.id(),
            Kpi.RESOLUTION_HOURS_MEAN.id(), Kpi.RESOLUTION_HOURS_P90.id(), Kpi.REOPEN_RATE.id());
    static final String CATEGORY = Kpi.COMPLAINT_SHARE.id() + ".";
    private static final int CHART_ROWS = 19;
    private static final int LEFT_COLS = 5;   // A..E: tables
    private static final int RIGHT_COL = 5;   // F..L: charts beside them
    private static final int LAST_COL = 11;

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        var m = ctx.msg();
        Sheet s = sheet(ctx);
        ReportInput.CustomerService cs = ctx.input().customerService();
        cells.text(s, 0, 0, m.get("cs.title"), "title");
        cells.text(s, 1, 0, m.get("cs.note"), "note");
        if (!cs.exportLoaded()) {
            cells.text(s, 3, 0, m.get("cs.missing"), "label");
            cells.text(s, 4, 0, m.get("cs.missing_hint"), "note");
            return;
        }
        int row = figures(ctx, s, 3);
        row = categories(ctx, s, row + 1);
        row = distributions(ctx, s, cs, row + 1);
        s.setRowBreak(row); // printed: the slices start a new page, the charts above are not cut
        row = bySlice(ctx, s, "warehouse", row + 1);
        row = bySlice(ctx, s, "carrier", row + 1);
        s.setRowBreak(row);
        overdue(ctx, s, cs, row + 1);
    }

    /** The sheet of the template, or a new one after Returns when the template has none. */
    private static Sheet sheet(SheetContext ctx) {
        XSSFWorkbook wb = ctx.workbook();
        if (wb.getName(KEY + "_title") != null) {
            return ctx.template().sheet(KEY);
        }
        String name = ctx.sheetName(KEY);
        WorkbookUtil.validateSheetName(name);
        Sheet s = wb.createSheet(name);
        wb.setSheetOrder(name, wb.getSheetIndex(ctx.template().sheet("returns")) + 1);
        s.setColumnWidth(0, 34 * 256);
        for (int c = 1; c <= LAST_COL; c++) {
            s.setColumnWidth(c, 13 * 256);
        }
        // the overdue list: order id, category and opening time need more room
        s.setColumnWidth(1, 19 * 256);
        s.setColumnWidth(4, 24 * 256);
        s.setColumnWidth(5, 17 * 256);
        s.setDisplayGridlines(false);
        s.createFreezePane(0, 3); // title and note; the figures table moves it below its header
        PrintLayout.apply(s);                                    // prints as the template's sheets do
        return s;
    }

    private int figures(SheetContext ctx, Sheet s, int row) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        cells.periodHeader(s, row, 0, "col.target", "cs.status_day", "cs.status_week", "cs.status_month");
        s.createFreezePane(0, row + 1);
        row++;
        for (String kpi : HEAD) {
            cells.text(s, row, 0, m.kpiName(kpi), "text");
            int c = 1;
            List<Rag> rags = new ArrayList<>();
            List<KpiValue> found = new ArrayList<>();
            for (PeriodType type : SummarySheet.PERIODS) {
                KpiValue v = kpis.all(type, kpi).orElse(null);
                found.add(v);
                cells.number(s, row, c++, v == null ? null : v.value(), KpiView.unitStyle(kpi));
                rags.add(v == null ? null : kpis.rag(kpi, v.value()));
            }
            KpiTarget target = kpis.target(kpi);
            cells.number(s, row, c++, target == null ? null : target.target(), KpiView.unitStyle(kpi));
            for (int i = 0; i < rags.size(); i++) {
                String label = found.get(i) == null ? m.get("value.no_data") : kpis.ragLabel(rags.get(i));
                cells.text(s, row, c++, target == null ? m.get("value.none") : label, kpis.ragStyle(rags.get(i)));
            }
            row++;
        }
        return row;
    }

    private int categories(SheetContext ctx, Sheet s, int row) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        String period = PeriodType.MONTH.periodOf(ctx.input().businessDate());
        List<KpiValue> shares = new ArrayList<>();
        for (String kpi : kpis.lookup().kpisWithPrefix(PeriodType.MONTH, period, CATEGORY)) {
            kpis.all(PeriodType.MONTH, kpi).ifPresent(shares::add);
        }
        shares.sort(Comparator.comparingLong(KpiValue::numeratorCount).reversed().thenComparing(KpiValue::kpi));
        int top = row;
        cells.text(s, row++, 0, m.get("cs.categories", kpis.periodLabel(PeriodType.MONTH)), "subtitle");
        cells.header(s, row++, 0, List.of(m.get("col.category"), m.get("col.complaints"), m.get("col.share"),
                m.get("col.cumulative")));
        List<String> cats = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        double cum = 0;
        for (KpiValue v : shares) {
            String name = categoryName(ctx, v.kpi().substring(CATEGORY.length()));
            cats.add(name);
            counts.add(v.numeratorCount());
            cum += v.value();
            cells.text(s, row, 0, name, "text");
            cells.number(s, row, 1, v.numerator(), "count");
            cells.number(s, row, 2, v.value(), "share");
            cells.number(s, row, 3, Math.min(1.0, cum), "share");
            row++;
        }
        if (shares.isEmpty()) {
            cells.text(s, row++, 0, m.get("value.no_data"), "note");
        }
        charts.chart(s, "cs_categories_pareto.png", ParetoChart.create(m.get("cs.pareto_title",
                kpis.periodLabel(PeriodType.MONTH)), cats, counts, m.get("col.complaints"), m.get("col.cumulative")),
                top, RIGHT_COL, top + CHART_ROWS, LAST_COL);
        return Math.max(row, top + CHART_ROWS + 1);
    }

    private int distributions(SheetContext ctx, Sheet s, ReportInput.CustomerService cs, int row) {
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        String month = kpis.periodLabel(PeriodType.MONTH);
        charts.chart(s, "cs_first_response_histogram.png", histogram(m.get("cs.response_histogram", month,
                cs.responseHours().size()), cs.responseHours(), m.get("cs.hours_axis"), m.get("cs.tickets_axis")),
                row, 0, row + CHART_ROWS, LEFT_COLS - 1);
        charts.chart(s, "cs_resolution_histogram.png", histogram(m.get("cs.resolution_histogram", month,
                cs.resolutionHours().size()), cs.resolutionHours(), m.get("cs.hours_axis"), m.get("cs.tickets_axis")),
                row, RIGHT_COL, row + CHART_ROWS, LAST_COL);
        return row + CHART_ROWS + 1;
    }

    /** A histogram of hours with the Order cycle sheet's nice bins (empty: the chart says there is no data). */
    static org.jfree.chart.JFreeChart histogram(String title, List<Double> hours, String xLabel, String yLabel) {
        double max = hours.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<String> labels = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        if (!hours.isEmpty()) {
            double[] sorted = hours.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p95 = com.logisticskpi.kpi.engine.RankPicker.of(sorted, 0.95);
            CycleSheet.Bins bins = CycleSheet.Bins.of(p95 > 0 ? Math.min(max, p95 * 1.5) : max, max);
            long[] counts = new long[bins.count()];
            for (double h : hours) {
                counts[bins.index(h)]++;
            }
            for (long k : counts) {
                list.add(k);
            }
            labels = bins.labels();
        }
        return HistogramChart.create(title, xLabel, yLabel, labels, list);
    }

    /** Complaint rate of the month by the values of one slice, worst first, with a ranked bar chart beside. */
    private int bySlice(SheetContext ctx, Sheet s, String slice, int row) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        ChartPlacement charts = ctx.charts();
        var m = ctx.msg();
        String kpi = Kpi.COMPLAINT_RATE.id();
        String period = PeriodType.MONTH.periodOf(ctx.input().businessDate());
        List<KpiValue> rows = new ArrayList<>();
        for (String value : kpis.lookup().sliceValues(PeriodType.MONTH, period, slice)) {
            kpis.lookup().get(PeriodType.MONTH, period, slice, value, kpi).ifPresent(rows::add);
        }
        rows.sort(Comparator.comparingDouble(KpiValue::value).reversed().thenComparing(KpiValue::sliceValue));
        int top = row;
        cells.text(s, row++, 0, m.get("cs.by_slice", m.kpiName(kpi), m.get("slice." + slice),
                kpis.periodLabel(PeriodType.MONTH)), "subtitle");
        cells.header(s, row++, 0, List.of(m.get("slice." + slice), m.get("col.value"), m.get("col.complaints"),
                m.get("col.orders"), m.get("col.status")));
        List<String> cats = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        List<Rag> rags = new ArrayList<>();
        for (KpiValue v : rows) {
            Rag rag = kpis.rag(kpi, v.value());
            cells.text(s, row, 0, v.sliceValue(), "text");
            cells.number(s, row, 1, v.value(), "share");
            cells.number(s, row, 2, v.numerator(), "count");
            cells.number(s, row, 3, (double) v.denominator(), "count");
            cells.text(s, row, 4, kpis.ragLabel(rag), kpis.ragStyle(rag));
            cats.add(v.sliceValue());
            vals.add(v.value());
            rags.add(rag);
            row++;
        }
        if (rows.isEmpty()) {
            cells.text(s, row++, 0, m.get("value.no_data"), "note");
        }
        KpiTarget t = kpis.target(kpi);
        charts.chart(s, "cs_complaint_rate_" + slice + ".png", RankedBarChart.create(m.get("breakdowns.chart_title",
                m.kpiName(kpi), m.get("slice." + slice)), cats, vals, rags, t == null ? null : t.target(),
                Unit.SHARE, m.get("chart.target")), top, RIGHT_COL, top + CHART_ROWS, LAST_COL);
        return Math.max(row, top + CHART_ROWS + 1);
    }

    private void overdue(SheetContext ctx, Sheet s, ReportInput.CustomerService cs, int row) {
        CellWriter cells = ctx.cells();
        var m = ctx.msg();
        cells.text(s, row++, 0, m.get("cs.overdue", cs.overdueTotal()), "subtitle");
        cells.header(s, row++, 0, List.of(m.get("col.ticket"), m.get("col.order_id"), m.get("col.customer"),
                m.get("col.type"), m.get("col.category"), m.get("col.opened"), m.get("col.age_hours")));
        for (ReportInput.OverdueComplaint o : cs.overdue()) {
            cells.text(s, row, 0, o.ticketId(), "text");
            cells.text(s, row, 1, o.orderId() == null ? "" : o.orderId(), "text");
            cells.text(s, row, 2, TextCells.maskCustomerId(o.customerId()), "text");
            cells.text(s, row, 3, typeName(ctx, o.type()), "text");
            cells.text(s, row, 4, o.category() == null ? "" : categoryName(ctx, o.category()), "text");
            cells.dateTime(s, row, 5, o.opened());
            cells.number(s, row, 6, o.ageHours(), "hours");
            row++;
        }
        if (cs.overdue().isEmpty()) {
            cells.text(s, row, 0, m.get("cs.no_overdue"), "note");
        } else if (cs.overdueTotal() > cs.overdue().size()) {
            cells.text(s, row, 0, m.get("cs.overdue_capped", cs.overdue().size(), cs.overdueTotal()), "note");
        }
    }

    static String categoryName(SheetContext ctx, String code) {
        return ctx.msg().has("category." + code) ? ctx.msg().get("category." + code) + " (" + code + ")" : code;
    }

    private static String typeName(SheetContext ctx, String code) {
        return ctx.msg().has("ticket_type." + code) ? ctx.msg().get("ticket_type." + code) : code;
    }
}
