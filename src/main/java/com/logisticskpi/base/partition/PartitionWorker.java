package com.logisticskpi.base.partition;

import java.nio.file.Path;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.logisticskpi.base.RunCheckpoints;

/** Who runs a partition: this process's id, recorded in the partition's execution context before its work starts. */
public final class PartitionWorker {

    /** Partition context: who ran it ({@code pid@host}), written by the worker step. */
    public static final String WORKER = "partition.worker";

    private PartitionWorker() {
    }

    /** This process, as recorded in the partitions it ran. */
    public static String workerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    /**
     * Records this process as the partition's worker in the job repository before the partition's work starts (a lost
     * partition then names its worker), then passes the run checkpoint {@code <checkpoint>:<call>}. Returns the
     * worker id.
     */
    public static String startOnThisWorker(StepExecution step, JobRepository jobRepository, String checkpoint, int call,
                                           Path dataDir) {
        String worker = workerId();
        step.getExecutionContext().putString(WORKER, worker);
        jobRepository.updateExecutionContext(step);
        RunCheckpoints.reached(checkpoint, call, dataDir);
        return worker;
    }
}
