package com.logisticskpi.kpi.recompute;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.drivers.KpiDriversCsv;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.KpiRunResult;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.kpi.output.OrdersOutcomeCsv;
import com.logisticskpi.kpi.output.OutputProperties;
import com.logisticskpi.kpi.service.KpiRunState;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.store.KpiRunRepository;

/**
 * Finishes the kpi run the job prepared (every figure, from the outcomes its partitions built) and writes
 * kpi-values.csv, kpi-drivers.csv and orders-outcome.csv;
 * records run id and counts in the job's {@link KpiRunState}.
 */
@Component
public class RecomputeTasklet implements Tasklet {

    public static final String P_FROM = "from";
    public static final String P_TO = "to";
    public static final String P_AS_OF = "as_of";
    public static final String P_SLICE = "slice";
    public static final String P_ZONE = "zone";
    public static final String P_OUT = "out";
    /** Identifying: the newest LOADED ingest_file id when launched (new data = a new job instance). */
    public static final String P_DATA_VERSION = "data_version";

    private final KpiService service;
    private final KpiRunRepository repository;
    private final SliceValues sliceValues;
    private final boolean rawCsv;

    public RecomputeTasklet(KpiService service, KpiRunRepository repository, SliceValues sliceValues,
                            OutputProperties output) {
        this.service = service;
        this.repository = repository;
        this.sliceValues = sliceValues;
        this.rawCsv = output.rawCsv();
    }

    /** The engine request of the job's parameters. */
    public static KpiRequest request(JobParameters p) {
        String slice = p.getString(P_SLICE);
        return new KpiRequest(LocalDate.parse(p.getString(P_FROM)), LocalDate.parse(p.getString(P_TO)),
                Instant.parse(p.getString(P_AS_OF)), ZoneId.of(p.getString(P_ZONE)), SliceFilter.parse(slice));
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        KpiRunState state = new KpiRunState(job.getExecutionContext());
        KpiRequest request = state.request();
        ZoneId zone = request.zone();
        Path out = Path.of(job.getJobParameters().getString(P_OUT));
        KpiRunResult run = service.finish(state.preparedRunId(), request);
        if (request.filter() != null) {
            sliceValues.check(run.runId(), request.filter()); // a typo is refused, not answered with 0 figures
        }
        // a sliced run records its filter in every row (its "all" rows are the filtered orders only)
        KpiValuesCsv.write(out.resolve("kpi-values.csv"), run.values(),
                request.filter() == null ? null : request.filter().toString(), rawCsv);
        KpiDriversCsv.write(out.resolve(KpiDriversCsv.FILE_NAME), run.drivers());
        long orders = OrdersOutcomeCsv.write(out.resolve("orders-outcome.csv"), repository, run.runId(), zone, request.filter(),
                rawCsv);
        state.finished(run.runId());
        state.written(run.values().size(), orders);
        contribution.incrementWriteCount(run.values().size());
        return RepeatStatus.FINISHED;
    }
}
