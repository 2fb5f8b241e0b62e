package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.KpiValueOrder;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.DriverStore;
import com.logisticskpi.kpi.store.KpiRunRepository;

/**
 * The last phase of a nightly run on the outcome store (after its changed orders were rebuilt into the store): which
 * periods to compute, their figures from the store's outcomes, the other figures taken over from the store's last run,
 * and the store's new state; all in the run's transaction. docs/kpi-engine.md "What a night recomputes".
 * <p>
 * A period is computed again when one of its days is dirty (a rebuilt order's outcome or return, a survey response or
 * a ticket was or is on it), when the period before it is (its drivers compare the two), when it is the report date's
 * day, week or month (their segment slices use the segments of this as_of), or when the store's last run did not
 * have it. Every other period's figures and drivers are the last run's: nothing they are computed from changed.
 * The segment slices are written for the report date's day, week and month only: every other period's segment figures
 * would move with each night's segments (docs/kpi-engine.md).
 */
final class StoreFigures {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFigures.class);

    private final FigureStage figures;
    private final KpiEngineProperties properties;

    StoreFigures(FigureStage figures, KpiEngineProperties properties) {
        this.figures = figures;
        this.properties = properties;
    }

    KpiRunResult finish(Connection work, Connection stream, long runId, KpiRequest req, RunMode mode) throws SQLException {
        int batch = properties.batchSize();
        long t0 = System.nanoTime();
        StoreState before = mode == RunMode.INCREMENTAL ? StoreState.read(work).orElseThrow(
                () -> new IllegalStateException("kpi run " + runId + ": the outcome store's state is gone")) : null;
        Map<PeriodType, String> report = new EnumMap<>(PeriodType.class);
        for (PeriodType t : PeriodType.values()) {
            report.put(t, t.periodOf(req.to()));
        }
        Map<PeriodType, List<String>> compute = new EnumMap<>(PeriodType.class);
        List<StoreCopy.GroupKeyPeriod> drop = new ArrayList<>();
        Map<PeriodType, Set<String>> previous = new EnumMap<>(PeriodType.class);
        List<StoreCopy.GroupKeyPeriod> storedPrevious = new ArrayList<>();
        if (before == null) {
            compute.putAll(ValueSink.periodsOf(req));
            compute.forEach((t, labels) -> previous.put(t, previousOf(t, labels)));
        } else {
            Set<String> days = DirtyOrders.recordedDays(work, before.lastRunId(), runId);
            Set<String> changed = OutcomeDiff.days(work, runId);
            DirtyOrders.insertDays(work, runId, changed, batch);
            days.addAll(changed);
            plan(work, req, before.lastRunId(), days, report, compute, drop, previous, storedPrevious);
        }
        long tPlan = System.nanoTime();
        LOG.info("kpi run {}: changed days and periods planned in {} ms", runId, (tPlan - t0) / 1_000_000);
        List<StoreCopy.GroupKeyPeriod> scanned = new ArrayList<>();
        compute.forEach((t, labels) -> labels.forEach(p -> scanned.add(new StoreCopy.GroupKeyPeriod(t, p))));
        previous.forEach((t, labels) -> labels.forEach(p -> scanned.add(new StoreCopy.GroupKeyPeriod(t, p))));
        List<StoreCopy.DayRange> ranges = StoreCopy.ranges(scanned);
        long copied = StoreCopy.copy(work, runId, ranges, req.zone(), req.asOf());
        List<KpiValue> storedInputs = before == null ? List.of()
                : StoredDriverInputs.read(work, before.lastRunId(), storedPrevious);
        work.commit();
        long t1 = System.nanoTime();

        FigureStage.FigureSet set = figures.figures(stream, runId, req, compute, previous, storedInputs, ranges);
        List<KpiValue> values = new ArrayList<>();
        for (KpiValue v : set.values()) {
            if (!Slice.SEGMENT.label().equals(v.slice()) || report.get(v.periodType()).equals(v.period())) {
                values.add(v);
            }
        }
        values.sort(KpiValueOrder.ORDER);
        List<DriverRow> drivers = new ArrayList<>();
        for (DriverRow d : set.drivers()) {
            if (!Slice.SEGMENT.label().equals(d.slice()) || report.get(d.periodType()).equals(d.period())) {
                drivers.add(d);
            }
        }
        long t2 = System.nanoTime();
        List<StoreCopy.GroupKeyPeriod> reported = new ArrayList<>();
        report.forEach((t, p) -> {
            reported.add(new StoreCopy.GroupKeyPeriod(t, p));
            reported.add(new StoreCopy.GroupKeyPeriod(t, t.previousOf(p)));
        });
        List<StoreCopy.DayRange> reportRanges = StoreCopy.ranges(reported);
        // the copy holds exactly the report periods' orders unless older periods were computed too
        long kept = reportRanges.equals(ranges) ? copied : StoreCopy.keepOnly(work, runId, reportRanges, req.zone());
        if (before != null) {
            StoreCopy.reuseFigures(work, runId, before.lastRunId(), drop, batch);
        }
        RunTables.insertValues(work, runId, values, batch);
        DriverStore.insert(work, runId, drivers, batch);
        long t3 = System.nanoTime();
        long valueCount = RunTables.count(work, "SELECT COUNT(*) FROM kpi_value WHERE run_id = ?", runId);
        RunTables.markDone(work, runId, kept, valueCount);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        new StoreState(req.zone(), figures.fingerprint(work), req.asOf(), req.to(), RunTables.fileWatermark(work, runId),
                runId).write(work, now);
        OutcomeDiff.clear(work, runId);
        work.commit();
        long t4 = System.nanoTime();
        RunTables.purgeDetails(work, runId, properties.keepDetailRuns());
        work.commit();
        work.setAutoCommit(true);
        int periods = compute.values().stream().mapToInt(List::size).sum();
        LOG.info("kpi run {}: drill-down and reused figures {} ms, stored {} ms, old details purged {} ms", runId,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (System.nanoTime() - t4) / 1_000_000);
        LOG.info("kpi run {} ({}): {} outcomes rebuilt, {} periods computed from {} stored outcomes ({} ms), figures {} ms,"
                        + " {} figures in all", runId, mode, RunTables.count(work, "SELECT outcomes_rebuilt FROM kpi_run WHERE run_id = ?", runId), periods, copied, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, valueCount);
        return new KpiRunResult(runId, req, kept, KpiRunRepository.values(work, runId), DriverStore.rows(work, runId));
    }

    private static Set<String> previousOf(PeriodType t, List<String> labels) {
        Set<String> out = new HashSet<>();
        for (String p : labels) {
            out.add(t.previousOf(p));
        }
        return out;
    }

    /**
     * Which of the run's periods to compute ({@code compute}, in time order), which of the last run's periods not
     * to take over ({@code drop}: computed again, or no longer in the run's periods), and where the driver inputs of
     * the period before each computed one come from: computed from the outcomes too ({@code previous}: the periods
     * before the report periods, whose segment slices use this as_of's segments; a changed period; one the last run
     * did not have), or the last run's stored figures of it ({@code storedPrevious}: nothing they count changed).
     */
    private static void plan(Connection work, KpiRequest req, long lastRunId, Set<String> days,
                             Map<PeriodType, String> report, Map<PeriodType, List<String>> compute,
                             List<StoreCopy.GroupKeyPeriod> drop, Map<PeriodType, Set<String>> previous,
                             List<StoreCopy.GroupKeyPeriod> storedPrevious) throws SQLException {
        RunTables.StatusAndRange last = RunTables.statusAndRange(work, lastRunId);
        KpiRequest lastRequest = new KpiRequest(last.from(), last.to(), req.asOf(), req.zone(), null);
        for (PeriodType t : PeriodType.values()) {
            Set<String> dirty = new HashSet<>();
            for (String d : days) {
                dirty.add(t.periodOf(LocalDate.parse(d)));
            }
            Set<String> had = new HashSet<>(lastRequest.periods(t));
            List<String> labels = new ArrayList<>();
            Set<String> keep = new HashSet<>();
            for (String p : req.periods(t)) {
                if (dirty.contains(p) || dirty.contains(t.previousOf(p)) || p.equals(report.get(t)) || !had.contains(p)) {
                    labels.add(p);
                } else {
                    keep.add(p);
                }
            }
            compute.put(t, labels);
            Set<String> scan = new HashSet<>();
            Set<String> computed = new HashSet<>(labels);
            for (String p : labels) {
                String before = t.previousOf(p);
                if (computed.contains(before)) {
                    continue; // its driver inputs come with its own figures
                }
                if (p.equals(report.get(t)) || dirty.contains(before) || !had.contains(before)) {
                    scan.add(before);
                } else {
                    storedPrevious.add(new StoreCopy.GroupKeyPeriod(t, before));
                }
            }
            previous.put(t, scan);
            for (String p : had) {
                if (!keep.contains(p)) {
                    drop.add(new StoreCopy.GroupKeyPeriod(t, p));
                }
            }
        }
    }
}
