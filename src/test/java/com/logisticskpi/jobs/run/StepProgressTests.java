package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import com.logisticskpi.jobs.progress.ProgressReporter;

class StepProgressTests {

    @Test
    void aPartitionedStepEndsWithTheRowsOfItsPartitions() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        ProgressReporter reporter = ProgressReporter.of(false, new PrintWriter(new StringWriter()), lines::add,
                () -> now[0], Duration.ofSeconds(10));
        StepProgress progress = new StepProgress(reporter);
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters());
        StepExecution ingest = new StepExecution(7L, "ingest", job);
        progress.beforeStep(ingest);
        // the partitions loaded 4,200 rows; Spring Batch adds their write counts to the manager step
        ingest.setWriteCount(4200);
        now[0] = 2_000_000_000L; // 2 s
        progress.afterStep(ingest);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ingest: done, 4,200 rows in ").contains("2,100 rows/s");

        // a tasklet that reported its own rows keeps them
        StepExecution report = new StepExecution(8L, "report", job);
        progress.beforeStep(report);
        progress.advance(report, 50);
        progress.afterStep(report);
        assertThat(lines.get(1)).startsWith("report: done, 50 rows");
    }

    @Test
    void theOutcomesStepCountsTheCandidateOrdersThePrepareStepSelected() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        ProgressReporter reporter = ProgressReporter.of(false, new PrintWriter(new StringWriter()), lines::add,
                () -> now[0], Duration.ofSeconds(10));
        com.logisticskpi.kpi.engine.KpiEngine engine = new com.logisticskpi.kpi.engine.KpiEngine(null, null, null);
        StepProgress progress = new StepProgress(reporter, null, engine, null);
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters());
        StepExecution prepare = new StepExecution(7L, NightlyJobConfiguration.COMPUTE_PREPARE, job);
        progress.beforeStep(prepare);
        progress.candidatesSelected(3, 4_151);          // what KpiEngine.prepare tells its listeners
        progress.afterStep(prepare);
        StepExecution outcomes = new StepExecution(8L, NightlyJobConfiguration.COMPUTE_OUTCOMES, job);
        progress.beforeStep(outcomes);
        now[0] = 12_000_000_000L;                      // 12 s
        reporter.tick();                               // the interval passed: the phase shows its total
        assertThat(lines).last().isEqualTo("computeOutcomes: 0/4,151 orders (0%), 0.0 orders/s, ETA –");
        progress.afterStep(outcomes);
        assertThat(lines.get(0)).startsWith("computePrepare: done in ");
        assertThat(lines.get(2)).startsWith("computeOutcomes: done, 0 orders in 0:12");
    }
}
