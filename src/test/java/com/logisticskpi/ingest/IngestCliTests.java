package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.cli.KpiCli;

/** {@code kpi ingest} and {@code kpi history} through KpiCli.run: output and exit codes. */
class IngestCliTests {

    @TempDir
    Path dataDir;
    @TempDir
    Path inbox;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return KpiCli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ingestThenReIngestThenAFailedFileThenHistory() {
        String dir = dataDir.toString();
        assertThat(run("ingest", "--inbox", IngestTestKit.EXAMPLE_INBOX.toString(), "--data-dir", dir)).isZero();
        assertThat(out()).contains("ingest job execution 1: COMPLETED")
                .containsPattern("shipments_20261112\\.csv\\s+shipments\\s+LOADED\\s+2\\s+2\\s+1\\s+0\\s+0");
        assertThat(err()).isEmpty();

        assertThat(run("ingest", "--inbox", IngestTestKit.EXAMPLE_INBOX.toString(), "--data-dir", dir)).isZero();
        assertThat(out()).contains("ingest job execution 2: COMPLETED")
                .containsPattern("orders_20261109\\.csv\\s+orders\\s+SKIPPED");

        IngestTestKit.write(inbox, "orders_20261110.csv", """
                order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity
                N1,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,1
                """);
        IngestTestKit.write(inbox, "returns_20261113.csv", "return_id,order_id\nR1,A1\n");
        assertThat(run("ingest", "--inbox", inbox.toString(), "--data-dir", dir)).isEqualTo(1);
        assertThat(out()).contains("ingest job execution 3: FAILED")
                .containsPattern("orders_20261110\\.csv\\s+orders\\s+LOADED\\s+1\\s+1")
                .containsPattern("returns_20261113\\.csv\\s+returns\\s+FAILED");
        assertThat(err().strip()).isEqualTo(
                "kpi ingest: returns_20261113.csv: missing required columns requested_time, reason_code");

        assertThat(run("history", "--data-dir", dir)).isZero();
        String[] lines = out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("id", "job", "status", "duration", "read", "written", "parameters");
        // newest first; execution 1 read 9 + 8 + 2 + 2 + 3 = 24 rows and wrote 24
        assertThat(lines[1]).containsPattern("^\\s+3\\s+ingest\\s+FAILED").contains("inbox=" + inbox, "launchedAt=");
        assertThat(lines[3]).containsPattern("^\\s+1\\s+ingest\\s+COMPLETED\\s+\\S+ \\S+\\s+\\S+\\s+24\\s+24\\s+inbox=");

        assertThat(run("history", "--limit", "1", "--data-dir", dir)).isZero();
        assertThat(out().strip().split("\n")).hasSize(2);
    }

    @Test
    void usageErrorsAndMissingOrEmptyInbox() {
        assertThat(run("ingest", "--inbox", inbox.resolve("missing").toString(), "--data-dir", dataDir.toString()))
                .isEqualTo(1);
        assertThat(err().strip()).isEqualTo("kpi ingest: inbox " + inbox.resolve("missing") + " is not a directory");

        assertThat(run("ingest", "--inbox", inbox.toString(), "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err().strip()).startsWith("kpi ingest: no export files in inbox " + inbox.toAbsolutePath().normalize());

        assertThat(run("ingest", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--inbox=DIR'");
        assertThat(run("history", "--limit", "0", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("kpi history: --limit must be at least 1, was 0");

        assertThat(run("ingest", "--help")).isZero();
        assertThat(out()).contains("--inbox=DIR", "--zone=ZONE");
        assertThat(run("history", "--help")).isZero();
        assertThat(out()).contains("--limit=N");
    }
}
