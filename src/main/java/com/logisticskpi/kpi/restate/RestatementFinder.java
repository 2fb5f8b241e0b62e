package com.logisticskpi.kpi.restate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.engine.TicketProperties;
import com.logisticskpi.kpi.store.KpiRunRepository;

/**
 * The restatements of a run (docs/kpi-engine.md, "As reported and restatements"): the figures the last report before
 * it showed for a period that had already ended at that report's as-of, whose value this run changed (or no longer
 * has). Read from the stored figures of both runs (kpi_value); nothing is recomputed.
 * <ul>
 * <li>Only figures the report showed as final ({@link FinalFigures}): the period had ended at its as-of (a day, week
 * or month still under way grows every night by design), a complaint-handling clock had run out, not a figure that
 * states how things stand at as-of (pending orders, open complaints).</li>
 * <li>Not the {@code segment} slice: the ABC classes are assigned anew by every run from the 90 days before its
 * as-of (kpis.md), so customers move between classes every night without any data changing.</li>
 * <li>Equal within {@link FigureComparison}; a figure the run no longer has is listed (value now empty) when the run
 * covered its period.</li>
 * </ul>
 */
@Service
public class RestatementFinder {

    private static final String CHANGED = """
            SELECT p.period_type, p.period_label, p.slice_name, p.slice_value, p.kpi, p.kpi_val AS reported,
                   v.kpi_val AS now_val
              FROM kpi_value p
              LEFT JOIN kpi_value v ON v.run_id = ? AND v.period_type = p.period_type AND v.period_label = p.period_label
                   AND v.slice_name = p.slice_name AND v.slice_value = p.slice_value AND v.kpi = p.kpi
             WHERE p.run_id = ? AND p.slice_name <> 'segment' AND (v.run_id IS NULL OR v.kpi_val <> p.kpi_val)
            """;

    /** Sorted as kpi-values.csv: day, week, month; period; slice; slice value; KPI. */
    public static final Comparator<Restatement> ORDER = Comparator
            .comparing((Restatement r) -> r.periodType().ordinal())
            .thenComparing(Restatement::period)
            .thenComparingInt(r -> Slice.rank(r.slice()))
            .thenComparing(Restatement::sliceValue)
            .thenComparing(Restatement::kpi);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestatementFinder.class);

    private final KpiRunRepository runs;
    private final ReportingRuns reports;
    private final JdbcTemplate jdbc;
    private final FinalFigures finalFigures;
    private volatile Cached last;

    public RestatementFinder(KpiRunRepository runs, ReportingRuns reports, JdbcTemplate jdbc,
                             org.springframework.beans.factory.ObjectProvider<TicketProperties> tickets) {
        this.runs = runs;
        this.reports = reports;
        this.jdbc = jdbc;
        this.finalFigures = new FinalFigures(tickets.getIfAvailable());
    }

    /**
     * The restatements of the kpi run {@code runId} against the last report before it; empty when there is none.
     * The last answer is kept: a nightly asks three times (workbook, mail, terminal summary) and the figures of a
     * completed run never change, so the same pair of runs gives the same list.
     */
    public List<Restatement> of(long runId) {
        long start = System.nanoTime();
        KpiRunRepository.KpiRun run = runs.run(runId)
                .orElseThrow(() -> new IllegalArgumentException("no kpi run " + runId));
        Optional<ReportingRun> previous = reports.previous(runId, run.asOf());
        if (previous.isEmpty()) {
            return List.of();
        }
        String pair = runId + "/" + previous.get().runId();
        Cached cached = last;
        if (cached != null && cached.pair.equals(pair)) {
            return cached.restatements;
        }
        List<Restatement> out = List.copyOf(compare(run, previous.get()));
        last = new Cached(pair, out);
        LOG.info("restatements of kpi run {} against {}: {} figures in {} ms", runId, previous.get().describe(), out.size(),
                (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    private record Cached(String pair, List<Restatement> restatements) {
    }

    /** The figures of {@code earlier}'s ended periods that {@code run} changed. */
    List<Restatement> compare(KpiRunRepository.KpiRun run, ReportingRun earlier) {
        List<Restatement> out = new ArrayList<>();
        jdbc.query(CHANGED, ps -> {
            ps.setLong(1, run.runId());
            ps.setLong(2, earlier.runId());
        }, (ResultSet rs) -> {
            Restatement r = row(rs, earlier);
            if (finalFigures.wasFinal(r.periodType(), r.period(), r.kpi(), earlier) && (r.now() == null ? covers(run, r)
                    : FigureComparison.differs(r.reported(), r.now()))) {
                out.add(r);
            }
        });
        out.sort(ORDER);
        return out;
    }

    private static Restatement row(ResultSet rs, ReportingRun earlier) throws SQLException {
        return new Restatement(PeriodType.fromLabel(rs.getString("period_type")), rs.getString("period_label"),
                rs.getString("slice_name"), rs.getString("slice_value"), rs.getString("kpi"), rs.getDouble("reported"),
                Jdbc.getDouble(rs, "now_val"), earlier);
    }

    /** Whether {@code run} computed the restatement's period (every period touching its date range, in full). */
    private static boolean covers(KpiRunRepository.KpiRun run, Restatement r) {
        LocalDate start = r.periodType().startOf(r.period());
        return !start.isAfter(run.to()) && r.periodType().end(start).isAfter(run.from());
    }
}
