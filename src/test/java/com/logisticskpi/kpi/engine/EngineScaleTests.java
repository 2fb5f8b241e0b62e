package com.logisticskpi.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.testsupport.EngineHarness;

/**
 * Volume check (tag slow, excluded from the default run): N orders over November 2026 bulk-inserted, one month
 * recomputed; the month's cycle percentiles must equal the exact ones of the generated durations, and the run time
 * and heap are logged. {@code mvn test -Dtest.excludedGroups=none -Dtest=EngineScaleTests -Dkpi.scale.orders=1000000
 * [-Dkpi.scale.db=mysql]}.
 */
@Tag("slow")
class EngineScaleTests {

    @TempDir
    Path dir;

    @Test
    void aMonthOfManyOrdersHasExactPercentilesInBoundedMemory() {
        int n = Integer.getInteger("kpi.scale.orders", 200_000);
        boolean mysql = "mysql".equals(System.getProperty("kpi.scale.db"));
        try (EngineHarness h = mysql ? EngineHarness.mysql(dir) : EngineHarness.h2(dir)) {
            Random r = new Random(7);
            Instant monthStart = h.rows().at("2026-11-01 00:00");
            double[] cycles = new double[n];
            List<Object[]> lines = new ArrayList<>();
            List<Object[]> ships = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                // ordered in the first 27 days, delivered 2..72 h later in whole minutes (all within November)
                Instant ordered = monthStart.plus(Duration.ofMinutes(r.nextInt(27 * 24 * 60)));
                int minutes = 120 + r.nextInt(70 * 60);
                Instant delivered = ordered.plus(Duration.ofMinutes(minutes));
                cycles[i] = minutes / 60.0;
                String id = "N" + i;
                lines.add(new Object[] {id, "C" + r.nextInt(5000), utc(ordered), utc(ordered.plus(Duration.ofHours(48))),
                        "SH0" + r.nextInt(3), "R" + r.nextInt(8), r.nextBoolean() ? "APP" : "WEB"});
                ships.add(new Object[] {"P" + i, id, utc(ordered.plus(Duration.ofMinutes(60))), utc(delivered),
                        "C" + r.nextInt(4), r.nextInt(100) == 0});
                if (lines.size() == 5000 || i == n - 1) {
                    h.jdbc().batchUpdate("INSERT INTO order_line (order_id, line_no, customer_id, order_time, promised_time,"
                            + " promised_date_only, sku, quantity, unit_price, warehouse_id, region, channel, status, src_order,"
                            + " src_file_id, src_line) VALUES (?, 1, ?, ?, ?, FALSE, 'S', 1, 10, ?, ?, ?, 'OK', 'x', 0, 0)", lines);
                    h.jdbc().batchUpdate("INSERT INTO shipment_line (shipment_id, order_id, line_no, sku, quantity, warehouse_id,"
                            + " carrier, ship_time, delivered_time, status, damaged, documents_ok, src_order, src_file_id, src_line)"
                            + " VALUES (?, ?, 1, 'S', 1, NULL, ?, ?, ?, 'DELIVERED', ?, TRUE, 'x', 0, 0)",
                            ships.stream().map(s -> new Object[] {s[0], s[1], s[4], s[2], s[3], s[5]}).toList());
                    lines.clear();
                    ships.clear();
                }
            }
            long loaded = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            KpiRunResult run = h.run("2026-11-01", "2026-11-30", h.rows().at("2026-12-01 00:00"));
            long done = System.nanoTime();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf("scale (%s): %d orders loaded in %.1f s, engine %.1f s (%d figures), heap used %d MB -> %d MB (max %d MB)%n",
                    mysql ? "MariaDB" : "H2", n, (loaded - t0) / 1e9, (done - loaded) / 1e9, run.values().size(), before >> 20, after >> 20, rt.maxMemory() >> 20);
            Arrays.sort(cycles);
            KpiValue p90 = EngineHarness.all(run.values(), "month", "2026-11", "cycle_hours_p90");
            double h90 = 0.9 * (n - 1);
            int lo = (int) Math.floor(h90);
            double expected = cycles[lo] + (h90 - lo) * (cycles[Math.min(lo + 1, n - 1)] - cycles[lo]);
            assertThat(p90.value()).isCloseTo(expected, within(1e-9));
            double mean = Arrays.stream(cycles).sum() / n;
            assertThat(EngineHarness.all(run.values(), "month", "2026-11", "cycle_hours_mean").value()).isCloseTo(mean, within(1e-9));
            assertThat(EngineHarness.all(run.values(), "month", "2026-11", "order_accuracy").denominator()).isEqualTo((long) n);
        }
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
