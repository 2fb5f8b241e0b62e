package com.logisticskpi.base;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;

/**
 * A one-shot tasklet step as the features build them: the tasklet manages its own transactions (a file's load, a kpi
 * run's phase), so the step's own is resourceless; the step bookkeeping goes through the job repository.
 */
public final class TaskletSteps {

    private TaskletSteps() {
    }

    public static Step of(String name, JobRepository jobRepository, Tasklet tasklet, StepExecutionListener... listeners) {
        TaskletStepBuilder b = new StepBuilder(name, jobRepository).tasklet(tasklet, new ResourcelessTransactionManager());
        for (StepExecutionListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }
}
