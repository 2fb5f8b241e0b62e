package com.logisticskpi.report.template;

import java.util.List;

/**
 * The defined names the writer looks for in the template. Every sheet is found through its {@code <sheet>_title}
 * name, so sheets can be reordered or renamed in Excel. A name with a range (charts) gives the size of the image.
 */
public final class TemplateNames {

    /** Sheet keys in the default order; the localised sheet name is {@code sheet.<key>} in the bundle. */
    public static final List<String> SHEETS = List.of(
            "summary", "trends", "breakdowns", "drivers", "cycle", "satisfaction", "returns", "exceptions", "quality", "definitions");

    /** Style cells on the hidden Styles sheet: {@code style_<key>}. */
    public static final List<String> STYLES = List.of(
            "title", "subtitle", "label", "header", "group", "text", "note", "link",
            "share", "change_share", "hours", "change_hours", "ratio", "change_ratio", "score", "change_score",
            "count", "change_count", "date", "datetime",
            "rag_green", "rag_amber", "rag_red", "rag_none");

    public static final String STYLES_SHEET = "Styles";

    /**
     * Optional: a cell (on the Styles sheet of the built-in templates) holding {@code daily}, {@code weekly} or
     * {@code monthly}; a template that says it is of another kind than the report asked for is refused.
     */
    public static final String REPORT_KIND = "report_kind";

    // one cell each
    public static final String SUMMARY_LOGO = "summary_logo";
    public static final String SUMMARY_DATE_LABEL = "summary_date_label";
    public static final String SUMMARY_DATE = "summary_date";
    public static final String SUMMARY_ASOF_LABEL = "summary_asof_label";
    public static final String SUMMARY_ASOF = "summary_asof";
    public static final String SUMMARY_FRESHNESS_LABEL = "summary_freshness_label";
    public static final String SUMMARY_FRESHNESS = "summary_freshness";
    public static final String SUMMARY_LINKS = "summary_links";
    public static final String SUMMARY_TABLE = "summary_table";
    public static final String TRENDS_CHARTS = "trends_charts";
    public static final String TRENDS_TABLE = "trends_table";
    public static final String BREAKDOWNS_TABLE = "breakdowns_table";
    public static final String BREAKDOWNS_CHART = "breakdowns_chart";
    public static final String DRIVERS_TABLE = "drivers_table";
    public static final String DRIVERS_CHART = "drivers_chart";
    public static final String CYCLE_TABLE = "cycle_table";
    public static final String CYCLE_SIGNALS = "cycle_signals";
    public static final String CYCLE_HISTOGRAM = "cycle_histogram";
    public static final String CYCLE_CONTROL_CHART = "cycle_control_chart";
    public static final String SATISFACTION_TABLE = "satisfaction_table";
    public static final String SATISFACTION_DIMS = "satisfaction_dims";
    public static final String SATISFACTION_TREND = "satisfaction_trend";
    public static final String SATISFACTION_QUADRANT = "satisfaction_quadrant";
    public static final String RETURNS_TABLE = "returns_table";
    public static final String RETURNS_REASONS = "returns_reasons";
    public static final String RETURNS_PARETO = "returns_pareto";
    public static final String RETURNS_TREND = "returns_trend";
    public static final String EXCEPTIONS_TABLE = "exceptions_table";
    public static final String QUALITY_TABLE = "quality_table";
    public static final String DEFINITIONS_TABLE = "definitions_table";

    private TemplateNames() {
    }

    public static String title(String sheetKey) {
        return sheetKey + "_title";
    }

    public static String note(String sheetKey) {
        return sheetKey + "_note";
    }

    public static String style(String key) {
        return "style_" + key;
    }
}
