package com.logisticskpi.base.partition;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Partitions on threads of this process ({@code kpi.partitioning.threads}); with one thread they run one after the
 * other in the step's own thread, exactly like the unpartitioned step did.
 */
public class LocalPartitionHandlerFactory implements PartitionHandlerFactory {

    private final int threads;

    public LocalPartitionHandlerFactory(int threads) {
        this.threads = threads;
    }

    @Override
    public PartitionHandler handler(Step workerStep, int gridSize) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(workerStep);
        handler.setGridSize(gridSize);
        handler.setTaskExecutor(executor(threads));
        return handler;
    }

    static TaskExecutor executor(int threads) {
        if (threads <= 1) {
            return new SyncTaskExecutor();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("kpi-partition-");
        executor.setConcurrencyLimit(threads);
        return executor;
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " local thread" : " local threads");
    }
}
