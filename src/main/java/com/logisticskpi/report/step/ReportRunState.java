package com.logisticskpi.report.step;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.logisticskpi.kpi.service.KpiRunState;

/**
 * The report step's part of a job's typed run state: the KPI steps' part ({@link KpiRunState}), then the workbook and
 * the chart files the report step wrote, for the steps after it (the mail) — also after a restart. The keys
 * ({@code report.workbook}, {@code report.charts}) are those executions of earlier versions stored.
 */
public class ReportRunState extends KpiRunState {

    private static final String WORKBOOK = "report.workbook";
    /** The chart files, one path a line. */
    private static final String CHARTS = "report.charts";

    public ReportRunState(ExecutionContext context) {
        super(context);
    }

    /** The state of a job execution. */
    public static ReportRunState of(JobExecution job) {
        return new ReportRunState(job.getExecutionContext());
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
}
