package com.logisticskpi.delivery;

/**
 * The digest as plain text (the text/plain alternative of the mail): heading, comparison, the restatements line when
 * there is one, the workbook note, then one
 * line per headline KPI ("On-time rate: 94.1 % – Off target (target ≥ 95.0 %), +1.8 pt vs 2026-W46, significant")
 * with its "why" indented under it, then the footer.
 */
public final class DigestText {

    public String render(MailDigest d) {
        StringBuilder b = new StringBuilder(2048);
        b.append(d.heading()).append('\n').append(d.comparison()).append('\n');
        if (!d.restated().isEmpty()) {
            b.append(d.restated()).append('\n');
        }
        if (!d.workbookNote().isEmpty()) {
            b.append('\n').append(d.workbookNote()).append('\n');
        }
        b.append('\n');
        for (DigestRow r : d.rows()) {
            b.append(r.name()).append(": ").append(r.value());
            if (r.status() != null) {
                b.append(" – ").append(r.statusWord());
            }
            StringBuilder rest = new StringBuilder();
            for (String part : new String[]{r.target(), r.change(), r.significance()}) {
                if (!part.isEmpty()) {
                    rest.append(rest.isEmpty() ? "" : ", ").append(part);
                }
            }
            if (!rest.isEmpty()) {
                b.append(" (").append(rest).append(')');
            }
            b.append('\n');
            r.why().ifPresent(w -> b.append("    ").append(w).append('\n'));
        }
        b.append('\n').append(d.footer()).append('\n');
        return b.toString();
    }
}
