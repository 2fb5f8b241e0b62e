package com.logisticskpi.delivery;

import java.util.List;

/**
 * The phone-first mail of a run: what {@link DigestHtml} and {@link DigestText} render.
 *
 * @param subject      the job's subject with the period and the number of red KPIs
 * @param heading      the report's title ("Weekly logistics service KPIs – 2026-W47")
 * @param comparison   "Week 2026-W47 as of 11-23 06:00 – compared with 2026-W46"
 * @param workbookNote "Attached: …" or where the too-big workbook is stored (shown at the top)
 * @param workbookTooBig true when the workbook is not attached
 * @param rows         the headline KPIs, in the order of the workbook's Summary
 * @param charts       3–4 small charts (content id, file name, alt text, PNG)
 * @param chartsTitle  heading above the charts
 * @param footer       where every figure can be traced
 * @param restated     "3 figures of earlier reports restated – see the Summary sheet" when the run changed figures of
 *                     earlier reports (late corrections), else empty
 */
public record MailDigest(String subject, String heading, String comparison, String workbookNote, boolean workbookTooBig,
                         List<DigestRow> rows, List<Chart> charts, String chartsTitle, String footer, String restated) {

    /** Logical width of a chart in the mail's 600 px column (the PNG has twice as many pixels). */
    public static final int CHART_WIDTH = 560;
    public static final int CHART_HEIGHT = 250;

    public MailDigest {
        rows = List.copyOf(rows);
        charts = List.copyOf(charts);
        restated = restated == null ? "" : restated;
    }

    /** An inline chart: referenced as {@code cid:<contentId>}, attached under {@code fileName}. */
    public record Chart(String contentId, String fileName, String alt, byte[] png) {
    }

    public long redCount() {
        return rows.stream().filter(r -> r.status() == com.logisticskpi.kpi.Rag.RED).count();
    }
}
