package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.KpiValueOrder;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.drivers.DriverAnalysis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.DriverStore;

/**
 * The KPI engine (docs/kpi-engine.md): for a {@link KpiRequest} it
 * <ol>
 * <li>assigns the ABC segments of as_of (SQL revenue sums, ranking streamed),</li>
 * <li>selects the candidate orders of the run's periods (set-based SQL into kpi_candidate),</li>
 * <li>reads their lines, shipment and return rows chunk by chunk of candidates and builds each order's outcome in Java,
 * writing order_outcome and kpi_return,</li>
 * <li>computes every figure per period and slice (one pass over the outcomes for the counts; ordered streams for exact
 * percentiles, means and standard deviations; one pass over the surveys; the complaint figures of the optional
 * tickets export), and</li>
 * <li>stores kpi_run and kpi_value, and the drivers of every period against the one before it (kpi_driver,
 * kpis.md section 8: the candidates reach back to the periods before the run's, whose figures are driver inputs only).</li>
 * </ol>
 * Memory is bounded by one order, one group's rank positions and the number of output cells, never by the
 * history. The wall clock is never read for a figure: as_of comes with the request.
 */
@Component
public class KpiEngine {

    private static final Logger log = LoggerFactory.getLogger(KpiEngine.class);

    private final DataSource dataSource;
    private final KpiEngineProperties properties;
    private final SurveyProperties survey;
    private final Clock clock;
    private TicketProperties tickets = TicketProperties.defaults();
    private final com.logisticskpi.base.Listeners<OutcomeListener> listeners = new com.logisticskpi.base.Listeners<>();

    @org.springframework.beans.factory.annotation.Autowired
    public KpiEngine(DataSource dataSource, KpiEngineProperties properties, SurveyProperties survey) {
        this(dataSource, properties, survey, Clock.systemUTC());
    }

    /** @param clock only stamps kpi_run.created_at (bookkeeping); no figure depends on it */
    public KpiEngine(DataSource dataSource, KpiEngineProperties properties, SurveyProperties survey, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.survey = survey;
        this.clock = clock;
    }

