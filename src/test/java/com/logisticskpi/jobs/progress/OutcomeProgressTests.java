package com.logisticskpi.jobs.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.logisticskpi.jobs.ProgressMode;
import com.logisticskpi.kpi.engine.KpiEngine;

/** The phases of a whole KPI run as {@code recompute} and {@code report} show them (events fed by hand). */
class OutcomeProgressTests {

    static final long SECOND = 1_000_000_000L;

    @Test
    void prepareThenOrdersOfTheCandidatesThenFigures() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        StringWriter terminal = new StringWriter();
        ProgressReporter reporter = ProgressReporter.of(ProgressMode.LOG, new PrintWriter(terminal), lines::add, clock::get,
                Duration.ofSeconds(5));
        KpiEngine engine = new KpiEngine(null, null, null);  // only its listeners are used here
        try (OutcomeProgress progress = OutcomeProgress.openFramed(reporter, engine)) {
            clock.addAndGet(6 * SECOND);
            reporter.tick();
            assertThat(lines).containsExactly("prepare: 0:06 so far");
            progress.candidatesSelected(1, 4_151);
            assertThat(lines).last().isEqualTo("prepare: done in 0:06");
            clock.addAndGet(2 * SECOND);
            progress.candidatesBuilt(1, 2_000);
            clock.addAndGet(3 * SECOND);
            progress.candidatesBuilt(1, 1_000);
            // 3,000 of 4,151 in 5 s = 600 orders/s; 1,151 left at that pace = 1.9 s
            assertThat(lines).last().isEqualTo("outcomes: 3,000/4,151 orders (72%), 600 orders/s, ETA 0:02");
            progress.candidatesBuilt(1, 1_151);          // every candidate built: the phase ends, figures begin
            assertThat(lines).last().isEqualTo("outcomes: done, 4,151 orders in 0:05 (830 orders/s)");
            clock.addAndGet(9 * SECOND);
        }
        assertThat(lines).last().isEqualTo("figures: done in 0:09");
        assertThat(lines).hasSize(5);
        assertThat(terminal.toString()).isEmpty();
    }
}
