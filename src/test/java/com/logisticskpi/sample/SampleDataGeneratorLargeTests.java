package com.logisticskpi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Benchmark-size generation in a small fixed heap: memory must not grow with the set (run with -Dgroups=slow). */
@Tag("slow")
class SampleDataGeneratorLargeTests {

    @Test
    void aMillionOrdersADayFitInA96MegabyteHeap(@TempDir Path out) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx96m", "-cp", classpath, SampleDataGenerator.class.getName(),
                "--out", out.toString(), "--start-date", "2026-11-01", "--days", "2", "--orders-per-day", "1000000",
                "--seed", "5").redirectErrorStream(true).redirectOutput(out.resolve("generator.log").toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out.resolve("generator.log"))).isZero();
        long orderIds = 0;
        try (BufferedReader r = Files.newBufferedReader(out.resolve("orders_20261102.csv"), StandardCharsets.UTF_8)) {
            // lines of 11-01 orders re-exported as CANCELLED also sit in this file: count the orders placed on 11-02
            orderIds = r.lines().filter(l -> l.startsWith("O20261102-") && l.split(",", 3)[1].equals("1")).count();
        }
        // every order has exactly one line 1 in its own day's file (re-exports go to the next day's file)
        // 1,000,000 orders placed on 11-02, plus the bad-row order O20261102-BAD1 if that day got one
        assertThat(orderIds).isBetween(1_000_000L, 1_000_001L);
    }
}
