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

/** The bar and the log lines, with a hand-driven clock (no timing assertions). */
class ProgressReporterTests {

    static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final List<String> lines = new ArrayList<>();
    private final StringWriter terminal = new StringWriter();

    private ProgressReporter reporter(ProgressMode mode) {
        return ProgressReporter.of(mode, new PrintWriter(terminal), lines::add, clock::get, Duration.ofSeconds(10));
    }

    @Test
    void logModeWritesALineEveryIntervalAndOneAtTheEndAndNothingOnTheTerminal() {
        ProgressReporter.Phase phase = reporter(ProgressMode.LOG).start("load orders", 1_000_000);
        clock.addAndGet(5 * SECOND);
        phase.advance(100_000);                      // 5 s < 10 s interval: nothing yet
        assertThat(lines).isEmpty();
        clock.addAndGet(15 * SECOND);
        phase.advance(400_000);
        // 500,000 rows in 20 s = 25,000 rows/s; half done in 20 s, so 20 s left
        assertThat(lines).containsExactly("load orders: 500,000/1,000,000 rows (50%), 25,000 rows/s, ETA 0:20");
        clock.addAndGet(5 * SECOND);
        phase.advance(100_000);                      // 5 s since the last line: quiet
        assertThat(lines).hasSize(1);
        clock.addAndGet(15 * SECOND);
        phase.update(1_000_000);
        assertThat(lines).last().isEqualTo("load orders: 1,000,000/1,000,000 rows (100%), 25,000 rows/s, ETA 0:00");
        phase.close();
        assertThat(lines).last().isEqualTo("load orders: done, 1,000,000 rows in 0:40 (25,000 rows/s)");
        phase.close();                               // closing twice logs once
        assertThat(lines).hasSize(3);
        assertThat(terminal.toString()).isEmpty();
    }

    @Test
    void ingestShowsFilesAndRowsWithTheRateInRowsAndTheEtaFromTheBytes() {
        ProgressReporter.Phase ingest = reporter(ProgressMode.LOG).start("ingest", "files", 140);
        ingest.update(35);
        ingest.work(1_000_000, 4_000_000);           // a quarter of the bytes (in 12 s, below): 36 s left
        assertThat(lines).isEmpty();
        clock.addAndGet(12 * SECOND);
        ingest.rows(24_000);                         // 24,000 rows in 12 s = 2,000 rows/s
        assertThat(lines).containsExactly("ingest: 35/140 files, 24,000 rows (25%), 2,000 rows/s, ETA 0:36");
        ingest.done();
        assertThat(lines).last().isEqualTo("ingest: done, 35 files, 24,000 rows in 0:12 (2,000 rows/s)");
    }

