package com.logisticskpi.delivery;

import java.util.Map;

import com.logisticskpi.kpi.Rag;

/**
 * The digest as phone-first HTML: one column at most 600 px wide that shrinks to the screen, one row per headline
 * KPI (name with target, change and "why" under it on the left; value and a coloured status badge with its word on
 * the right), then the charts at {@value MailDigest#CHART_WIDTH} px (width attribute) shrinking with
 * {@code max-width:100%}; under the comparison, a boxed line when the run restated figures of earlier reports. Inline
 * styles only (mail clients drop style sheets); every text is HTML-escaped.
 */
public final class DigestHtml {

    static final Map<Rag, String[]> BADGE = Map.of(          // background, text colour
            Rag.GREEN, new String[]{"#c8e6c9", "#1b5e20"},
            Rag.AMBER, new String[]{"#ffe0b2", "#7a4100"},
            Rag.RED, new String[]{"#ffcdd2", "#8e0000"});
    private static final String FONT = "Arial,'Helvetica Neue','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif";

    public String render(MailDigest d) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(Html.escape(d.subject())).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:0;background:#f2f2f2\">\n")
                .append("<div id=\"digest\" style=\"max-width:600px;margin:0 auto;background:#ffffff;font-family:").append(FONT)
                .append(";font-size:15px;line-height:1.35;color:#212121\">\n");
        b.append("<div style=\"padding:14px 16px 8px 16px\">\n")
                .append("<h1 style=\"font-size:19px;margin:0 0 4px 0;color:#1f3864\">").append(Html.escape(d.heading())).append("</h1>\n")
                .append("<p style=\"margin:0;font-size:13px;color:#555555\">").append(Html.escape(d.comparison())).append("</p>\n");
        if (!d.restated().isEmpty()) {
            b.append("<p id=\"restated\" style=\"margin:8px 0 0 0;padding:6px 10px;background:#e3f2fd;")
                    .append("border-left:4px solid #1f3864;font-size:13px\">").append(Html.escape(d.restated())).append("</p>\n");
        }
        if (!d.workbookNote().isEmpty()) {
            String style = d.workbookTooBig()
                    ? "margin:10px 0 0 0;padding:8px 10px;background:#fff3e0;border-left:4px solid #e69a00;font-size:13px;word-break:break-all"
                    : "margin:8px 0 0 0;font-size:13px;color:#555555";
            b.append("<p id=\"workbook-note\" data-workbook-note=\"1\" style=\"").append(style).append("\">")
                    .append(Html.escape(d.workbookNote())).append("</p>\n");
        }
        b.append("</div>\n");
        b.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" ")
                .append("style=\"width:100%;border-collapse:collapse;table-layout:fixed\">\n");
        for (DigestRow r : d.rows()) {
            row(b, r);
        }
        b.append("</table>\n");
        if (!d.charts().isEmpty()) {
            b.append("<h2 style=\"font-size:16px;margin:16px 16px 4px 16px;color:#1f3864\">").append(Html.escape(d.chartsTitle()))
                    .append("</h2>\n");
            for (MailDigest.Chart c : d.charts()) {
                b.append("<p style=\"margin:0;padding:4px 16px 8px 16px\"><img src=\"cid:").append(Html.escape(c.contentId()))
                        .append("\" width=\"").append(MailDigest.CHART_WIDTH).append("\" alt=\"").append(Html.escape(c.alt()))
                        .append("\" style=\"display:block;width:100%;max-width:").append(MailDigest.CHART_WIDTH)
                        .append("px;height:auto;border:0\"></p>\n");
            }
        }
        b.append("<p style=\"margin:8px 16px 16px 16px;font-size:12px;color:#777777\">").append(Html.escape(d.footer())).append("</p>\n");
        b.append("</div>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, DigestRow r) {
        String cell = "border-top:1px solid #e0e0e0;vertical-align:top;";
        b.append("<tr class=\"kpi-row\">")
                .append("<td style=\"").append(cell).append("padding:9px 6px 9px 16px;overflow-wrap:break-word\">")
                .append("<div style=\"font-weight:bold\">").append(Html.escape(r.name())).append("</div>");
        StringBuilder sub = new StringBuilder();
        for (String part : new String[]{r.target(), r.change(), r.significance()}) {
            if (!part.isEmpty()) {
                if (!sub.isEmpty()) {
                    sub.append(" · ");
                }
                // each part wraps as a whole ("+1.8 个百分点" never splits), the line breaks between parts
                sub.append("<span style=\"white-space:nowrap\">").append(Html.escape(part)).append("</span>");
            }
        }
        if (!sub.isEmpty()) {
            b.append("<div style=\"font-size:12px;color:#555555\">").append(sub).append("</div>");
        }
        r.why().ifPresent(w -> b.append("<div class=\"why\" style=\"font-size:12px;color:#333333\">")
                .append(Html.escape(w)).append("</div>"));
        b.append("</td><td style=\"").append(cell).append("width:112px;padding:9px 16px 9px 4px;text-align:right\">")
                .append("<div class=\"value\" style=\"font-size:17px;font-weight:bold;white-space:nowrap\">")
                .append(Html.escape(r.value())).append("</div>");
        if (r.status() != null) {
            String[] c = BADGE.get(r.status());
            b.append("<div class=\"status\" style=\"display:inline-block;margin-top:2px;padding:1px 7px;border-radius:3px;")
                    .append("font-size:12px;white-space:nowrap;background:").append(c[0]).append(";color:").append(c[1])
                    .append("\">&#9679; ").append(Html.escape(r.statusWord())).append("</div>");
        }
        b.append("</td></tr>\n");
    }
}
