package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.delivery.step.DeliveryRunState;
import com.logisticskpi.ingest.archive.ArchiveRunState;
import com.logisticskpi.report.step.ReportRunState;

/**
 * The run state is split by feature (report, delivery, archive views) but stored under the keys earlier versions
 * wrote, so a failed execution of an earlier version is restarted with what its steps recorded.
 */
class RunStateKeysTests {

    @Test
    void theFeatureViewsReadWhatAnEarlierVersionStored() {
        ExecutionContext stored = new ExecutionContext(Map.of(
                "kpi.runId", 42L,
                "report.workbook", "/out/2026-11-22/kpi-report_2026-11-22.xlsx",
                "report.charts", "/out/2026-11-22/charts/a.png\n/out/2026-11-22/charts/b.png",
                "delivery.status", "delivery off: no SMTP host configured",
                "archive.status", "3 file(s) moved to /archive/2026-11-22"));

        DeliveryRunState delivery = new DeliveryRunState(stored);
        assertThat(delivery.finishedRunId()).isEqualTo(42L);
        assertThat(delivery.workbook()).contains(Path.of("/out/2026-11-22/kpi-report_2026-11-22.xlsx"));
        assertThat(delivery.charts()).containsExactly(Path.of("/out/2026-11-22/charts/a.png"),
                Path.of("/out/2026-11-22/charts/b.png"));
        assertThat(delivery.delivery()).contains("delivery off: no SMTP host configured");
        RunState summary = new RunState(stored);
        assertThat(summary.archive()).contains("3 file(s) moved to /archive/2026-11-22");
        assertThat(summary.delivery()).isEqualTo(delivery.delivery());
    }

    @Test
    void theFeatureViewsWriteTheKeysTheSummaryAndOlderVersionsRead() {
        ExecutionContext context = new ExecutionContext();
        new ReportRunState(context).reported(Path.of("/o/wb.xlsx"), List.of(Path.of("/o/charts/x.png")));
        new DeliveryRunState(context).delivery("mailed to 2 recipient(s) via smtp:25, workbook attached");
        new ArchiveRunState(context).archive("0 file(s) moved to /a; retention deleted 0 old file(s)");

        assertThat(context.getString("report.workbook")).isEqualTo(Path.of("/o/wb.xlsx").toString());
        assertThat(context.getString("report.charts")).isEqualTo(Path.of("/o/charts/x.png").toString());
        assertThat(context.getString("delivery.status")).isEqualTo("mailed to 2 recipient(s) via smtp:25, workbook attached");
        assertThat(context.getString("archive.status")).isEqualTo("0 file(s) moved to /a; retention deleted 0 old file(s)");
        JobExecution fresh = new JobExecution(1L, new JobInstance(1L, "scheduledReport"), new JobParameters());
        assertThat(RunState.of(fresh).archive()).isEmpty();
        assertThat(RunState.of(fresh).workbook()).isEmpty();
    }
}
