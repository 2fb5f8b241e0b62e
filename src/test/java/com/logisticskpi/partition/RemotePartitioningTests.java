package com.logisticskpi.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.jobs.run.NightlyKit;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The nightly job with its KPI outcomes partitioned by order-key range: on local threads (threads=2 equals threads=1)
 * and on remote workers — a manager JVM and worker JVMs ({@code kpi worker}) sharing a fresh MariaDB database and
 * job repository, partition requests over RabbitMQ on a queue unique to this test run (deleted afterwards). Every
 * run's kpi-values.csv and orders-outcome.csv must equal the single-process, single-thread run's byte for byte.
 *
 * <p>The remote tests share two workers started once (JVM start-up dominates the time) and run in order: (1) a run
 * with both workers, each of which must have built partitions; (2) one worker stopped with SIGTERM (clean shutdown), a
 * third one started with the test hook pausing its first partition and killed with SIGKILL there: the run fails once
 * the manager's timeout marks the lost partition FAILED, and running the same command again (resume) with the
 * surviving worker completes it with the same figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemotePartitioningTests {

    static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The manager's partition timeout: generous for the normal run, short for the run that loses a worker. */
    static final String PARTITION_TIMEOUT = "90s";
    static final String SHORT_PARTITION_TIMEOUT = "12s";

    @TempDir
    static Path tmp;

    static Path source;
    static String baselineValues;
    static String baselineOutcomes;
    static String queue;
    static String database;
    static Path remoteConfig;
    static Path shortTimeoutConfig;
    static final List<NightlyKit.Child> children = new ArrayList<>();
    static NightlyKit.Child worker1;
    static NightlyKit.Child worker2;

    @BeforeAll
    static void baselineAndWorkers() throws Exception {
        com.logisticskpi.testsupport.TestServices.ensureRabbit(env("KPI_RABBIT_HOST", "127.0.0.1"),
                Integer.parseInt(env("KPI_RABBIT_PORT", "5672")));
        source = tmp.resolve("source");
        NightlyKit.generateInbox(source);
        queue = "kpi.test." + ProcessHandle.current().pid() + "." + System.nanoTime();
        database = TestDatabases.freshMysqlDatabase();
        remoteConfig = config(tmp.resolve("remote.yml"), database, """
                  partitioning:
                    mode: remote
                    queue: %s
                    partitions: 4
                    timeout: %s
                    poll-interval: 300ms
                """.formatted(queue, PARTITION_TIMEOUT));
        shortTimeoutConfig = config(tmp.resolve("remote-short.yml"), database, """
                  partitioning:
                    mode: remote
                    queue: %s
                    partitions: 4
                    timeout: %s
                    poll-interval: 300ms
                """.formatted(queue, SHORT_PARTITION_TIMEOUT));
        // the workers start (slowly: two JVMs) while this JVM computes the single-process baseline
        worker1 = worker("worker1", List.of());
        worker2 = worker("worker2", List.of());

        Path dir = tmp.resolve("baseline");
        Path h2Threads1 = Files.createDirectories(dir).resolve("threads1.yml");
        Files.writeString(h2Threads1, "kpi:\n  partitioning:\n    threads: 1\n");
        NightlyKit.Result r = NightlyKit.inProcess(command(dir, "--config", h2Threads1.toString()));
        assertThat(r.exitCode()).as(r.all()).isZero();
        baselineValues = Files.readString(out(dir).resolve("kpi-values.csv"));
        baselineOutcomes = Files.readString(out(dir).resolve("orders-outcome.csv"));
        assertThat(baselineValues.lines().count()).isGreaterThan(100);

        awaitListening(worker1);
        awaitListening(worker2);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (NightlyKit.Child c : children) {
            c.process.destroyForcibly().waitFor();
        }
        if (queue == null) {
            return;
        }
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setHost(env("KPI_RABBIT_HOST", "127.0.0.1"));
        f.setPort(Integer.parseInt(env("KPI_RABBIT_PORT", "5672")));
        f.setUsername(env("KPI_RABBIT_USER", "guest"));
        f.setPassword(env("KPI_RABBIT_PASSWORD", "guest"));
        try (com.rabbitmq.client.Connection c = f.newConnection(); com.rabbitmq.client.Channel ch = c.createChannel()) {
            ch.queueDelete(queue);
        }
    }

    @Test
    @Order(1)
    void aManagerAndTwoWorkersGiveTheSameResultAsOneProcess() throws Exception {
        Path dir = tmp.resolve("remote");
        NightlyKit.Child manager = NightlyKit.Child.start(dir, "manager", List.of(), Map.of(),
                command(dir, "--profile", "mysql", "--config", remoteConfig.toString()));
        NightlyKit.Result r = manager.await(TIMEOUT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertSameResult(out(dir));

        // all four outcome partitions ran on the workers, and each worker ran at least one; so did the 15 files
        assertThat(partitions("COMPLETED")).isEqualTo(4);
        assertThat(ingestPartitions("COMPLETED")).isEqualTo(15);
        String logs = Files.readString(workerLog("worker1")) + Files.readString(workerLog("worker2"));
        assertThat(logs.split(" LOADED \\(", -1)).as("files loaded by the workers").hasSize(15 + 1);
        assertThat(Files.readString(workerLog("worker1"))).contains("outcomes built by " + worker1.process.pid() + "@");
        assertThat(Files.readString(workerLog("worker2"))).contains("outcomes built by " + worker2.process.pid() + "@");
        assertThat(Files.exists(dir.resolve("data").resolve("logs").resolve("kpi.log"))
                && Files.readString(dir.resolve("data").resolve("logs").resolve("kpi.log")).contains("outcomes built by"))
                .as("the manager built no partition itself").isFalse();
    }

    @Test
    @Order(2)
    void aWorkerKilledMidPartitionFailsTheRunAndTheResumedRunCompletesWithTheSameResult() throws Exception {
        // worker1 stops cleanly on SIGTERM; worker3 pauses in its first partition, worker2 takes the others
        worker1.process.destroy();
        NightlyKit.Child worker3 = worker("worker3", List.of("-Dkpi.test.pause-at=outcomes:1"));
        assertThat(worker1.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("worker1 stopped on SIGTERM").isTrue();
        awaitListening(worker3);

        Path dir = tmp.resolve("remote");                 // the same job and date again: --rerun
        // without the outcome store's state the re-run builds every outcome again (REBUILD), in four partitions; with
        // it, the re-run would be incremental and, nothing having changed, rebuild no order at all
        try (Connection c = DriverManager.getConnection(TestDatabases.mysqlServerUrl() + "/" + database,
                TestDatabases.mysqlUser(), TestDatabases.mysqlPassword()); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM kpi_store")).isEqualTo(1);
        }
        String[] cmd = command(dir, "--profile", "mysql", "--config", shortTimeoutConfig.toString(), "--rerun");
        NightlyKit.Child manager = NightlyKit.Child.start(dir, "manager-killed", List.of(), Map.of(), cmd);
        worker3.killWhenPaused(tmp.resolve("worker3").resolve("pause-outcomes"), TIMEOUT);
        NightlyKit.Result failed = manager.await(TIMEOUT);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("failed in step computeOutcomes", "did not finish within kpi.partitioning.timeout",
                "started by worker " + worker3.process.pid() + "@");
        assertThat(partitions("FAILED")).isEqualTo(1);

        NightlyKit.Result again = NightlyKit.Child.start(dir, "manager-again", List.of(), Map.of(), cmd).await(TIMEOUT);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("resumed the run of nightly for 2026-11-22").containsPattern("\\(execution \\d+\\): COMPLETED");
        assertSameResult(dir.resolve("jobs").resolve("out").resolve(NightlyKit.DATE + "-rerun1"));
        // only the lost partition ran again: 4 + 4 (first and failed run) + 1 (resume)
        assertThat(partitions("COMPLETED")).isEqualTo(4 + 3 + 1);
        assertThat(Files.readString(workerLog("worker2"))).contains("(redelivered request): skipped");
    }

    private static void assertSameResult(Path out) throws IOException {
        assertThat(Files.readString(out.resolve("kpi-values.csv"))).isEqualTo(baselineValues);
        assertThat(Files.readString(out.resolve("orders-outcome.csv"))).isEqualTo(baselineOutcomes);
    }

    private static NightlyKit.Child worker(String name, List<String> jvmProps) throws IOException {
        NightlyKit.Child c = NightlyKit.Child.start(tmp.resolve("logs"), name, jvmProps, Map.of(), "worker", "--profile",
                "mysql", "--config", remoteConfig.toString(), "--data-dir", tmp.resolve(name).toString(), "--threads", "1");
        children.add(c);
        return c;
    }

    private static void awaitListening(NightlyKit.Child c) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.readString(c.stdout).contains("listening on queue " + queue)) {
            if (!c.process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("worker did not start\n" + Files.readString(c.stdout) + Files.readString(c.stderr));
            }
            Thread.sleep(200);
        }
    }

    private static Path workerLog(String name) {
        return tmp.resolve(name).resolve("logs").resolve("kpi.log");
    }

    private static long partitions(String status) throws Exception {
        return count("kpiOutcomes:%", status);
    }

    private static long ingestPartitions(String status) throws Exception {
        return count("ingestFile:%", status);
    }

    private static long count(String stepNames, String status) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.mysqlServerUrl() + "/" + database,
                TestDatabases.mysqlUser(), TestDatabases.mysqlPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '" + stepNames + "'"
                     + " AND STATUS = '" + status + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] command(Path dir, String... extra) throws IOException {
        return NightlyKit.runCommand(source, dir, extra);
    }

    private static Path out(Path dir) {
        return NightlyKit.outDir(dir.resolve("jobs"));
    }

    private static Path config(Path file, String db, String kpiBlock) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                spring:
                  datasource:
                    url: %s/%s
                    username: %s
                    password: "%s"
                kpi:
                %s""".formatted(TestDatabases.mysqlServerUrl(), db, TestDatabases.mysqlUser(), TestDatabases.mysqlPassword(),
                kpiBlock));
        return file;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