    @Test
    void barModeRedrawsOneLineWithCarriageReturnsAndLogsOnlyTheEnd() {
        ProgressReporter.Phase phase = reporter(ProgressMode.BAR).start("load orders", 1_000_000);
        clock.addAndGet(4 * SECOND);
        phase.update(250_000);
        // 25 % of 24 cells = 6 filled; 250,000 rows / 4 s = 62,500 rows/s; a quarter in 4 s, 12 s left
        String first = "\rload orders  [######------------------]  25%  250,000/1,000,000 rows  62,500 rows/s  ETA 0:12";
        assertThat(terminal.toString()).isEqualTo(first);
        clock.addAndGet(50_000_000L);               // 50 ms later: below the 100 ms redraw limit
        phase.advance(1);
        assertThat(terminal.toString()).isEqualTo(first);
        clock.set(1_000 * SECOND + 3_600 * SECOND);
        phase.update(999_999);
        // 999,999 / 3,600 s = 278 rows/s, one row left = 0:00; 3 characters shorter than "62,500": padded with 3 blanks
        assertThat(terminal.toString()).endsWith("\rload orders  [#######################-]  99%  999,999/1,000,000 rows  278 rows/s  ETA 0:00   ");
        assertThat(lines).isEmpty();                 // never both: no periodic log line in bar mode
        phase.done();
        // done() draws the final state once more (same width, no padding) and ends the line
        assertThat(terminal.toString()).endsWith("  ETA 0:00   \rload orders  [#######################-]  99%  999,999/1,000,000 rows  278 rows/s  ETA 0:00\n");
        assertThat(terminal.toString().chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(lines).containsExactly("load orders: done, 999,999 rows in 1:00:00 (278 rows/s)");
    }

    @Test
    void aShorterRedrawIsPaddedSoNoOldCharactersRemain() {
        ProgressReporter.Phase phase = reporter(ProgressMode.BAR).start("compute", 0);   // unknown total
        clock.addAndGet(SECOND);
        phase.update(1_234_567);
        assertThat(terminal.toString()).isEqualTo("\rcompute  1,234,567 rows  1,234,567 rows/s");
        clock.addAndGet(SECOND);
        phase.update(1_234_568);                     // 617,284 rows/s: two characters shorter than "1,234,567"
        assertThat(terminal.toString()).endsWith("\rcompute  1,234,568 rows  617,284 rows/s  ");
    }

    @Test
    void theTickerShowsTimePassingWithoutNewWork() {
        ProgressReporter reporter = reporter(ProgressMode.LOG);
        ProgressReporter.Phase sheets = reporter.start("workbook", "sheets", 11);
        clock.addAndGet(4 * SECOND);
        sheets.advance(2);
        clock.addAndGet(7 * SECOND);                 // one long sheet: nothing advances
        reporter.tick();
        // 2 of 11 in 11 s = 0.2 sheets/s; 9 left at that pace = 49.5 s, rounded 50 s
        assertThat(lines).containsExactly("workbook: 2/11 sheets (18%), 0.2 sheets/s, ETA 0:50");
        sheets.done();
        reporter.tick();                             // a finished phase is no longer shown
        assertThat(lines).hasSize(2);
    }

    @Test
    void aPhaseThatHasCountedNothingShowsItsTime() {
        ProgressReporter reporter = reporter(ProgressMode.LOG);
        ProgressReporter.Phase compute = reporter.start("compute", 0);   // its tasklet counts its figures at the end
        clock.addAndGet(12 * SECOND);
        reporter.tick();
        assertThat(lines).containsExactly("compute: 0:12 so far");
        compute.advance(28_690);
        compute.done();
        assertThat(lines).last().isEqualTo("compute: done, 28,690 rows in 0:12 (2,391 rows/s)");
        ProgressReporter.Phase prepare = reporter.start("computePrepare", 0);
        clock.addAndGet(2 * SECOND);
        prepare.done();
        assertThat(lines).last().isEqualTo("computePrepare: done in 0:02");
    }

    @Test
    void offShowsNothingAtAll() {
        ProgressReporter.Phase phase = reporter(ProgressMode.OFF).start("ingest", "files", 3);
        clock.addAndGet(60 * SECOND);
        phase.update(3);
        phase.done();
        assertThat(lines).isEmpty();
        assertThat(terminal.toString()).isEmpty();
    }

    @Test
    void autoIsABarOnATerminalAndLogLinesWithoutOne() {
        assertThat(ProgressMode.AUTO.resolve(true)).isEqualTo(ProgressMode.BAR);
        assertThat(ProgressMode.AUTO.resolve(false)).isEqualTo(ProgressMode.LOG);
        assertThat(ProgressMode.LOG.resolve(true)).isEqualTo(ProgressMode.LOG);
        assertThat(ProgressMode.parse(" Bar ")).isEqualTo(ProgressMode.BAR);
        // this test process has no terminal (System.console() is null under Maven): auto gives log lines
        assertThat(System.console()).isNull();
        try (ProgressReporter reporter = ProgressReporter.forConsole(ProgressMode.AUTO, Duration.ofSeconds(30))) {
            assertThat(reporter.mode()).isEqualTo(ProgressMode.LOG);
        }
    }

    @Test
    void etaAndDurationsAreFormatted() {
        assertThat(PhaseLine.duration(7 * SECOND)).isEqualTo("0:07");
        assertThat(PhaseLine.duration(754 * SECOND)).isEqualTo("12:34");
        assertThat(PhaseLine.duration(3723 * SECOND)).isEqualTo("1:02:03");
        ProgressReporter.Phase phase = reporter(ProgressMode.LOG).start("write workbook", 300);
        clock.addAndGet(10 * SECOND);
        phase.update(0);
        assertThat(lines).containsExactly("write workbook: 0/300 rows (0%), 0.0 rows/s, ETA –");
        clock.addAndGet(10 * SECOND);
        phase.update(1);
        // 1 row in 20 s; 299 left at that rate = 5,980 s = 1:39:40
        assertThat(lines).last().isEqualTo("write workbook: 1/300 rows (0%), 0.1 rows/s, ETA 1:39:40");
    }
}
