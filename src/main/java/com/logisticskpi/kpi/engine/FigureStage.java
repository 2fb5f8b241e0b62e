package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.KpiValueOrder;
import com.logisticskpi.kpi.drivers.DriverAnalysis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.DriverStore;

/**
 * Phase 3 of a kpi run (after every range's outcomes are built): every figure per period and slice from the stored
 * outcomes (one pass for the counts; ordered streams for exact percentiles, means and standard deviations), the
 * surveys and the optional tickets export; stores kpi_value and the drivers (kpi_driver), marks the run COMPLETED and
 * purges the details of old runs.
 */
final class FigureStage {

    private static final Logger LOG = LoggerFactory.getLogger(FigureStage.class);

    private final DataSource dataSource;
    private final KpiEngineProperties properties;
    private final SurveyProperties survey;
    private TicketProperties tickets = TicketProperties.defaults();

    FigureStage(DataSource dataSource, KpiEngineProperties properties, SurveyProperties survey) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.survey = survey;
    }

    void setTicketProperties(TicketProperties tickets) {
        this.tickets = tickets;
    }

    KpiRunResult finish(long runId, KpiRequest req) {
        try (Connection work = dataSource.getConnection(); Connection stream = dataSource.getConnection();
             Jdbc.LazyReads lazy = Jdbc.lazyReads(stream)) {
            stream.setAutoCommit(true);
            work.setAutoCommit(false);
            try {
                return finish(work, stream, runId, req);
            } catch (SQLException | RuntimeException e) {
                EngineSql.safeRollback(work);
                throw e;
            }
        } catch (SQLException e) {
            throw EngineSql.failure(req, e);
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
        LOG.info("kpi run {}: order figures {} ms, survey figures {} ms, ticket figures {} ms", runId,
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
        LOG.info("kpi run {}: {} orders, {} figures, {} driver rows", runId, orders, values.size(), drivers.size());
        return new KpiRunResult(runId, req, orders, List.copyOf(values), drivers);
    }
}
