package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.SurveyProperties;

/**
 * The KPI engine (docs/kpi-engine.md): the three phases of a kpi run for a {@link KpiRequest}, each in its own class:
 * <ol>
 * <li>{@link CandidateStage}: the kpi_run row, the ABC segments of as_of (SQL revenue sums, ranking streamed) and the
 * candidate orders of the run's periods (set-based SQL into kpi_candidate), and their split into order-key ranges;</li>
 * <li>{@link OutcomeStage}: each candidate order's outcome built in Java from its lines, shipment and return rows,
 * written to order_outcome and kpi_return (one range per call; the partitioned jobs run it as a chunk-oriented step);</li>
 * <li>{@link FigureStage}: every figure per period and slice, the drivers of every period against the one before it
 * (kpis.md section 8: the candidates reach back to the periods before the run's, whose figures are driver inputs
 * only), stored with the run ({@link RunTables}).</li>
 * </ol>
 * Memory is bounded by one chunk of orders, one group's rank positions and the number of output cells, never by the
 * history. The wall clock is never read for a figure: as_of comes with the request.
 */
@Component
public class KpiEngine {

    private final DataSource dataSource;
    private final CandidateStage candidates;
    private final OutcomeStage outcomes;
    private final FigureStage figures;
    private final com.logisticskpi.base.Listeners<OutcomeListener> listeners = new com.logisticskpi.base.Listeners<>();

    @Autowired
    public KpiEngine(DataSource dataSource, KpiEngineProperties properties, SurveyProperties survey) {
        this(dataSource, properties, survey, Clock.systemUTC());
    }

    /** @param clock only stamps kpi_run.created_at (bookkeeping); no figure depends on it */
    public KpiEngine(DataSource dataSource, KpiEngineProperties properties, SurveyProperties survey, Clock clock) {
        this.dataSource = dataSource;
        this.candidates = new CandidateStage(dataSource, properties, clock);
        this.outcomes = new OutcomeStage(dataSource, properties);
        this.figures = new FigureStage(dataSource, properties, survey);
    }

    /** The complaint-handling time targets ({@code kpi.tickets.*}); the defaults of kpis.md section 10 otherwise. */
    @Autowired(required = false)
    public void setTicketProperties(TicketProperties tickets) {
        figures.setTicketProperties(tickets);
    }

    /** Tells {@code listener} about the outcome stage of every run in this process until the registration is closed. */
    public com.logisticskpi.base.Listeners.Registration listen(OutcomeListener listener) {
        return listeners.add(listener);
    }

    /**
     * One complete run in this process: {@link #prepare}, {@link #buildOutcomes} of every order, {@link #finish}.
     * A failure marks the run FAILED and is rethrown.
     */
    public KpiRunResult run(KpiRequest request, Long jobExecutionId) {
        return run(request, jobExecutionId, prepare(request, jobExecutionId));
    }

    /**
     * One complete nightly run in this process: as {@link #run}, on the outcome store ({@link #prepareNightly}). The
     * figures equal those of {@link #run} with the same request, but for the segment slices, which are written for
     * the report date's ({@code request.to()}) day, week and month only.
     */
    public KpiRunResult runNightly(KpiRequest request, Long jobExecutionId) {
        return run(request, jobExecutionId, prepareNightly(request, jobExecutionId));
    }

    private KpiRunResult run(KpiRequest request, Long jobExecutionId, long runId) {
        try {
            buildOutcomes(runId, request, OrderKeyRange.ALL);
            return finish(runId, request);
        } catch (RuntimeException e) {
            fail(runId);
            throw e;
        }
    }

    /**
     * Phase 1: stores the kpi_run row (RUNNING), assigns the ABC segments of as_of and selects the candidate
     * orders, in one transaction. Returns the run id the other phases take.
     */
    public long prepare(KpiRequest req, Long jobExecutionId) {
        return candidates.prepare(req, jobExecutionId, (runId, n) -> listeners.fire(l -> l.candidatesSelected(runId, n)));
    }

    /**
     * Phase 1 of a nightly run (unsliced): continues the outcome store ({@link RunMode#INCREMENTAL}: the candidates are
     * the orders whose rows changed since the store's last run and those that turned late) or builds it again
     * ({@link RunMode#REBUILD}). A sliced request is a {@link RunMode#FULL} run as with {@link #prepare}.
     */
    public long prepareNightly(KpiRequest req, Long jobExecutionId) {
        return candidates.prepare(req, jobExecutionId, figures,
                (runId, n) -> listeners.fire(l -> l.candidatesSelected(runId, n)));
    }

    /**
     * The candidate orders of a prepared run split into at most {@code parts} order-key ranges of about equal size
     * (fewer when there are fewer candidates); together they cover every order exactly once.
     */
    public List<OrderKeyRange> partition(long runId, int parts) {
        return candidates.partition(runId, parts);
    }

    /**
     * Phase 2: builds the outcomes (order_outcome, kpi_return) of the run's candidates in {@code range}, in one
     * transaction. Idempotent: outcomes of the range left by an earlier attempt are deleted first, so a partition
     * can be run again after a crash. Returns the number of outcomes written.
     */
    public long buildOutcomes(long runId, KpiRequest req, OrderKeyRange range) {
        return outcomes.buildOutcomes(runId, req, range, n -> candidatesBuilt(runId, n));
    }

    /**
     * Tells the listeners that {@code candidates} more candidate orders of run {@code runId} were built (the chunk
     * step's writer calls it after each committed chunk).
     */
    public void candidatesBuilt(long runId, long candidates) {
        listeners.fire(l -> l.candidatesBuilt(runId, candidates));
    }

    /**
     * Phase 3 (after every range's outcomes are built): computes every figure per period and slice, stores kpi_value,
     * marks the run COMPLETED and purges the details of old runs.
     */
    public KpiRunResult finish(long runId, KpiRequest req) {
        return figures.finish(runId, req);
    }

    /** Marks a run FAILED (best effort; used when a phase of it failed). */
    public void fail(long runId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            RunTables.markFailed(c, runId);
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
