package com.logisticskpi.kpi.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.testsupport.EngineHarness;

/**
 * {@link IncrementalNightsTests}' 60 nights on MariaDB (a fresh database kpit_&lt;pid&gt;_&lt;n&gt; that lives through all
 * of them): the same generated files, hand-written corrections and checks. A class of its own so that CI's two test
 * forks run the H2 and the MariaDB variant side by side.
 */
class IncrementalNightsMariaDbTests {

    @TempDir
    Path work;

    @Test
    void sixtyNightsOnMariaDbEqualAFullRecomputeEveryNight() {
        try (EngineHarness h = EngineHarness.mysql(work.resolve("mariadb"))) {
            IncrementalNightsTests.sixtyNights(h, "mariadb", IncrementalNightsTests.generate(work), work);
        }
    }
}
