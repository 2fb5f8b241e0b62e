package com.logisticskpi.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.drivers.DriverKpis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.TopDrivers;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.KpiRunResult;
import com.logisticskpi.kpi.explain.CostlyOrders;
import com.logisticskpi.kpi.explain.ExplainText;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * {@code kpi explain KPI --date D [--period day|week|month] [--slice NAME] [--as-of T]}: why a figure moved
 * (kpis.md section 8). Computes the period of D and the one before it from the stored exports (one engine run, as
 * {@code recompute} does) and prints the figure, its change, the split of the change and of the gap to target by
 * every dimension, the on-time rate the pending orders still need, and the ten orders that cost the most.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains a KPI's change against the previous period and its gap to target by warehouse, carrier,"
                + " region, channel and customer segment, down to the orders that cost the most.")
public class ExplainCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KPI", description = "A driver KPI: ${COMPLETION-CANDIDATES}", completionCandidates = Kpis.class)
    String kpi;

    @Option(names = "--date", required = true, paramLabel = "DATE", description = "A date in the period, e.g. 2026-11-22.")
    String date;

    @Option(names = "--period", paramLabel = "TYPE", defaultValue = "day", description = "day (default), week or month.")
    String period;

    @Option(names = "--slice", paramLabel = "NAME", description = "Only this dimension: warehouse, carrier, region, channel or segment.")
    String slice;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "The instant treated as now, e.g. 2026-11-23T06:00:00+08:00 (default: now).")
    String asOf;

    /** The driver KPIs, for the help text. */
    static final class Kpis extends java.util.ArrayList<String> {
        Kpis() {
            super(DriverKpis.IDS);
        }
    }

    @Override
    public Integer call() {
        if (!DriverKpis.isDriver(kpi)) {
            throw new KpiException(ExitCode.USAGE, "'" + ExplainText.clean(kpi) + "' has no drivers; explain one of "
                    + String.join(", ", DriverKpis.IDS));
        }
        LocalDate day = OptionValues.date("--date", date);
        PeriodType type;
        try {
            type = PeriodType.fromLabel(period.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KpiException(ExitCode.USAGE, "--period must be day, week or month, not '" + ExplainText.clean(period) + "'");
        }
        Slice only = null;
        if (slice != null) {
            try {
                only = Slice.fromLabel(slice);
            } catch (IllegalArgumentException e) {
                throw new KpiException(ExitCode.USAGE, "--slice " + ExplainText.clean(e.getMessage()));
            }
            if (only == Slice.ALL) {
                throw new KpiException(ExitCode.USAGE, "--slice must be warehouse, carrier, region, channel or segment");
            }
        }
        Instant now = asOf == null ? Instant.now() : OptionValues.instant("--as-of", asOf);
        try (var ctx = AppContext.start(common)) {
            ZoneId zone = ctx.getBean(AppProperties.class).zone();
            String p = type.periodOf(day);
            String before = type.previousOf(p);
            // the run reaches from the previous period (its figures are shown too) to the date
            KpiRunResult run = ctx.getBean(KpiService.class).compute(
                    new KpiRequest(type.startOf(before), day, now, zone, null), null);
            KpiTarget target = ctx.getBean(KpiEngineProperties.class).target(kpi);
            Slice dimension = only;
            List<DriverRow> drivers = TopDrivers.of(run.drivers(), type, p, kpi).stream()
                    .filter(r -> dimension == null || r.slice().equals(dimension.label())).toList();
            KpiValue current = all(run, type, p, kpi);
            KpiValue previous = all(run, type, before, kpi);
            DriverRow costliest = costliest(drivers, DriverKpis.higherIsBetter(kpi, target), current, previous);
            CostlyOrders.Result orders = costliest == null ? new CostlyOrders.Result(0, List.of())
                    : CostlyOrders.find(ctx.getBean(DataSource.class), run.runId(), kpi, type, p,
                    Slice.fromLabel(costliest.slice()), costliest.sliceValue());
            boolean onTime = kpi.equals(Kpi.ON_TIME_RATE.id());
            PrintWriter o = spec.commandLine().getOut();
            ExplainText.print(new ExplainText.Input(kpi, type, p, before, current, previous,
                    target, drivers, only, onTime ? all(run, type, p, Kpi.ON_TIME_REQUIRED_RATE.id()) : null,
                    onTime ? all(run, type, p, Kpi.PENDING_ORDERS.id()) : null, costliest, orders, zone,
                    java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone))), o);
            o.flush();
            return ExitCode.OK.code();
        }
    }

    /**
     * The slice value whose orders are listed: when the figure got worse, the top contributor to that; otherwise
     * (it improved, or there is no previous figure) the top contributor to the gap to target; null when neither.
     */
    static DriverRow costliest(List<DriverRow> drivers, boolean higher, KpiValue current, KpiValue previous) {
        int adverse = TopDrivers.adverse(higher);
        boolean worse = current != null && previous != null
                && TopDrivers.direction(current.value() - previous.value()) == adverse;
        List<DriverRow> byChange = TopDrivers.change(drivers, adverse, 1);
        List<DriverRow> byGap = TopDrivers.gap(drivers, adverse, 1);
        List<DriverRow> first = worse ? byChange : byGap;
        List<DriverRow> second = worse ? byGap : byChange;
        return !first.isEmpty() ? first.get(0) : second.isEmpty() ? null : second.get(0);
    }

    private static KpiValue all(KpiRunResult run, PeriodType type, String period, String kpi) {
        return run.values().stream().filter(v -> v.periodType() == type && v.period().equals(period)
                && KpiValue.ALL.equals(v.slice()) && v.kpi().equals(kpi)).findFirst().orElse(null);
    }
}