    /** The complaint-handling time targets ({@code kpi.tickets.*}); the defaults of kpis.md section 10 otherwise. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setTicketProperties(TicketProperties tickets) {
        this.tickets = tickets;
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
        long runId = prepare(request, jobExecutionId);
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
        try (Connection work = dataSource.getConnection(); Connection stream = dataSource.getConnection()) {
            work.setAutoCommit(true);
            stream.setAutoCommit(true);
            long runId = RunTables.insertRun(work, req, jobExecutionId,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            try {
                long t0 = System.nanoTime();
                work.setAutoCommit(false);
                long customers = SegmentAssigner.assign(work, stream, runId, req.asOf(), req.zone(), properties.batchSize());
                int candidates = CandidateSelector.select(work, runId, wideStart(req), wideEnd(req));
                work.commit();
                work.setAutoCommit(true);
                log.info("kpi run {}: {} customers with revenue, {} candidate orders ({} ms)", runId, customers,
                        candidates, (System.nanoTime() - t0) / 1_000_000);
                listeners.fire(l -> l.candidatesSelected(runId, candidates));
                return runId;
            } catch (SQLException | RuntimeException e) {
                safeRollback(work);
                RunTables.markFailed(work, runId);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(req, e);
        }
    }

    /**
     * The candidate orders of a prepared run split into at most {@code parts} order-key ranges of about equal size
     * (fewer when there are fewer candidates); together they cover every order exactly once.
     */
    public List<OrderKeyRange> partition(long runId, int parts) {
        if (parts <= 1) {
            return List.of(OrderKeyRange.ALL);
        }
        try (Connection c = dataSource.getConnection()) {
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kpi_candidate WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            List<String> bounds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT order_id FROM kpi_candidate WHERE run_id = ? ORDER BY run_id, order_id LIMIT 1 OFFSET ?")) {
                for (int k = 1; k < parts; k++) {
                    long offset = count * k / parts;
                    if (offset <= 0 || offset >= count) {
                        continue;
                    }
                    ps.setLong(1, runId);
                    ps.setLong(2, offset);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(rs.getString(1)))) {
                            bounds.add(rs.getString(1));
                        }
                    }
                }
            }
            List<OrderKeyRange> ranges = new ArrayList<>();
            String from = null;
            for (String b : bounds) {
                ranges.add(new OrderKeyRange(from, b));
                from = b;
            }
            ranges.add(new OrderKeyRange(from, null));
            return ranges;
        } catch (SQLException e) {
            throw new IllegalStateException("KPI run " + runId + ": cannot partition the candidates: " + e.getMessage(), e);
        }
    }

    /**
     * Phase 2: builds the outcomes (order_outcome, kpi_return) of the run's candidates in {@code range}, in one
     * transaction. Idempotent: outcomes of the range left by an earlier attempt are deleted first, so a partition
     * can be run again after a crash. Returns the number of outcomes written.
     */
    public long buildOutcomes(long runId, KpiRequest req, OrderKeyRange range) {
        try (Connection work = dataSource.getConnection(); Connection stream = dataSource.getConnection()) {
            stream.setAutoCommit(true);
            // Ranges are built in parallel (partitioned steps): READ COMMITTED keeps InnoDB from taking gap locks in
            // the range DELETE, which would deadlock with the neighbouring range's inserts (H2 locks rows only).
            work.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            work.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                for (String table : new String[] {"order_outcome", "kpi_return"}) {
                    try (PreparedStatement ps = work.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?"
                            + range.condition("order_id"))) {
                        ps.setLong(1, runId);
                        range.bind(ps, 2);
                        ps.executeUpdate();
                    }
                }
                OutcomeBuilder builder = new OutcomeBuilder(req.zone(), req.asOf(), properties.damageWindowMicros(),
                        properties.cycleTargetMicros());
                long orders = OutcomeStage.run(stream, work, runId, range, builder, req.zone(), properties.batchSize(),
                        n -> listeners.fire(l -> l.candidatesBuilt(runId, n)));
                work.commit();
                log.info("kpi run {}: {} order outcomes built for orders {} ({} ms)", runId, orders, range,
                        (System.nanoTime() - t0) / 1_000_000);
                return orders;
            } catch (SQLException | RuntimeException e) {
                safeRollback(work);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(req, e);
        }
    }

    /**
     * Phase 3 (after every range's outcomes are built): computes every figure per period and slice, stores kpi_value,
     * marks the run COMPLETED and purges the details of old runs.
     */
    public KpiRunResult finish(long runId, KpiRequest req) {
        try (Connection work = dataSource.getConnection(); Connection stream = dataSource.getConnection();
             Jdbc.LazyReads lazy = Jdbc.lazyReads(stream)) {
            stream.setAutoCommit(true);
            work.setAutoCommit(false);
            try {
                return finish(work, stream, runId, req);
            } catch (SQLException | RuntimeException e) {
                safeRollback(work);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(req, e);
        }
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

    private KpiRunResult finish(Connection work, Connection stream, long runId, KpiRequest req) throws SQLException {
        int batch = properties.batchSize();
        Instant start = req.firstDate().atStartOfDay(req.zone()).toInstant();
        Instant end = req.endDate().atStartOfDay(req.zone()).toInstant();
        long t2 = System.nanoTime();
        try (PreparedStatement ps = work.prepareStatement("DELETE FROM kpi_candidate WHERE run_id = ?")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
        long orders;
        try (PreparedStatement ps = work.prepareStatement("SELECT COUNT(*) FROM order_outcome WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                orders = rs.getLong(1);
            }
        }
        work.commit();

        ValueSink sink = new ValueSink(req);
        OrderCohorts orderCohorts = new OrderCohorts(stream, runId, req.filter(), sink, properties.target(Kpi.ON_TIME_RATE.id()));
        orderCohorts.computeAll();
        long t3 = System.nanoTime();
        new SurveyCohorts(survey, req.zone(), req.filter(), sink).compute(stream, runId, start, end);
        long t4 = System.nanoTime();
        // complaint_rate and resolved_within_target_rate are driver KPIs: their tickets reach back to the periods before
        Instant driverStart = req.driverFirstDate().atStartOfDay(req.zone()).toInstant();
        new TicketCohorts(tickets, req, sink).compute(stream, runId, driverStart, end, orderCohorts.deliveredCounts());
        long t5 = System.nanoTime();
        log.info("kpi run {}: order figures {} ms, survey figures {} ms, ticket figures {} ms", runId,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        List<KpiValue> values = new ArrayList<>(sink.values());
        values.sort(KpiValueOrder.ORDER);
        List<DriverRow> drivers = DriverAnalysis.compute(sink.driverInputs(), sink.periods(req), properties::target);
        RunTables.insertValues(work, runId, values, batch);
        DriverStore.insert(work, runId, drivers, batch);
        RunTables.markDone(work, runId, orders, values.size());
        work.commit();
        RunTables.purgeDetails(work, runId, properties.keepDetailRuns());
        work.commit();
        work.setAutoCommit(true);
        log.info("kpi run {}: {} orders, {} figures, {} driver rows", runId, orders, values.size(), drivers.size());
        return new KpiRunResult(runId, req, orders, List.copyOf(values), drivers);
    }

    /** From the periods before the run's (the drivers compare with them), widened by a day. */
    private static Instant wideStart(KpiRequest req) {
        return req.driverFirstDate().minusDays(1).atStartOfDay(req.zone()).toInstant();
    }

    private static Instant wideEnd(KpiRequest req) {
        return req.endDate().plusDays(1).atStartOfDay(req.zone()).toInstant();
    }

    private static IllegalStateException failure(KpiRequest request, SQLException e) {
        return new IllegalStateException("KPI run " + request.from() + ".." + request.to() + " failed: " + e.getMessage(), e);
    }

    private static void safeRollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /** Writes of kpi_run and kpi_value. */
    static final class RunTables {

        private RunTables() {
        }

        static long insertRun(Connection c, KpiRequest r, Long jobExecutionId, Instant createdAt) throws SQLException {
            String sql = "INSERT INTO kpi_run (job_execution_id, created_at, as_of, zone_id, from_date, to_date, slice_filter, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING')";
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setLong(ps, 1, jobExecutionId);
                Jdbc.setInstant(ps, 2, createdAt);
                Jdbc.setInstant(ps, 3, r.asOf());
                ps.setString(4, r.zone().getId());
                Jdbc.setDate(ps, 5, r.from());
                Jdbc.setDate(ps, 6, r.to());
                ps.setString(7, r.filter() == null ? null : r.filter().toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        static void insertValues(Connection c, long runId, List<KpiValue> values, int batchSize) throws SQLException {
            String sql = "INSERT INTO kpi_value (run_id, period_type, period_label, slice_name, slice_value, kpi, numerator,"
                    + " denominator, kpi_val) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                OutcomeStage.Batch b = new OutcomeStage.Batch(ps, batchSize);
                for (KpiValue v : values) {
                    ps.setLong(1, runId);
                    ps.setString(2, v.periodType().label());
                    ps.setString(3, v.period());
                    ps.setString(4, v.slice());
                    ps.setString(5, v.sliceValue());
                    ps.setString(6, v.kpi());
                    Jdbc.setDouble(ps, 7, v.numerator());
                    Jdbc.setLong(ps, 8, v.denominator());
                    ps.setDouble(9, v.value());
                    b.add();
                }
                b.flush();
            }
        }

        static void markDone(Connection c, long runId, long orders, long values) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kpi_run SET status = 'COMPLETED', order_count = ?, value_count = ? WHERE run_id = ?")) {
                ps.setLong(1, orders);
                ps.setLong(2, values);
                ps.setLong(3, runId);
                ps.executeUpdate();
            }
        }

        /** Deletes the per-order details of finished runs older than the {@code keep} most recent runs. */
        static void purgeDetails(Connection c, long runId, int keep) throws SQLException {
            long threshold;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT run_id FROM kpi_run WHERE run_id <= ? ORDER BY run_id DESC LIMIT 1 OFFSET ?")) {
                ps.setLong(1, runId);
                ps.setInt(2, keep - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    threshold = rs.getLong(1);
                }
            }
            for (String table : new String[] {"order_outcome", "kpi_return", "kpi_segment", "kpi_candidate"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id IN (SELECT run_id"
                        + " FROM kpi_run WHERE run_id < ? AND status <> 'RUNNING')")) {
                    ps.setLong(1, threshold);
                    ps.executeUpdate();
                }
            }
        }

        static void markFailed(Connection c, long runId) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kpi_run SET status = 'FAILED' WHERE run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            } catch (SQLException ignored) {
                // best effort
            }
        }
    }
}
