package com.logisticskpi.kpi.partition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.logisticskpi.kpi.engine.OutcomeBuilder;
import com.logisticskpi.kpi.engine.OutcomeInserts;

/**
 * Writes a chunk of built outcomes to order_outcome and kpi_return (JDBC batches) on the chunk's transaction, which
 * also saves the reader's position. On open it deletes what an earlier attempt left of the range after that
 * position: at the first start the whole range (a partition built again replaces its own outcomes only), on a restart
 * only the orders after the last committed chunk (none, as chunk and position commit together), so a resumed partition
 * neither duplicates nor misses an outcome. After each commit it tells {@code committed} (the run checkpoint).
 */
public class OutcomeWriter implements ItemStreamWriter<OutcomeBuilder.Built> {

    private final DataSource dataSource;
    private final OutcomePartition partition;
    private final int batchSize;
    private final IntConsumer committed;

    public OutcomeWriter(DataSource dataSource, OutcomePartition partition, int batchSize, IntConsumer committed) {
        this.dataSource = dataSource;
        this.partition = partition;
        this.batchSize = batchSize;
        this.committed = committed;
    }

    @Override
    public void open(ExecutionContext ctx) {
        try (Connection c = dataSource.getConnection()) {
            // READ COMMITTED keeps InnoDB from taking gap locks in the range DELETE, which would deadlock with the
            // neighbouring range's inserts (partitions run in parallel; H2 locks rows only)
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(true);
            OutcomeInserts.deleteRange(c, partition.runId(), partition.range(), OutcomeOrderReader.resumeAfter(ctx));
        } catch (SQLException e) {
            throw new ItemStreamException("kpi run " + partition.runId() + ", orders " + partition.range()
                    + ": cannot clear the outcomes of an earlier attempt", e);
        }
    }

    @Override
    public void write(Chunk<? extends OutcomeBuilder.Built> chunk) throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (OutcomeInserts inserts = OutcomeInserts.forRun(c, partition.runId(), partition.request().zone(), batchSize)) {
            for (OutcomeBuilder.Built b : chunk) {
                inserts.add(b);
            }
            inserts.flush();
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        int outcomes = chunk.size();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.accept(outcomes);
            }
        });
    }
}
