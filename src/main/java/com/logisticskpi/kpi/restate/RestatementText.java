package com.logisticskpi.kpi.restate;

import java.util.List;
import java.util.Locale;

import com.logisticskpi.kpi.output.KpiValuesCsv;

/**
 * The restatements of one report as terminal text ({@code ./kpi restatements}): a heading naming the report, then one
 * line per figure with its value as reported and now exactly as kpi-values.csv writes them, and the report that
 * showed it. Slice values are export text: control characters are replaced by '?'.
 */
public final class RestatementText {

    static final String COLUMNS = "%-6s %-10s %-10s %-20s %-36s %-22s %-22s %s%n";

    private RestatementText() {
    }

    public static String render(ReportingRun report, List<Restatement> restatements) {
        StringBuilder b = new StringBuilder();
        b.append(report.describe()).append(" (execution ").append(report.jobExecutionId()).append("): ");
        if (restatements.isEmpty()) {
            return b.append("no figure of an earlier report restated\n").toString();
        }
        b.append(restatements.size()).append(restatements.size() == 1 ? " figure" : " figures")
                .append(" of earlier reports restated\n");
        b.append(String.format(Locale.ROOT, COLUMNS, "period", "label", "slice", "slice_value", "kpi", "as_reported", "now",
                "reported_by"));
        for (Restatement r : restatements) {
            b.append(String.format(Locale.ROOT, COLUMNS, r.periodType().label(), r.period(), r.slice(), clean(r.sliceValue()),
                    r.kpi(), KpiValuesCsv.plain(r.reported()), r.now() == null ? "-" : KpiValuesCsv.plain(r.now()),
                    r.reportedBy().describe()));
        }
        return b.toString();
    }

    /** Text from the exports with control characters (escape sequences, line breaks) replaced by '?'. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? '?' : cp));
        return b.toString();
    }
}
