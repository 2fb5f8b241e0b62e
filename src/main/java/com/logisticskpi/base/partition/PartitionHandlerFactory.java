package com.logisticskpi.base.partition;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;

/**
 * Makes the partition handler of a partitioned step: local threads ({@link LocalPartitionHandlerFactory}) by default,
 * requests to remote workers over RabbitMQ with {@code kpi.partitioning.mode=remote}
 * ({@link RemotePartitioningConfiguration}).
 */
public interface PartitionHandlerFactory {

    /** A handler running the partitions of {@code workerStep}; {@code gridSize} is the number of partitions asked for. */
    PartitionHandler handler(Step workerStep, int gridSize);

    /** One line for logs and summaries, e.g. "2 local threads" or "remote workers on queue kpi.partitions". */
    String describe();
}
