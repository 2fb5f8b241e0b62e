package com.logisticskpi.report.sheet;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.ReportKind;
import com.logisticskpi.report.chart.ReportCharts;
import com.logisticskpi.report.template.ReportTemplate;
import com.logisticskpi.report.template.TemplateNames;

/**
 * What every sheet writer shares: the template, the labels, the report's input and kind, and three helpers a sheet
 * takes as it needs them: {@link #cells()} to write cells, {@link #kpis()} to look up values, targets and statuses,
 * {@link #charts()} to place charts.
 */
public final class SheetContext {

    private final ReportTemplate template;
    private final Messages messages;
    private final ReportInput input;
    private final ReportKind kind;
    private final Map<String, String> sheetNames = new HashMap<>();
    private final KpiView kpis;
    private final CellWriter cells;
    private final ChartPlacement charts;

    public SheetContext(ReportTemplate template, Messages messages, ReportInput input, ReportCharts charts) {
        this(template, messages, input, charts, ReportKind.DAILY);
    }

    public SheetContext(ReportTemplate template, Messages messages, ReportInput input, ReportCharts charts,
                        ReportKind kind) {
        this.kind = kind;
        this.template = template;
        this.messages = messages;
        this.input = input;
        for (String key : TemplateNames.SHEETS) {
            sheetNames.put(key, messages.get("sheet." + key));
        }
        sheetNames.put(CustomerServiceSheet.KEY, messages.get("sheet." + CustomerServiceSheet.KEY));
        this.kpis = new KpiView(input, messages);
        this.cells = new CellWriter(template, messages, input.zone(), kpis::periodLabel, sheetNames::get);
        this.charts = new ChartPlacement(template, messages, charts);
    }

    public ReportTemplate template() {
        return template;
    }

    public XSSFWorkbook workbook() {
        return template.workbook();
    }

    public Messages msg() {
        return messages;
    }

    public ReportInput input() {
        return input;
    }

    /** Daily, weekly or monthly: what the Summary leads with. */
    public ReportKind kind() {
        return kind;
    }

    /** The localised name the sheet of {@code key} will carry. */
    public String sheetName(String key) {
        return sheetNames.get(key);
    }

    /** Writes cells in the template's styles. */
    public CellWriter cells() {
        return cells;
    }

    /** Values, targets and statuses of the report's KPIs, and the headings of the business date's periods. */
    public KpiView kpis() {
        return kpis;
    }

    /** Places charts and remembers them for the PNG files and the page breaks. */
    public ChartPlacement charts() {
        return charts;
    }
}
