package com.logisticskpi.delivery.step;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.report.step.ReportRunState;

/**
 * The deliver step's part of a job's typed run state: what the KPI and report steps recorded
 * ({@link ReportRunState}), then one line saying what delivery did (key {@code delivery.status}, as stored by
 * earlier versions).
 */
public class DeliveryRunState extends ReportRunState {

    private static final String DELIVERY = "delivery.status";

    public DeliveryRunState(ExecutionContext context) {
        super(context);
    }

    /** The state of a job execution. */
    public static DeliveryRunState of(JobExecution job) {
        return new DeliveryRunState(job.getExecutionContext());
    }

    /** One line saying what delivery did. */
    public void delivery(String status) {
        context().putString(DELIVERY, status);
    }

    public Optional<String> delivery() {
        return Optional.ofNullable(context().containsKey(DELIVERY) ? context().getString(DELIVERY) : null);
    }
}
