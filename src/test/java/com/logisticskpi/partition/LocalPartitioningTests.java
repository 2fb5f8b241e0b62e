package com.logisticskpi.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.jobs.run.NightlyKit;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The nightly job with its partitioned steps on local threads: ingest by file and outcomes by order-key range on two
 * threads (five ranges, on MariaDB, where parallel ranges once deadlocked on InnoDB gap locks) gives exactly the
 * kpi-values.csv and orders-outcome.csv of one thread on the embedded database.
 */
class LocalPartitioningTests {

    @TempDir
    static Path tmp;

    @Test
    void twoThreadsOnMariaDbGiveTheSameResultAsOneThreadOnH2() throws Exception {
        Path source = tmp.resolve("source");
        NightlyKit.generateInbox(source);

        Path one = tmp.resolve("one-thread");
        Path oneCfg = Files.createDirectories(one).resolve("threads1.yml");
        Files.writeString(oneCfg, "kpi:\n  partitioning:\n    threads: 1\n");
        NightlyKit.Result r1 = NightlyKit.inProcess(command(source, one, "--config", oneCfg.toString()));
        assertThat(r1.exitCode()).as(r1.all()).isZero();

        Path two = tmp.resolve("two-threads");
        Path twoCfg = Files.createDirectories(two).resolve("threads2.yml");
        Files.writeString(twoCfg, """
                spring:
                  datasource:
                    url: %s/%s
                    username: %s
                    password: "%s"
                kpi:
                  partitioning:
                    threads: 2
                    partitions: 5
                """.formatted(TestDatabases.mysqlServerUrl(), TestDatabases.freshMysqlDatabase(), TestDatabases.mysqlUser(),
                TestDatabases.mysqlPassword()));
        NightlyKit.Result r2 = NightlyKit.inProcess(command(source, two, "--profile", "mysql", "--config", twoCfg.toString()));
        assertThat(r2.exitCode()).as(r2.all()).isZero();

        for (String csv : List.of("kpi-values.csv", "orders-outcome.csv")) {
            assertThat(Files.readString(out(two).resolve(csv))).as(csv).isEqualTo(Files.readString(out(one).resolve(csv)));
        }
        assertThat(Files.readString(out(one).resolve("kpi-values.csv")).lines().count()).isGreaterThan(100);
        assertThat(runLog(one)).contains("outcomes in 1 partitions on 1 local thread");
        assertThat(runLog(two)).contains("outcomes in 5 partitions on 2 local threads", "ingest: 15 files of");
    }

    private static String runLog(Path dir) throws Exception {
        try (Stream<Path> logs = Files.list(dir.resolve("data").resolve("logs"))) {
            Path log = logs.filter(p -> p.getFileName().toString().startsWith("nightly")).findFirst().orElseThrow();
            return Files.readString(log);
        }
    }

    private static String[] command(Path source, Path dir, String... extra) throws Exception {
        return NightlyKit.runCommand(source, dir, extra);
    }

    private static Path out(Path dir) {
        return NightlyKit.outDir(dir.resolve("jobs"));
    }
}
