package com.logisticskpi.report.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.logisticskpi.ingest.DataQualityRepository;
import com.logisticskpi.ingest.FileResult;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.chart.XmrChart;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.KpiDriversCsv;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.kpi.output.OrdersOutcomeCsv;
import com.logisticskpi.kpi.output.OutputProperties;
import com.logisticskpi.kpi.restate.RestatementFinder;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.service.ReportKpis;
import com.logisticskpi.report.OutputPaths;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.ReportInputProvider;

/**
 * The workbook's input from the KPI engine and the stored exports (docs/report.md, "How the inputs are built").
 * <ol>
 * <li>One engine run for the report date ({@link KpiService#computeForReportDate}): the day, ISO week and month of the
 * date and everything before it the trends need (60 days, 26 weeks, 13 months, the control chart's days), every
 * period over its full extent, every slice, with the request's as-of and zone. Its figures are the workbook's
 * values; the targets are the engine's ({@code kpi.engine.targets}); the XmR chart is {@link ReportKpis#controlChart()}.</li>
 * <li>The delivered orders (histogram) and the exception orders are streamed from the run's stored
 * {@code order_outcome} rows of the report date's month through database cursors that stay open only inside
 * {@link #withInput}.</li>
 * <li>Restatements: the figures of earlier scheduled reports this run changed ({@link RestatementFinder}).</li>
 * <li>Data quality: the loaded and failed export files whose name carries the report date. Freshness: the newest
 * stored event not after as-of and the last load of a file dated up to the report date.</li>
 * <li>After the workbook is written, beside it (each file replaced atomically): {@code kpi-values.csv} (every figure
 * of the run), {@code kpi-drivers.csv} (the run's drivers, kpis.md section 8), {@code orders-outcome.csv} (the run's
 * orders due or delivered in the report month) and the workbook writer adds {@code kpi-exceptions_<date>.csv} (every
 * exception order of that month with its cause, the full list behind the sheet, from the same rows).</li>
 * </ol>
 */
@Component
public class EngineReportInputProvider implements ReportInputProvider {

    public static final String KPI_VALUES_CSV = "kpi-values.csv";
    public static final String ORDERS_OUTCOME_CSV = "orders-outcome.csv";

    private static final Logger log = LoggerFactory.getLogger(EngineReportInputProvider.class);

    private final KpiService kpiService;
    private final KpiEngineProperties engineProperties;
    private final DataQualityRepository dataQuality;
    private final DataFreshnessQuery freshness;
    private final DataSource dataSource;
    private TicketDetailsQuery tickets;
    private RestatementFinder restatements;
    private final boolean rawCsv;

    public EngineReportInputProvider(KpiService kpiService, KpiEngineProperties engineProperties,
                                     DataQualityRepository dataQuality, DataFreshnessQuery freshness, DataSource dataSource,
                                     OutputProperties output) {
        this.rawCsv = output.rawCsv();
        this.kpiService = kpiService;
        this.engineProperties = engineProperties;
        this.dataQuality = dataQuality;
        this.freshness = freshness;
        this.dataSource = dataSource;
    }

    /** The ticket details of the Customer service sheet; without it the sheet says the tickets export is missing. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setTicketDetails(TicketDetailsQuery tickets) {
        this.tickets = tickets;
    }

    /** The figures of earlier reports the run changed (the Summary's "Restated" section); without it no section. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setRestatements(RestatementFinder restatements) {
        this.restatements = restatements;
    }

    /** {@code kpi-exceptions_<yyyy-MM-dd>.csv}. */
    public static String exceptionsCsvName(LocalDate date) {
        return "kpi-exceptions_" + date + ".csv";
    }

    @Override
    public <T> T withInput(Request request, Use<T> use) throws IOException {
        LocalDate date = request.businessDate();
        ReportKpis kpis = request.kpiRunId() != null ? kpiService.reportOfRun(request.kpiRunId(), date)
                : kpiService.computeForReportDate(date, request.asOf(), request.zone(), null, null);
        log.info("report {}: KPI run {} ({} figures, as-of {}, zone {})", date, kpis.runId(), kpis.values().size(),
                request.asOf(), request.zone());
        Files.createDirectories(request.outDir());
        Path outDir = request.outDir().toRealPath();
        Path exceptionsCsv = OutputPaths.inside(outDir, exceptionsCsvName(date));
        try (StoredOutcomes stored = new StoredOutcomes(dataSource, kpis.runId(), PeriodType.MONTH.periodOf(date))) {
            List<DriverRow> drivers = kpiService.drivers(kpis.runId());
            ReportInput input = new ReportInput(date, request.asOf(), request.zone(), request.locale(),
                    freshness.of(date, request.asOf()), kpis.values(), engineProperties.effectiveTargets(),
                    controlPoints(kpis.controlChart()), stored.delivered(), stored.exceptions(),
                    dataQualityRows(dataQuality.forBusinessDate(date)), exceptionsCsv, drivers,
                    tickets == null ? null : tickets.of(date, request.asOf(), request.zone()), new StoredOrderRows(dataSource),
                    restatements == null ? List.of() : restatements.of(kpis.runId()));
            T result = use.apply(input);
            OutputPaths.replaceAtomically(OutputPaths.inside(outDir, KPI_VALUES_CSV),
                    tmp -> KpiValuesCsv.write(tmp, kpis.values(), null, rawCsv));
            OutputPaths.replaceAtomically(OutputPaths.inside(outDir, KpiDriversCsv.FILE_NAME), tmp -> KpiDriversCsv.write(tmp, drivers));
            OutputPaths.replaceAtomically(OutputPaths.inside(outDir, ORDERS_OUTCOME_CSV),
                    tmp -> OrdersOutcomeCsv.write(tmp, stored.ofMonth(), request.zone(), rawCsv, id -> id));
            return result;
        }
    }

    /** The XmR points for the workbook; none when the chart has too few baseline days for limits. */
    static List<ReportInput.ControlPoint> controlPoints(XmrChart.Result chart) {
        List<ReportInput.ControlPoint> out = new ArrayList<>();
        if (!chart.hasLimits()) {
            return out;
        }
        for (XmrChart.Point p : chart.points()) {
            out.add(new ReportInput.ControlPoint(p.date(), p.value(), chart.centre(), chart.ucl(), chart.lcl(), p.rules(),
                    p.baseline()));
        }
        return out;
    }

    static List<ReportInput.DataQualityRow> dataQualityRows(List<FileResult> files) {
        return files.stream().map(f -> new ReportInput.DataQualityRow(f.fileName(), f.kind().label(), f.status(),
                f.rowsRead(), f.rowsLoaded(), f.rowsSuperseded(), f.rejectsByReason(), f.orphans())).toList();
    }
}
