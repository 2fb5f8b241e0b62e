package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.testsupport.ExportRows;
import com.logisticskpi.testsupport.SpecExample;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The outcome store of the incremental nightly (docs/kpi-engine.md "What a night recomputes") on the spec example,
 * night after night in one database: what each night rebuilds, and that its figures equal a full run's.
 * <ul>
 * <li>night 11-11 (as_of 11-12 00:00): no store yet: REBUILD, every order of the window built;</li>
 * <li>night 11-12 (as_of 11-13 00:00), no new file: only A5 is rebuilt: the one order pending in the store whose due
 * time (11-12 18:00) passed (it turns late); every other outcome is kept;</li>
 * <li>night 11-13 (as_of 11-14 00:00), no new file: nothing pending any more, nothing rebuilt;</li>
 * <li>night 11-14: a re-exported shipment row (file 1) delivers A7's package on 11-11 17:00 instead of 11-12 08:00: only A7 is
 * rebuilt, and days 11-11 and 11-12 (and their week and month) are computed again.</li>
 * </ul>
 * The example's export rows carry src_file_id 0 and no ingest_file row exists: the store's watermark is 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutcomeStoreTests {

    @TempDir
    static Path dir;

    private ConfigurableApplicationContext ctx;
    private KpiService service;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        // JDBC batches of one row: every batched write then runs while the reads around it are open, as with a
        // store of thousands of A and B customers (MySQL refuses a statement beside an open streamed result)
        ctx = AppContext.start(options(dir), java.util.Map.of("kpi.engine.batch-size", 1));
        jdbc = ctx.getBean(JdbcTemplate.class);
        SpecExample.insert(new ExportRows(jdbc, SpecExample.ZONE));
        service = ctx.getBean(KpiService.class);
    }

    /** The embedded default; {@link OutcomeStoreMariaDbTests} runs the same nights on MariaDB. */
    com.logisticskpi.cli.CommonOptions options(Path dataDir) {
        return TestDatabases.h2Options(dataDir);
    }

    @AfterAll
    void stop() {
        ctx.close();
    }

    @Test
    @Order(1)
    void firstNightBuildsTheStore() {
        long run = night("2026-11-11");
        assertThat(mode(run)).isEqualTo("REBUILD");
        // A1..A7 have an OK line (A6's line 2 is cancelled, the order still counts)
        assertThat(storeStates()).containsOnlyKeys("A1", "A2", "A3", "A4", "A5", "A6", "A7");
        assertThat(storeStates().get("A5")).isEqualTo("PENDING");
    }

    @Test
    @Order(2)
    void aNightWithoutFilesRebuildsOnlyTheOrdersThatTurnedLate() {
        long run = night("2026-11-12");
        assertThat(mode(run)).isEqualTo("INCREMENTAL");
        assertThat(rebuilt(run)).isEqualTo(1);
        assertThat(storeStates().get("A5")).isEqualTo("OVERDUE");
    }

    @Test
    @Order(3)
    void aNightWithNothingPendingRebuildsNothing() {
        long run = night("2026-11-13");
        assertThat(mode(run)).isEqualTo("INCREMENTAL");
        assertThat(rebuilt(run)).isZero();
    }

    @Test
    @Order(4)
    void aReExportedShipmentRebuildsItsOrderOnly() {
        jdbc.update("INSERT INTO ingest_file (kind, file_name, file_order, sha256, size_bytes, status, started_at)"
                + " VALUES ('shipments', 'shipments_20261114.csv', 'x', ?, 1, 'LOADED', ?)", "0".repeat(64),
                java.time.LocalDateTime.of(2026, 11, 14, 0, 0));
        long file = jdbc.queryForObject("SELECT MAX(file_id) FROM ingest_file", Long.class);
        // A7's package P7 delivered 11-11 17:00 local (09:00Z, before its 18:00 promise) instead of 11-12 08:00: A7
        // moves from the delivered cohort of 11-12 to that of 11-11 and is on time
        int updated = jdbc.update("UPDATE shipment_line SET delivered_time = ?, src_file_id = ? WHERE shipment_id = 'P7'",
                java.time.LocalDateTime.of(2026, 11, 11, 9, 0), file);
        assertThat(updated).isPositive();
        long run = night("2026-11-14");
        assertThat(mode(run)).isEqualTo("INCREMENTAL");
        assertThat(rebuilt(run)).isEqualTo(1);
        // the day the correction moved: on_time_rate of 11-11 was 4/6 with A7 late; now 5/6 (the full run agrees)
        KpiValue onTime = service.values(run).stream().filter(v -> v.periodType() == PeriodType.DAY
                && v.period().equals("2026-11-11") && v.slice().equals("all") && v.kpi().equals("on_time_rate"))
                .findFirst().orElseThrow();
        assertThat(onTime.numerator()).isEqualTo(5.0);
        assertThat(onTime.denominator()).isEqualTo(6L);
    }

    /** Runs the nightly of {@code date} (as_of the next midnight) and checks its figures against a full run's. */
    private long night(String date) {
        LocalDate day = LocalDate.parse(date);
        Instant asOf = OffsetDateTime.parse(day.plusDays(1) + "T00:00:00+08:00").toInstant();
        long nightly = service.computeForReportDate(day, asOf, SpecExample.ZONE, null, null).runId();
        KpiRunResult fullRun = service.compute(service.reportRequest(day, asOf, SpecExample.ZONE, null), null);
        List<KpiValue> full = fullRun.values();
        // the drill-down's outcomes too: state and hours late as of this as_of (an overdue order's grow every night)
        Map<String, String> nightlyOutcomes = outcomes(nightly);
        assertThat(nightlyOutcomes).as("night %s: drill-down outcomes", date).isNotEmpty();
        Map<String, String> fullOutcomes = outcomes(fullRun.runId());
        nightlyOutcomes.forEach((order, o) -> assertThat(o).as("night %s: %s", date, order).isEqualTo(fullOutcomes.get(order)));
        Map<String, KpiValue> nightlyRows = byKey(service.values(nightly));
        Map<String, KpiValue> fullRows = byKey(full);
        Set<String> reported = Set.of("day " + date, "week " + PeriodType.WEEK.periodOf(day),
                "month " + PeriodType.MONTH.periodOf(day));
        List<String> wrong = new ArrayList<>();
        fullRows.forEach((k, v) -> {
            boolean segmentElsewhere = v.slice().equals("segment")
                    && !reported.contains(v.periodType().label() + " " + v.period());
            if (segmentElsewhere) {
                if (nightlyRows.containsKey(k)) {
                    wrong.add("segment row outside the report periods: " + k);
                }
            } else if (!v.equals(nightlyRows.get(k))) {
                wrong.add(k + ": full " + v + ", nightly " + nightlyRows.get(k));
            }
        });
        nightlyRows.keySet().stream().filter(k -> !fullRows.containsKey(k)).forEach(k -> wrong.add("only nightly: " + k));
        assertThat(wrong).as("night %s", date).isEmpty();
        assertThat(fullRows).isNotEmpty();
        return nightly;
    }

    private static Map<String, KpiValue> byKey(List<KpiValue> values) {
        Map<String, KpiValue> out = new TreeMap<>();
        for (KpiValue v : values) {
            out.put(v.periodType().label() + " " + v.period() + " " + v.slice() + " " + v.sliceValue() + " " + v.kpi(), v);
        }
        return out;
    }

    private Map<String, String> outcomes(long run) {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("SELECT order_id, state, late_us, segment FROM order_outcome WHERE run_id = ?",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2) + " late_us=" + rs.getString(3) + " " + rs.getString(4));
                }, run);
        return out;
    }

    private String mode(long run) {
        return jdbc.queryForObject("SELECT run_mode FROM kpi_run WHERE run_id = ?", String.class, run);
    }

    private long rebuilt(long run) {
        return jdbc.queryForObject("SELECT outcomes_rebuilt FROM kpi_run WHERE run_id = ?", Long.class, run);
    }

    private Map<String, String> storeStates() {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("SELECT order_id, state FROM order_outcome WHERE run_id = 0",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }
}
