package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 1 of a kpi run: stores its kpi_run row (RUNNING), assigns the ABC segments of as_of and selects the candidate
 * orders of the run's periods; and splits the candidates into order-key ranges for the outcome stage.
 */
final class CandidateStage {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateStage.class);

    private final DataSource dataSource;
    private final KpiEngineProperties properties;
    private final Clock clock;

    /** @param clock only stamps kpi_run.created_at (bookkeeping); no figure depends on it */
    CandidateStage(DataSource dataSource, KpiEngineProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the run, its segments and its candidates in one transaction; returns the run id. {@code selected} is told
     * the run id and the number of candidate orders once they are committed.
     */
    long prepare(KpiRequest req, Long jobExecutionId, java.util.function.BiConsumer<Long, Long> selected) {
        return prepare(req, jobExecutionId, null, selected);
    }

    /**
     * As {@link #prepare(KpiRequest, Long, java.util.function.BiConsumer)}; with {@code store} (the nightly, unsliced)
     * the run continues the outcome store ({@link RunMode#INCREMENTAL}: the changed orders are the candidates) or
     * builds it again ({@link RunMode#REBUILD}).
     */
    long prepare(KpiRequest req, Long jobExecutionId, FigureStage store, java.util.function.BiConsumer<Long, Long> selected) {
        try (Connection work = dataSource.getConnection(); Connection stream = dataSource.getConnection()) {
            work.setAutoCommit(true);
            stream.setAutoCommit(true);
            long runId = RunTables.insertRun(work, req, jobExecutionId, clock.instant().truncatedTo(ChronoUnit.MICROS));
            try {
                long t0 = System.nanoTime();
                work.setAutoCommit(false);
                long customers;
                long candidates;
                if (store == null || req.filter() != null) {
                    customers = SegmentAssigner.assign(work, stream, runId, req.asOf(), req.zone(), properties.batchSize());
                    candidates = CandidateSelector.select(work, runId, wideStart(req), wideEnd(req));
                } else {
                    long[] found = storeCandidates(work, stream, runId, req, store);
                    customers = found[0];
                    candidates = found[1];
                }
                RunTables.setRebuilt(work, runId, candidates);
                work.commit();
                work.setAutoCommit(true);
                LOG.info("kpi run {}: {} customers with revenue, {} candidate orders ({} ms)", runId, customers,
                        candidates, (System.nanoTime() - t0) / 1_000_000);
                selected.accept(runId, candidates);
                return runId;
            } catch (SQLException | RuntimeException e) {
                EngineSql.safeRollback(work);
                RunTables.markFailed(work, runId);
                throw e;
            }
        } catch (SQLException e) {
            throw EngineSql.failure(req, e);
        }
    }

    /**
     * The candidate orders of a prepared run split into at most {@code parts} order-key ranges of about equal size
     * (fewer when there are fewer candidates); together they cover every order exactly once.
     */
    List<OrderKeyRange> partition(long runId, int parts) {
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
     * Assigns the segments and selects the candidates of a run on the outcome store, and records its mode; returns the
     * number of customers with revenue and of candidates. The segments come from the revenue the store keeps per
     * customer ({@link SegmentWindow}, maintained here in the same transaction, so read on {@code work}).
     */
    private long[] storeCandidates(Connection work, Connection stream, long runId, KpiRequest req, FigureStage store)
            throws SQLException {
        int batch = properties.batchSize();
        long watermark = StoreState.fileWatermark(work);
        String fingerprint = store.fingerprint(work);
        java.util.Optional<StoreState> state = StoreState.read(work);
        String why = state.isEmpty() ? "no outcome store yet" : whyNotContinued(work, state.get(), req, fingerprint);
        if (why == null) {
            StoreState last = state.get();
            SegmentWindow.update(work, stream, last.asOf(), req.asOf(), req.zone(), last.fileWatermark(), watermark);
            long customers = SegmentAssigner.assignFromWindow(work, work, runId, batch);
            DirtyOrders.Found found = DirtyOrders.select(work, runId, state.get(), req.asOf(), watermark, req.zone(),
                    store.tickets(), properties.batchSize());
            RunTables.setMode(work, runId, RunMode.INCREMENTAL, watermark);
            LOG.info("kpi run {}: incremental: {} orders changed since file {}, {} turned late since {}, {} days touched",
                    runId, found.changed(), state.get().fileWatermark(), found.turnedLate(), state.get().asOf(),
                    found.days().size());
            return new long[] {customers, found.changed() + found.turnedLate()};
        }
        LOG.info("kpi run {}: the outcome store is built again ({})", runId, why);
        StoreState.clear(work);
        SegmentWindow.rebuild(work, stream, req.asOf(), req.zone(), batch);
        long customers = SegmentAssigner.assignFromWindow(work, work, runId, batch);
        int candidates = CandidateSelector.select(work, runId, wideStart(req), FAR_FUTURE);
        SeenRecords.survey(work, 0, watermark, req.zone(), null, properties.batchSize());
        SeenRecords.tickets(work, 0, watermark, req.zone(), null, properties.batchSize());
        RunTables.setMode(work, runId, RunMode.REBUILD, watermark);
        return new long[] {customers, candidates};
    }

    /** Null when the store can be continued by a run of {@code req}; else why not (logged). */
    private static String whyNotContinued(Connection work, StoreState s, KpiRequest req, String fingerprint)
            throws SQLException {
        if (!s.zone().equals(req.zone())) {
            return "zone " + req.zone() + " instead of " + s.zone();
        }
        if (!s.fingerprint().equals(fingerprint)) {
            return "the settings or the exports present changed: " + fingerprint;
        }
        if (req.asOf().isBefore(s.asOf()) || req.to().isBefore(s.reportDate())) {
            return "as_of or the report date is before the store's (" + s.asOf() + ", " + s.reportDate() + ")";
        }
        RunTables.StatusAndRange last = RunTables.statusAndRange(work, s.lastRunId());
        if (last == null || !"COMPLETED".equals(last.status()) || req.from().isBefore(last.from())) {
            return "its last run " + s.lastRunId() + " is gone or does not cover this run's start";
        }
        return null;
    }

    /** Every order with a line promised, a delivery, a return, a survey or a ticket from the window's start on. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    /** From the periods before the run's (the drivers compare with them), widened by a day. */
    private static Instant wideStart(KpiRequest req) {
        return req.driverFirstDate().minusDays(1).atStartOfDay(req.zone()).toInstant();
    }

    private static Instant wideEnd(KpiRequest req) {
        return req.endDate().plusDays(1).atStartOfDay(req.zone()).toInstant();
    }
}
