package com.logisticskpi.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.kpi.service.ReportKpis;
import com.logisticskpi.report.ComparisonLabel;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportKind;

/**
 * Builds the mail digest of a run from the run's figures: the lead comparison of the report's kind (the same first
 * block as the workbook's Summary: the day, the ISO week or the month against the period before), every
 * {@link HeadlineKpi} with value, target, status, change and significance, the "why" of red and amber KPIs
 * ({@link KpiWhy}), a note on the workbook (attached, or where it is when above the cap), and a line when the run
 * restated figures of earlier reports ({@link #restated}).
 */
public final class MailDigestBuilder {

    /**
     * What the mail is about.
     *
     * @param kind         daily, weekly or monthly (the job's template)
     * @param businessDate the run's business date (last day of its period)
     * @param asOf         the run's as-of
     * @param zone         the business zone
     * @param messages     the job's language
     * @param subject      the job's subject with the period filled in
     * @param kpiRunId     the KPI run the figures come from (named in the footer)
     */
    public record Request(ReportKind kind, LocalDate businessDate, Instant asOf, ZoneId zone, Messages messages,
                          String subject, long kpiRunId) {
    }

    /** The workbook the mail goes with: attached when {@code sizeBytes <= capBytes}. */
    public record Workbook(Path path, long sizeBytes, long capBytes) {
        public boolean attached() {
            return sizeBytes <= capBytes;
        }
    }

    private final KpiWhy why;
    private final DigestCharts charts;
    private int restated;

    /** @param charts the mail's charts, or null for none (the terminal summary) */
    public MailDigestBuilder(KpiWhy why, DigestCharts charts) {
        this.why = why == null ? KpiWhy.NONE : why;
        this.charts = charts;
    }

    /**
     * How many figures of earlier reports the run changed (kpi.restate.RestatementFinder): above 0 the digest says so
     * under the comparison and points to the workbook's Summary, whose "Restated" section lists them.
     */
    public MailDigestBuilder restated(int count) {
        this.restated = count;
        return this;
    }

    public MailDigest build(Request r, List<KpiValue> values, Map<String, KpiTarget> targets, Workbook workbook) {
        Messages m = r.messages();
        DigestValues fmt = new DigestValues(m);
        KpiLookup lookup = new KpiLookup(values);
        ReportKind.Comparison lead = r.kind().lead(r.businessDate());
        List<DigestRow> rows = new ArrayList<>();
        for (HeadlineKpi kpi : HeadlineKpi.shown(HeadlineKpi.ticketsPresent(values))) {
            rows.add(row(r, m, fmt, lookup, lead, kpi, targets.get(kpi.id())));
        }
        long red = rows.stream().filter(x -> x.status() == Rag.RED).count();
        String subject = m.get("mail.subject_red", r.subject(), red);
        String heading = m.get("summary.title." + r.kind().key(), r.kind().periodLabel(r.businessDate()));
        String comparison = ComparisonLabel.of(m, lead, r.asOf(), r.zone());
        String note = workbook == null ? "" : workbook.attached()
                ? m.get("mail.attached", workbook.path().getFileName().toString(), megabytes(workbook.sizeBytes()))
                : m.get("mail.too_big", workbook.path().getFileName().toString(), megabytes(workbook.sizeBytes()),
                megabytes(workbook.capBytes()), workbook.path().toAbsolutePath().toString());
        List<MailDigest.Chart> pictures = charts == null ? List.of() : charts.render(r, m, lookup, targets, rows);
        return new MailDigest(subject, heading, comparison, note, workbook != null && !workbook.attached(), rows, pictures,
                m.get("mail.charts"), m.get("mail.footer", String.valueOf(r.kpiRunId())),
                restated > 0 ? m.get("mail.restated", restated) : "");
    }

    /** Convenience for the job: the run's figures and targets from its {@link ReportKpis}. */
    public MailDigest build(Request r, ReportKpis kpis, Map<String, KpiTarget> targets, Workbook workbook) {
        return build(r, kpis.values(), targets, workbook);
    }

    private DigestRow row(Request r, Messages m, DigestValues fmt, KpiLookup lookup, ReportKind.Comparison lead,
                          HeadlineKpi kpi, KpiTarget target) {
        KpiValue cur = lookup.get(lead.type(), lead.period(), KpiValue.ALL, KpiValue.ALL, kpi.id()).orElse(null);
        KpiValue prev = lookup.get(lead.type(), lead.against(), KpiValue.ALL, KpiValue.ALL, kpi.id()).orElse(null);
        String value = cur == null ? m.get("mail.no_data") : fmt.value(kpi, cur.value());
        String targetText = target == null ? ""
                : m.get("mail.target", (target.higherIsBetter() ? "≥ " : "≤ ") + fmt.value(kpi, target.target()));
        Rag status = cur == null || target == null ? null : target.status(cur.value());
        String word = status == null ? "" : m.get("rag." + status.name().toLowerCase(java.util.Locale.ROOT));
        String change = cur == null || prev == null ? "" : m.get("mail.change", fmt.change(kpi, cur.value() - prev.value()), lead.against());
        String significance = "";
        if (cur != null && prev != null && cur.isCountedShare() && prev.isCountedShare()) {
            significance = m.get(ReportKpis.significantChange(cur, prev) ? "mail.significant" : "mail.not_significant");
        }
        Optional<String> reason = status == Rag.RED || status == Rag.AMBER
                ? why.why(kpi, lead.period(), cur, status, m.locale()).filter(s -> !s.isBlank())
                : Optional.empty();
        return new DigestRow(kpi, m.get(kpi.nameKey()), value, targetText, status, word, change, significance, reason);
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
