package com.logisticskpi.kpi.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.DriverStore;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.KpiRunResult;
import com.logisticskpi.kpi.store.KpiRunRepository;

/**
 * What the report and the nightly job call: compute a run for a request, or everything a report of one date needs
 * (its day, ISO week and month with the previous ones, trends of 60 days / 26 weeks / 13 months, control chart).
 */
@Service
public class KpiService {

    /** Trend lengths of the report: days, weeks, months (each ending with the report date's period). */
    public static final int TREND_DAYS = 60;
    public static final int TREND_WEEKS = 26;
    public static final int TREND_MONTHS = 13;

    private final KpiEngine engine;
    private final KpiRunRepository repository;
    private final KpiEngineProperties properties;
    private final DriverStore drivers;

    public KpiService(KpiEngine engine, KpiRunRepository repository, KpiEngineProperties properties, DriverStore drivers) {
        this.engine = engine;
        this.repository = repository;
        this.properties = properties;
        this.drivers = drivers;
    }

    /** Runs the engine (stores kpi_run, kpi_value, order_outcome) and returns every figure. */
    public KpiRunResult compute(KpiRequest request, Long jobExecutionId) {
        return engine.run(request, jobExecutionId);
    }

    /**
     * The last phase of a partitioned run (after {@code KpiEngine.prepare} and the outcomes of every order-key range):
     * every figure from the stored outcomes, the run COMPLETED. Idempotent: a run already completed (the process died
     * after finishing it, before its job step was recorded) is read back instead of computed again.
     */
    public KpiRunResult finish(long runId, KpiRequest request) {
        var stored = repository.run(runId);
        if (stored.isPresent() && "COMPLETED".equals(stored.get().status())) {
            return new KpiRunResult(runId, request, stored.get().orderCount(), repository.values(runId), drivers.rows(runId));
        }
        return engine.finish(runId, request);
    }

    /** {@link #finish} of a run prepared for the report of {@code reportDate} ({@link #reportRequest}). */
    public ReportKpis finishForReportDate(long runId, KpiRequest request, LocalDate reportDate) {
        KpiRunResult run = finish(runId, request);
        return new ReportKpis(run.runId(), reportDate, run.values(), properties);
    }

    /** The request of a run covering everything the report of {@code reportDate} shows (see computeForReportDate). */
    public KpiRequest reportRequest(LocalDate reportDate, Instant asOf, ZoneId zone, SliceFilter filter) {
        return new KpiRequest(reportFrom(reportDate), reportDate, asOf, zone, filter);
    }

    /**
     * One run covering everything the report of {@code reportDate} shows: from the first day of the 13th month back
     * (which also covers 26 weeks, 60 days and the control chart's days) to the report date; every period over its
     * full extent. Unsliced, it is a nightly run on the outcome store (KpiEngine.runNightly: only what changed is
     * computed again; segment slices for the report date's day, week and month only).
     */
    public ReportKpis computeForReportDate(LocalDate reportDate, Instant asOf, ZoneId zone, SliceFilter filter,
                                           Long jobExecutionId) {
        KpiRequest request = reportRequest(reportDate, asOf, zone, filter);
        KpiRunResult run = filter == null ? engine.runNightly(request, jobExecutionId) : engine.run(request, jobExecutionId);
        return new ReportKpis(run.runId(), reportDate, run.values(), properties);
    }

    /** Loads the figures of a stored run as a report view (e.g. for re-rendering a report). */
    public ReportKpis reportOfRun(long runId, LocalDate reportDate) {
        return new ReportKpis(runId, reportDate, repository.values(runId), properties);
    }

    /** The first date a report run of {@code reportDate} must cover. */
    public LocalDate reportFrom(LocalDate reportDate) {
        LocalDate months = PeriodType.MONTH.start(reportDate).minusMonths(TREND_MONTHS - 1L);
        LocalDate weeks = PeriodType.WEEK.start(reportDate).minusWeeks(TREND_WEEKS - 1L);
        LocalDate days = reportDate.minusDays(Math.max(TREND_DAYS, properties.controlChart().days()) - 1L);
        LocalDate from = months;
        if (weeks.isBefore(from)) {
            from = weeks;
        }
        if (days.isBefore(from)) {
            from = days;
        }
        return from;
    }

    public List<KpiValue> values(long runId) {
        return repository.values(runId);
    }

    /** The drivers of a stored run (kpis.md section 8), sorted as in kpi-drivers.csv. */
    public List<DriverRow> drivers(long runId) {
        return drivers.rows(runId);
    }
}
