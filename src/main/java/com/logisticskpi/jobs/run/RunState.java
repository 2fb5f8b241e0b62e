package com.logisticskpi.jobs.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.service.KpiRunState;

/**
 * The typed state of a scheduled run in its job's {@link ExecutionContext}: the KPI steps' part
 * ({@link KpiRunState}), then what the report, deliver and archive steps did. The one place that knows the keys.
 */
public final class RunState extends KpiRunState {

    private static final String WORKBOOK = "report.workbook";
    /** The chart files, one path a line. */
    private static final String CHARTS = "report.charts";
    private static final String DELIVERY = "delivery.status";
    private static final String ARCHIVE = "archive.status";

    public RunState(ExecutionContext context) {
        super(context);
    }

    /** The state of a job execution. */
    public static RunState of(JobExecution job) {
        return new RunState(job.getExecutionContext());
    }

    /** Records the workbook and the chart files the report step wrote. */
    public void reported(Path workbook, List<Path> charts) {
        context().putString(WORKBOOK, workbook.toString());
        context().putString(CHARTS, charts.stream().map(Path::toString).collect(Collectors.joining("\n")));
    }

    /** The workbook, once the report step wrote it. */
    public Optional<Path> workbook() {
        return context().containsKey(WORKBOOK) ? Optional.of(Path.of(context().getString(WORKBOOK))) : Optional.empty();
    }

    /** The chart files the report step wrote (none before it ran). */
    public List<Path> charts() {
        String joined = context().getString(CHARTS, "");
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split("\n")).map(Path::of).toList();
    }

    /** One line saying what delivery did. */
    public void delivery(String status) {
        context().putString(DELIVERY, status);
    }

    public Optional<String> delivery() {
        return Optional.ofNullable(context().containsKey(DELIVERY) ? context().getString(DELIVERY) : null);
    }

    /** One line saying what archiving did. */
    public void archive(String status) {
        context().putString(ARCHIVE, status);
    }

    public Optional<String> archive() {
        return Optional.ofNullable(context().containsKey(ARCHIVE) ? context().getString(ARCHIVE) : null);
    }
}
