package com.logisticskpi.kpi.recompute;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.kpi.KpiService;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.KpiRunResult;
import com.logisticskpi.kpi.engine.SliceFilter;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.kpi.output.OrdersOutcomeCsv;
import com.logisticskpi.kpi.store.KpiRunRepository;

/** Runs the engine with the job's parameters and writes both CSVs; puts run id and counts in the job's context. */
@Component
public class RecomputeTasklet implements Tasklet {

    public static final String P_FROM = "from";
    public static final String P_TO = "to";
    public static final String P_AS_OF = "as_of";
    public static final String P_SLICE = "slice";
    public static final String P_ZONE = "zone";
    public static final String P_OUT = "out";

    public static final String CTX_RUN_ID = "kpi.runId";
    public static final String CTX_VALUES = "kpi.values";
    public static final String CTX_ORDERS = "kpi.orders";

    private final KpiService service;
    private final KpiRunRepository repository;

    public RecomputeTasklet(KpiService service, KpiRunRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Map<String, Object> p = chunkContext.getStepContext().getJobParameters();
        ZoneId zone = ZoneId.of(String.valueOf(p.get(P_ZONE)));
        KpiRequest request = new KpiRequest(LocalDate.parse(String.valueOf(p.get(P_FROM))),
                LocalDate.parse(String.valueOf(p.get(P_TO))), Instant.parse(String.valueOf(p.get(P_AS_OF))), zone,
                SliceFilter.parse((String) p.get(P_SLICE)));
        Path out = Path.of(String.valueOf(p.get(P_OUT)));
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        KpiRunResult run = service.compute(request, job.getId());
        KpiValuesCsv.write(out.resolve("kpi-values.csv"), run.values());
        long orders = OrdersOutcomeCsv.write(out.resolve("orders-outcome.csv"), repository, run.runId(), zone, request.filter());
        ExecutionContext ctx = job.getExecutionContext();
        ctx.putLong(CTX_RUN_ID, run.runId());
        ctx.putLong(CTX_VALUES, run.values().size());
        ctx.putLong(CTX_ORDERS, orders);
        contribution.incrementWriteCount(run.values().size());
        return RepeatStatus.FINISHED;
    }
}
