package com.logisticskpi.jobs.run;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.delivery.step.DeliveryRunState;
import com.logisticskpi.ingest.archive.ArchiveRunState;

/**
 * The typed state of a scheduled run in its job's {@link ExecutionContext}, as the run summary reads it: the parts
 * of the steps, each owned by its feature — the KPI steps' ({@code kpi.service.KpiRunState}), the report step's
 * ({@code report.step.ReportRunState}), the deliver step's ({@link DeliveryRunState}) and the archive step's
 * ({@link ArchiveRunState}).
 */
public final class RunState extends DeliveryRunState {

    private final ArchiveRunState archive;

    public RunState(ExecutionContext context) {
        super(context);
        this.archive = new ArchiveRunState(context);
    }

    /** The state of a job execution. */
    public static RunState of(JobExecution job) {
        return new RunState(job.getExecutionContext());
    }

    /** One line saying what archiving did. */
    public Optional<String> archive() {
        return archive.archive();
    }
}
