package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.ingest.archive.ArchiveStep;
import com.logisticskpi.jobs.Retention;

/**
 * {@code kpi run ... --out DIR} over a folder that already holds a user's files (issue 15, item 2): the run records
 * what it wrote in a manifest, and retention (30 days in the test job file) later deletes exactly those files when
 * they are old — never the user's {@code holiday.png}, {@code photos/family.png}, {@code kpi-values-2019.csv} or
 * {@code a/b/orders_2019.csv.csv}, however old.
 */
class RunRetentionTests {

    @TempDir
    Path tmp;

    @Test
    void userFilesInTheOutFolderSurviveRetentionAndTheRunsOwnOldOutputsGo() throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Files.writeString(inbox.resolve(ArchiveStep.KEEP_MARKER), "");     // keep the inbox for the second run
        Path job = NightlyKit.jobFile(tmp.resolve("jobs"), "nightly", inbox, null);
        Path userDir = Files.createDirectories(tmp.resolve("Pictures"));
        List<Path> userFiles = List.of(userDir.resolve("holiday.png"), userDir.resolve("photos/family.png"),
                userDir.resolve("kpi-values-2019.csv"), userDir.resolve("a/b/orders_2019.csv.csv"),
                userDir.resolve("2026-11-22/notes.png"));
        for (Path f : userFiles) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "mine");
            age(f, 200);
        }
        String data = tmp.resolve("data").toString();

        NightlyKit.Result first = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF, "--out", userDir.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        Path run = userDir.resolve(NightlyKit.DATE);
        List<String> manifest = Files.readAllLines(run.resolve(Retention.MANIFEST));
        assertThat(manifest).contains("kpi-report_2026-11-22.xlsx", "kpi-values.csv", "orders-outcome.csv", "charts/")
                .anyMatch(l -> l.startsWith("charts/") && l.endsWith(".png"))
                .doesNotContain("notes.png");
        List<Path> runFiles;
        try (Stream<Path> s = Files.walk(run)) {
            runFiles = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : runFiles) {
            age(f, 200);                                              // as if the first run was 200 days ago
        }

        NightlyKit.Result second = NightlyKit.inProcess("run", job.toString(), "--data-dir", data, "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF, "--out", userDir.toString(), "--rerun");
        assertThat(second.exitCode()).as(second.all()).isZero();
        long listed = manifest.stream().filter(l -> !l.startsWith("#") && !l.endsWith("/")).count();
        assertThat(second.out()).contains("retention deleted " + listed + " old file(s)");
        for (Path f : userFiles) {
            assertThat(f).as("the user's file " + f).exists().hasContent("mine");
        }
        assertThat(run.resolve("kpi-report_2026-11-22.xlsx")).doesNotExist();
        assertThat(run.resolve("charts")).doesNotExist();
        assertThat(run.resolve(Retention.MANIFEST)).doesNotExist();
        assertThat(userDir.resolve("2026-11-22-rerun1").resolve("kpi-report_2026-11-22.xlsx")).isRegularFile();
    }

    private static void age(Path f, int days) throws IOException {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
    }
}
