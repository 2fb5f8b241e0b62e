package com.logisticskpi.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.partition.PartitionWorker;
import com.logisticskpi.base.partition.PartitioningProperties;

/**
 * {@code kpi worker}: a remote-partitioning worker. It listens on the RabbitMQ queue {@code kpi.partitioning.queue}
 * for partition requests of managers (any {@code kpi run} / {@code kpi recompute} with
 * {@code kpi.partitioning.mode=remote}), runs each partition against the shared MySQL/MariaDB database and job
 * repository, and stops cleanly on SIGTERM (the partition in progress is finished first, up to
 * {@code kpi.partitioning.timeout}). Refused on the embedded H2 database (exit 6): only a shared database makes sense.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs partitions of remote managers (kpi.partitioning.mode=remote) from the RabbitMQ queue until "
                + "SIGTERM. Needs the shared MySQL/MariaDB database (--profile mysql) and the same inbox paths as the manager.")
public class WorkerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Partitions this worker runs at the same time (default: kpi.partitioning.threads, 0 = cores).")
    Integer threads;

    @Option(names = "--queue", paramLabel = "NAME", description = "Queue of partition requests (default: kpi.partitioning.queue).")
    String queue;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kpi.partitioning.mode", PartitioningProperties.REMOTE);
        props.put("kpi.partitioning.worker", "true");
        if (threads != null) {
            props.put("kpi.partitioning.threads", threads);
        }
        if (queue != null && !queue.isBlank()) {
            props.put("kpi.partitioning.queue", queue);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext ctx = AppContext.start(common, props);
        ctx.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        PartitioningProperties p = ctx.getBean(PartitioningProperties.class);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("kpi worker %s: listening on queue %s (%d partition%s at a time); stop with SIGTERM%n",
                PartitionWorker.workerId(), p.queue(), p.threads(), p.threads() == 1 ? "" : "s");
        out.flush();
        // Spring's shutdown hook closes the context on SIGTERM: the listener stops taking requests and waits for the
        // partition in progress
        closed.await();
        return ExitCode.OK.code();
    }
}
