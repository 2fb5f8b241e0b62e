package com.logisticskpi.kpi.partition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.logisticskpi.kpi.engine.OrderKeyRange;
import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.kpi.engine.OrderRowsQuery;

/**
 * Reads the candidate orders of one partition's order-key range in key order, each with its lines, shipment rows and
 * return rows ({@link OrderRowsQuery}, {@code fetchSize} orders per query), and records the last order id it handed
 * out in the step's execution context ({@value #LAST_ORDER_ID}). The step saves that context in the transaction of
 * each chunk, so after a crash the restarted partition goes on after the last committed order.
 */
public class OutcomeOrderReader implements ItemStreamReader<OrderRows> {

    /** Step execution context: the id of the last order of the range whose chunk was committed. */
    public static final String LAST_ORDER_ID = "kpi.outcomes.lastOrderId";

    private final DataSource dataSource;
    private final long runId;
    private final OrderKeyRange range;
    private final int fetchSize;
    private final Deque<OrderRows> fetched = new ArrayDeque<>();
    private Connection connection;
    private OrderRowsQuery query;
    private String lastFetched;
    private String lastRead;
    private boolean exhausted;

    public OutcomeOrderReader(DataSource dataSource, long runId, OrderKeyRange range, int fetchSize) {
        this.dataSource = dataSource;
        this.runId = runId;
        this.range = range;
        this.fetchSize = fetchSize;
    }

    /** The order id after which a partition with this context goes on (null: from the range's start). */
    static String resumeAfter(ExecutionContext ctx) {
        return ctx.containsKey(LAST_ORDER_ID) ? ctx.getString(LAST_ORDER_ID) : null;
    }

    @Override
    public void open(ExecutionContext ctx) {
        lastRead = resumeAfter(ctx);
        lastFetched = lastRead;
        exhausted = false;
        fetched.clear();
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            query = new OrderRowsQuery(connection, runId, range);
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("kpi run " + runId + ", orders " + range + ": cannot read the candidates", e);
        }
    }

    @Override
    public OrderRows read() throws SQLException {
        if (fetched.isEmpty() && !exhausted) {
            var next = query.next(lastFetched, fetchSize);
            exhausted = next.size() < fetchSize;
            if (!next.isEmpty()) {
                lastFetched = next.get(next.size() - 1).orderId();
                fetched.addAll(next);
            }
        }
        OrderRows rows = fetched.poll();
        if (rows != null) {
            lastRead = rows.orderId();
        }
        return rows;
    }

    @Override
    public void update(ExecutionContext ctx) {
        if (lastRead != null) {
            ctx.putString(LAST_ORDER_ID, lastRead);
        }
    }

    @Override
    public void close() {
        try {
            if (query != null) {
                query.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new ItemStreamException("cannot close the candidate reader", e);
        } finally {
            query = null;
            connection = null;
        }
    }
}
