package com.logisticskpi.base.partition;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.partitioning.*}: how the partitioned steps (the KPI outcomes by order-key range) run.
 *
 * @param mode         {@code local} (default: partitions run on threads of this process) or {@code remote} (partition
 *                     requests go over RabbitMQ to {@code ./kpi worker} processes sharing the MySQL job repository)
 * @param threads      local threads (and, in a worker, concurrent partitions); 0 or unset = number of cores; 1 = one
 *                     partition after the other in the launching thread (the behaviour before partitioning)
 * @param partitions   partitions per step; 0 or unset = {@code threads} in local mode, 4 in remote mode
 * @param queue        the RabbitMQ queue of partition requests (remote mode); one queue per installation
 * @param timeout      remote mode: how long the manager waits for all partitions of a step; a partition not finished
 *                     by then (dead worker) is marked FAILED and the step fails, so the run can be restarted
 * @param pollInterval remote mode: how often the manager polls the job repository for finished partitions
 * @param worker       set by {@code ./kpi worker}: this process listens for partition requests
 */
@ConfigurationProperties("kpi.partitioning")
public record PartitioningProperties(String mode, Integer threads, Integer partitions, String queue, Duration timeout,
                                     Duration pollInterval, boolean worker) {

    public static final String LOCAL = "local";
    public static final String REMOTE = "remote";

    public PartitioningProperties {
        mode = mode == null || mode.isBlank() ? LOCAL : mode.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals(LOCAL) && !mode.equals(REMOTE)) {
            throw new IllegalArgumentException("kpi.partitioning.mode must be local or remote, not '" + mode + "'");
        }
        if (threads == null || threads <= 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        if (partitions == null || partitions <= 0) {
            partitions = mode.equals(REMOTE) ? 4 : threads;
        }
        if (queue == null || queue.isBlank()) {
            queue = "kpi.partitions";
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            timeout = Duration.ofMinutes(30);
        }
        if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
            pollInterval = Duration.ofSeconds(1);
        }
    }

    public boolean remote() {
        return REMOTE.equals(mode);
    }
}
