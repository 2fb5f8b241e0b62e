package com.logisticskpi.base.partition;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the partitions of one step in two waves through another handler (local threads or remote workers): first
 * those {@code firstWave} accepts, and only when all of them have finished, the others. The partitioned ingest needs
 * it: every orders file must be merged before shipments, returns and surveys are (their orphan counts read the stored
 * order lines), while the files within a wave load in parallel.
 */
public final class TwoWavePartitionHandler implements PartitionHandler {

    private final PartitionHandler delegate;
    private final Predicate<StepExecution> firstWave;

    public TwoWavePartitionHandler(PartitionHandler delegate, Predicate<StepExecution> firstWave) {
        this.delegate = delegate;
        this.firstWave = firstWave;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
            throws Exception {
        Set<StepExecution> all = splitter.split(managerStepExecution, 1);
        Set<StepExecution> first = new LinkedHashSet<>();
        Set<StepExecution> second = new LinkedHashSet<>();
        for (StepExecution e : all) {
            (firstWave.test(e) ? first : second).add(e);
        }
        Set<StepExecution> done = new LinkedHashSet<>();
        if (!first.isEmpty()) {
            done.addAll(delegate.handle(fixed(splitter, first), managerStepExecution));
        }
        if (!second.isEmpty()) {
            done.addAll(delegate.handle(fixed(splitter, second), managerStepExecution));
        }
        return done;
    }

    /** A splitter that hands out partitions already created. */
    private static StepExecutionSplitter fixed(StepExecutionSplitter splitter, Set<StepExecution> executions) {
        return new StepExecutionSplitter() {
            @Override
            public String getStepName() {
                return splitter.getStepName();
            }

            @Override
            public Set<StepExecution> split(StepExecution stepExecution, int gridSize) {
                return executions;
            }
        };
    }
}
