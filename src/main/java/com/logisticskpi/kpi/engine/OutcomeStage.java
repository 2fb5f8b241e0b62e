package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2 of a kpi run: the outcome of every candidate order of an order-key range (order_outcome, kpi_return), read
 * chunk by chunk with {@link OrderRowsQuery}, built by {@link OutcomeBuilder}, written by {@link OutcomeInserts}.
 * {@link #buildOutcomes} does a whole range in one transaction; the partitioned jobs run the same pieces as a
 * chunk-oriented step (kpi.partition) that commits and records its position after every chunk.
 */
public final class OutcomeStage {

    /** Candidate orders per chunk (their rows are read into memory: a few thousand rows). */
    public static final int CHUNK = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeStage.class);

    private final DataSource dataSource;
    private final KpiEngineProperties properties;

    OutcomeStage(DataSource dataSource, KpiEngineProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** The outcome builder of a run: its zone and as_of, the configured damage window and cycle-time target. */
    public static OutcomeBuilder builder(KpiRequest req, KpiEngineProperties properties) {
        return new OutcomeBuilder(req.zone(), req.asOf(), properties.damageWindowMicros(), properties.cycleTargetMicros());
    }

    /**
     * The outcome of one order; null when it takes part in nothing (no OK line). A time span beyond what the engine
     * counts fails naming the order.
     */
    public static OutcomeBuilder.Built build(OutcomeBuilder builder, OrderRows rows) {
        try {
            return builder.build(rows);
        } catch (ArithmeticException e) {
            // a time span beyond what the engine counts (292 years in nanoseconds): name the order, not just "overflow"
            LOG.error("order {}: outcome overflow", rows.orderId(), e);
            throw new IllegalStateException("order " + rows.orderId() + ": its times span too far to compute ("
                    + e.getMessage() + "): an implausible timestamp in its stored rows (order_line / shipment_line "
                    + "src_order names the file); correct the export and load it again (kpi.ingest.plausibility rejects"
                    + " such rows)");
        }
    }

    /**
     * Builds the outcomes of the run's candidates in {@code range}, in one transaction. Idempotent: outcomes of the
     * range left by an earlier attempt are deleted first, so a range can be built again after a crash. Returns the
     * number of outcomes written.
     */
    long buildOutcomes(long runId, KpiRequest req, OrderKeyRange range, java.util.function.LongConsumer chunkBuilt) {
        try (Connection work = dataSource.getConnection(); Connection read = dataSource.getConnection()) {
            read.setAutoCommit(true);
            // Ranges are built in parallel (partitioned steps): READ COMMITTED keeps InnoDB from taking gap locks in
            // the range DELETE, which would deadlock with the neighbouring range's inserts (H2 locks rows only).
            work.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            work.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                OutcomeInserts.deleteRange(work, runId, range, null);
                long orders = write(read, work, runId, req, range, chunkBuilt);
                work.commit();
                LOG.info("kpi run {}: {} order outcomes built for orders {} ({} ms)", runId, orders, range,
                        (System.nanoTime() - t0) / 1_000_000);
                return orders;
            } catch (SQLException | RuntimeException e) {
                EngineSql.safeRollback(work);
                throw e;
            }
        } catch (SQLException e) {
            throw EngineSql.failure(req, e);
        }
    }

    private long write(Connection read, Connection work, long runId, KpiRequest req, OrderKeyRange range,
                       java.util.function.LongConsumer chunkBuilt) throws SQLException {
        OutcomeBuilder builder = builder(req, properties);
        long written = 0;
        try (OrderRowsQuery query = new OrderRowsQuery(read, runId, range);
             OutcomeInserts inserts = OutcomeInserts.forRun(work, runId, req.zone(), properties.batchSize())) {
            String last = null;
            while (true) {
                List<OrderRows> chunk = query.next(last, CHUNK);
                for (OrderRows rows : chunk) {
                    OutcomeBuilder.Built b = build(builder, rows);
                    if (b != null) {
                        inserts.add(b);
                        written++;
                    }
                }
                chunkBuilt.accept(chunk.size());
                if (chunk.size() < CHUNK) {
                    break;
                }
                last = chunk.get(chunk.size() - 1).orderId();
            }
            inserts.flush();
        }
        return written;
    }
}
