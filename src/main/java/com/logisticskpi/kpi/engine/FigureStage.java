package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.LocalDate;
import com.logisticskpi.kpi.PeriodType;

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
             Jdbc.LazyReads lazy = Jdbc.lazyReads(stream);
             Jdbc.LazyReads sorts = Jdbc.sortsInMemory(stream, properties.sortRowsInMemory())) {
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
        RunMode mode = RunTables.mode(work, runId);
        if (mode != RunMode.FULL) {
            return new StoreFigures(this, properties).finish(work, stream, runId, req, mode);
        }
        int batch = properties.batchSize();
        Instant start = req.firstDate().atStartOfDay(req.zone()).toInstant();
        Instant end = req.endDate().atStartOfDay(req.zone()).toInstant();
        long t2 = System.nanoTime();
        try (PreparedStatement ps = work.prepareStatement("DELETE FROM kpi_candidate WHERE run_id = ?")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
        long orders = RunTables.outcomeCount(work, runId);
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

    /** The settings and inputs an outcome store's figures depend on besides the data ({@link StoreState#fingerprint}). */
    String fingerprint(Connection c) throws SQLException {
        return StoreState.fingerprint(properties, survey, tickets, TicketCohorts.ticketsLoaded(c));
    }

    TicketProperties tickets() {
        return tickets;
    }

    /**
     * The figures of the given periods from the run's stored outcomes (a nightly run on the outcome store), with their
     * drivers: the driver inputs of the periods in {@code previous} are computed from the outcomes too (their days are
     * in {@code ranges}), those of any other period before a computed one are {@code storedInputs}.
     */
    FigureSet figures(Connection stream, long runId, KpiRequest req, Map<PeriodType, List<String>> periods,
                      Map<PeriodType, Set<String>> previous, List<KpiValue> storedInputs,
                      List<StoreCopy.DayRange> ranges) throws SQLException {
        ValueSink sink = new ValueSink(periods, previous);
        OrderCohorts orderCohorts = new OrderCohorts(stream, runId, null, sink, properties.target(Kpi.ON_TIME_RATE.id()));
        orderCohorts.computeAll();
        for (StoreCopy.DayRange r : ranges) {
            Instant start = r.start().atStartOfDay(req.zone()).toInstant();
            Instant end = r.end().atStartOfDay(req.zone()).toInstant();
            new SurveyCohorts(survey, req.zone(), null, sink).compute(stream, runId, start, end);
            Map<GroupKey, Long> delivered = new HashMap<>();
            orderCohorts.deliveredCounts().forEach((k, n) -> {
                LocalDate first = k.type().startOf(k.period());
                if (!first.isBefore(r.start()) && !k.type().end(first).isAfter(r.end())) {
                    delivered.put(k, n);
                }
            });
            new TicketCohorts(tickets, req, sink).compute(stream, runId, start, end, delivered);
        }
        List<KpiValue> inputs = new ArrayList<>(sink.driverInputs());
        inputs.addAll(storedInputs);
        List<DriverRow> drivers = DriverAnalysis.compute(inputs, periods, properties::target);
        return new FigureSet(sink.values(), drivers);
    }

    /** Figures and drivers of a computation. */
    record FigureSet(List<KpiValue> values, List<DriverRow> drivers) {
    }
}
