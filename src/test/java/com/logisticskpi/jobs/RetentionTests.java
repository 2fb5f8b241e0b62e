package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTests {

    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    Path base;

    private Path file(Path dir, String name, int ageDays) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        Files.writeString(f, "x".repeat(10));
        Files.setLastModifiedTime(f, FileTime.from(NOW.minus(Duration.ofDays(ageDays))));
        return f;
    }

    @Test
    void deletesOnlyOldFilesWithTheProductsNamesAndNeverFollowsLinks() throws IOException {
        Path out = base.resolve("out");
        Path rejects = base.resolve("rejects");
        Path outside = base.resolve("outside");
        Path oldReport = file(out, "kpi-nightly-2026-08-01.xlsx", 100);
        Path oldValues = file(out.resolve("2026-08-01"), "kpi-values.csv", 100);      // one level down
        Path oldRejects = file(rejects, "orders_20260801.csv.csv", 91);              // reject file of orders_20260801.csv
        Path edge = file(out, "kpi-nightly-2026-08-24.xlsx", 90);                     // exactly 90 days: kept
        Path newReport = file(out, "kpi-nightly-2026-11-22.xlsx", 1);
        Path foreign = file(out, "budget.xlsx", 400);                                   // not ours: kept
        Path outsideOld = file(outside, "kpi-secret.xlsx", 400);
        Path outsideDirFile = file(outside.resolve("deep"), "kpi-values.csv", 400);
        Path fileLink = Files.createSymbolicLink(out.resolve("kpi-link.xlsx"), outsideOld);
        Files.setLastModifiedTime(fileLink, FileTime.from(NOW.minus(Duration.ofDays(400))));  // sets the target's time
        Files.createSymbolicLink(out.resolve("linked-dir"), outside.resolve("deep"));

        Retention.Result r = new Retention(Retention.DEFAULT_PATTERNS).purge(List.of(out, rejects, base.resolve("absent")), 90, NOW);

        Path real = base.toRealPath();                        // purge reports the real paths it deleted
        assertThat(r.deleted()).containsExactlyInAnyOrder(real.resolve("out/kpi-nightly-2026-08-01.xlsx"),
                real.resolve("out/2026-08-01/kpi-values.csv"), real.resolve("rejects/orders_20260801.csv.csv"));
        assertThat(r.bytes()).isEqualTo(30);                                            // 3 files x 10 bytes
        assertThat(r.failures()).isEmpty();
        assertThat(oldReport).doesNotExist();
        assertThat(oldValues).doesNotExist();
        assertThat(oldRejects).doesNotExist();
        assertThat(edge).exists();
        assertThat(newReport).exists();
        assertThat(foreign).exists();
        assertThat(fileLink).exists();                        // the link is not ours to delete ...
        assertThat(outsideOld).exists();                      // ... and its target outside is untouched
        assertThat(outsideDirFile).exists();                  // a linked directory is never entered
    }

    @Test
    void patternsAreFileNamesNotPaths() {
        assertThatThrownBy(() -> new Retention(List.of("../*.xlsx"))).hasMessageContaining("not a path");
        assertThatThrownBy(() -> new Retention(List.of("**"))).hasMessageContaining("not a path");
        assertThatThrownBy(() -> new Retention(Retention.DEFAULT_PATTERNS).purge(List.of(base), 0, NOW))
                .hasMessageContaining("at least 1");
    }
}
