package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressReporterTests {

    static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final List<String> lines = new ArrayList<>();
    private final StringWriter terminal = new StringWriter();

    private ProgressReporter reporter(boolean interactive) {
        return ProgressReporter.of(interactive, new PrintWriter(terminal), lines::add, clock::get, Duration.ofSeconds(10));
    }

    @Test
    void nonInteractiveRunsLogALineEveryIntervalAndOneAtTheEnd() {
        ProgressReporter.Step step = reporter(false).start("load orders", 1_000_000);
        clock.addAndGet(5 * SECOND);
        step.advance(100_000);                      // 5 s < 10 s interval: nothing yet
        assertThat(lines).isEmpty();
        clock.addAndGet(15 * SECOND);
        step.advance(400_000);
        // 500,000 rows in 20 s = 25,000 rows/s; 500,000 left / 25,000 = 20 s
        assertThat(lines).containsExactly("load orders: 500,000/1,000,000 rows (50%), 25,000 rows/s, ETA 0:20");
        clock.addAndGet(5 * SECOND);
        step.advance(100_000);                      // 5 s since the last line: quiet
        assertThat(lines).hasSize(1);
        clock.addAndGet(15 * SECOND);
        step.update(1_000_000);
        // 1,000,000 rows in 40 s = 25,000 rows/s, nothing left
        assertThat(lines).last().isEqualTo("load orders: 1,000,000/1,000,000 rows (100%), 25,000 rows/s, ETA 0:00");
        step.close();
        assertThat(lines).last().isEqualTo("load orders: done, 1,000,000 rows in 0:40 (25,000 rows/s)");
        step.close();                               // closing twice logs once
        assertThat(lines).hasSize(3);
        assertThat(terminal.toString()).isEmpty();
    }

    @Test
    void interactiveRunsRedrawOneBarLineWithCarriageReturns() {
        ProgressReporter.Step step = reporter(true).start("load orders", 1_000_000);
        clock.addAndGet(4 * SECOND);
        step.update(250_000);
        // 25 % of 24 cells = 6 filled; 250,000 rows / 4 s = 62,500 rows/s; 750,000 left / 62,500 = 12 s
        String first = "\rload orders  [######------------------]  25%  250,000/1,000,000 rows  62,500 rows/s  ETA 0:12";
        assertThat(terminal.toString()).isEqualTo(first);
        clock.addAndGet(50_000_000L);               // 50 ms later: below the 100 ms redraw limit
        step.advance(1);
        assertThat(terminal.toString()).isEqualTo(first);
        clock.set(1_000 * SECOND + 3_600 * SECOND);
        step.update(999_999);
        // 999,999 / 3,600 s = 278 rows/s, one row left = 0:00; 3 characters shorter than "62,500": padded with 3 blanks
        assertThat(terminal.toString()).endsWith("\rload orders  [#######################-]  99%  999,999/1,000,000 rows  278 rows/s  ETA 0:00   ");
        step.done();
        // done() draws the final state once more (same width, no padding) and ends the line
        assertThat(terminal.toString()).endsWith("  ETA 0:00   \rload orders  [#######################-]  99%  999,999/1,000,000 rows  278 rows/s  ETA 0:00\n");
        assertThat(terminal.toString().chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(lines).isEmpty();
    }

    @Test
    void aShorterRedrawIsPaddedSoNoOldCharactersRemain() {
        ProgressReporter.Step step = reporter(true).start("compute", 0);   // unknown total
        clock.addAndGet(SECOND);
        step.update(1_234_567);
        assertThat(terminal.toString()).isEqualTo("\rcompute  1,234,567 rows  1,234,567 rows/s");
        clock.addAndGet(SECOND);
        step.update(1_234_568);                     // 617,284 rows/s: two characters shorter than "1,234,567"
        assertThat(terminal.toString()).endsWith("\rcompute  1,234,568 rows  617,284 rows/s  ");
    }

    @Test
    void etaAndDurationsAreFormatted() {
        assertThat(ProgressReporter.duration(7 * SECOND)).isEqualTo("0:07");
        assertThat(ProgressReporter.duration(754 * SECOND)).isEqualTo("12:34");
        assertThat(ProgressReporter.duration(3723 * SECOND)).isEqualTo("1:02:03");
        ProgressReporter.Step step = reporter(false).start("write workbook", 300);
        clock.addAndGet(10 * SECOND);
        step.update(0);
        assertThat(lines).containsExactly("write workbook: 0/300 rows (0%), 0 rows/s, ETA –");
        clock.addAndGet(10 * SECOND);
        step.update(1);
        // 1 row in 20 s; 299 left at that rate = 5,980 s = 1:39:40
        assertThat(lines).last().isEqualTo("write workbook: 1/300 rows (0%), 0 rows/s, ETA 1:39:40");
    }
}
