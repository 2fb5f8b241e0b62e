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

import com.logisticskpi.report.step.RunManifest;

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

    private static void age(Path f, int days) throws IOException {
        Files.setLastModifiedTime(f, FileTime.from(NOW.minus(Duration.ofDays(days))));
    }

    @Test
    void userFilesInTheOutputFolderSurviveOnlyTheRunsListedOutputsGo() throws IOException {
        Path out = base.resolve("out");
        // a user's folder used as --out: photos, an old copy of a CSV, a file with a reject-like name, 4 levels deep
        Path holiday = file(out, "holiday.png", 200);
        Path family = file(out.resolve("photos"), "family.png", 200);
        Path oldCopy = file(out, "kpi-values-2019.csv", 200);
        Path deep = file(out.resolve("a/b"), "orders_2019.csv.csv", 200);
        Path workbook2019 = file(out, "kpi-report_2019-01-01.xlsx", 200);
        // a run of 200 days ago with its manifest, and a fresh run
        Path run = out.resolve("2026-05-07");
        Path wb = file(run, "kpi-report_2026-05-07.xlsx", 200);
        Path chart = file(run.resolve("charts"), "01-on-time.png", 200);
        Path values = file(run, "kpi-values.csv", 200);
        Path userNote = file(run, "notes.png", 200);                         // the user's, beside the run's files
        RunManifest.write(run, List.of(wb, chart, values), List.of(run.resolve("charts")));
        age(run.resolve(Retention.MANIFEST), 200);
        Path fresh = out.resolve("2026-11-22");
        Path freshWb = file(fresh, "kpi-report_2026-11-22.xlsx", 1);
        RunManifest.write(fresh, List.of(freshWb), List.of());

        Retention.Result r = new Retention(Retention.DEFAULT_PATTERNS).purgeOutputs(out, 90, NOW);

        Path real = run.toRealPath();
        assertThat(r.deleted()).containsExactlyInAnyOrder(real.resolve("kpi-report_2026-05-07.xlsx"),
                real.resolve("charts/01-on-time.png"), real.resolve("kpi-values.csv"));
        assertThat(r.bytes()).isEqualTo(30);
        assertThat(r.failures()).isEmpty();
        assertThat(holiday).exists();
        assertThat(family).exists();
        assertThat(oldCopy).exists();
        assertThat(deep).exists();
        assertThat(workbook2019).exists();
        assertThat(userNote).exists();
        assertThat(run.resolve("charts")).doesNotExist();                   // the run's own, now empty, folder
        assertThat(run.resolve(Retention.MANIFEST)).doesNotExist();
        assertThat(run).exists();                                            // still holds the user's notes.png
        assertThat(freshWb).exists();
        assertThat(fresh.resolve(Retention.MANIFEST)).exists();
    }

    @Test
    void aManifestCannotReachOutsideItsFolderNorThroughLinks() throws IOException {
        Path out = base.resolve("out");
        Path outside = base.resolve("outside");
        Path secret = file(outside, "kpi-secret.xlsx", 400);
        Path run = Files.createDirectories(out.resolve("2026-01-01"));
        Files.createSymbolicLink(run.resolve("kpi-link.xlsx"), secret);
        Files.createSymbolicLink(run.resolve("charts"), outside);
        Path linkedChart = file(outside, "x.png", 400);
        Files.writeString(run.resolve(Retention.MANIFEST), "# hand-made\n../outside/kpi-secret.xlsx\n/etc/passwd\n"
                + "kpi-link.xlsx\ncharts/x.png\n");
        age(run.resolve(Retention.MANIFEST), 400);

        Retention.Result r = new Retention(Retention.DEFAULT_PATTERNS).purgeOutputs(out, 90, NOW);

        assertThat(r.deleted()).isEmpty();
        assertThat(secret).exists();
        assertThat(linkedChart).exists();
        assertThat(run.resolve("kpi-link.xlsx")).exists();
        assertThatThrownBy(() -> RunManifest.write(run, List.of(secret), List.of()))
                .hasMessageContaining("not inside the run directory");
    }

    @Test
    void rejectFilesGoOnlyWhenNamedAfterARecordedExportFile() throws IOException {
        Path rejects = base.resolve("rejects");
        Path ours = file(rejects, "orders_20260801.csv.csv", 91);
        Path unknown = file(rejects, "orders_2019.csv.csv", 400);           // no such export file was ever loaded
        Path young = file(rejects, "orders_20261120.csv.csv", 3);
        Path nested = file(rejects.resolve("a"), "orders_20260801.csv.csv", 400);   // not where the product writes
        Path outside = file(base.resolve("elsewhere"), "orders_20260802.csv.csv", 400);
        Files.createSymbolicLink(rejects.resolve("orders_20260802.csv.csv"), outside);

        java.util.Set<String> recorded = java.util.Set.of("orders_20260801.csv", "orders_20261120.csv",
                "orders_20260802.csv");
        Retention.Result r = new Retention(Retention.DEFAULT_PATTERNS).purgeRejects(rejects, recorded::contains, 90, NOW);

        assertThat(r.deleted()).containsExactly(rejects.toRealPath().resolve("orders_20260801.csv.csv"));
        assertThat(ours).doesNotExist();
        assertThat(unknown).exists();
        assertThat(young).exists();
        assertThat(nested).exists();
        assertThat(outside).exists();
        assertThat(rejects.resolve("orders_20260802.csv.csv")).exists();
    }

    @Test
    void patternsAreFileNamesNotPaths() {
        assertThatThrownBy(() -> new Retention(List.of("../*.xlsx"))).hasMessageContaining("not a path");
        assertThatThrownBy(() -> new Retention(List.of("**"))).hasMessageContaining("not a path");
        assertThatThrownBy(() -> new Retention(Retention.DEFAULT_PATTERNS).purgeOutputs(base, 0, NOW))
                .hasMessageContaining("at least 1");
    }
}
