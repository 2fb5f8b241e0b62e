package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.logisticskpi.cli.KpiCli;

/**
 * Shared by the nightly-run tests: a small generated inbox (SampleDataGenerator, 3 days x 100 orders), job files in a
 * temporary directory, in-process and child-JVM runs of {@code kpi run}, and database dumps for comparisons.
 */
public final class NightlyKit {

    /** The business date of the generated data's last day and the run's as_of (06:00 the next morning in Shanghai). */
    public static final String DATE = "2026-11-22";
    public static final String AS_OF = "2026-11-23T06:00:00+08:00";

    private NightlyKit() {
    }

    /** Generates 3 days (2026-11-20..22) of exports with 100 orders a day into {@code inbox}. */
    public static void generateInbox(Path inbox) {
        int rc = KpiCli.run("generate", "--out", inbox.toString(), "--start-date", "2026-11-20", "--days", "3",
                "--orders-per-day", "100", "--seed", "11");
        assertThat(rc).isZero();
    }

    /** A job file {@code <dir>/<name>.yml} for the inbox, with extra lines (e.g. an smtp block). */
    public static Path jobFile(Path dir, String name, Path inbox, String extra) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(name + ".yml");
        Files.writeString(f, """
                name: %s
                schedule: "30 21 * * *"
                business-date: yesterday
                zone: Asia/Shanghai
                inbox: %s
                archive-dir: %s
                out-dir: %s
                locale: en
                recipients: [ "ops@example.com" ]
                subject: "KPI {job} {period}"
                retention-days: 30
                %s
                """.formatted(name, inbox, dir.resolve("archive"), dir.resolve("out"), extra == null ? "" : extra));
        return f;
    }

    /** The output directory of a run of {@link #DATE}. */
    /**
     * The {@code kpi run} command of the test date over a private copy of {@code source} (copied to DIR/inbox the first
     * time), with the job file in DIR/jobs and the data dir DIR/data, plus {@code extra} arguments.
     */
    public static String[] runCommand(Path source, Path dir, String... extra) throws IOException {
        Path inbox = dir.resolve("inbox");
        if (!Files.exists(inbox)) {
            Files.createDirectories(inbox);
            try (java.util.stream.Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, inbox.resolve(f.getFileName()));
                }
            }
        }
        Path job = jobFile(dir.resolve("jobs"), "nightly", inbox, null);
        List<String> args = new ArrayList<>(List.of("run", job.toString(), "--data-dir", dir.resolve("data").toString(),
                "--date", DATE, "--as-of", AS_OF));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    public static Path outDir(Path jobDir) {
        return jobDir.resolve("out").resolve(DATE);
    }

    /** Result of an in-process or child run. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + "\n" + err;
        }

        /** The kpi run id printed in the summary ("headline KPIs ... (kpi run N)"). */
        public long kpiRunId() {
            Matcher m = Pattern.compile("\\(kpi run (\\d+)\\)").matcher(out);
            assertThat(m.find()).as("kpi run id in the output:\n" + all()).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    /** Runs {@code kpi <args>} in this JVM, capturing stdout and stderr. */
    public static synchronized Result inProcess(String... args) {
        com.logisticskpi.testsupport.CliRun.Result r = com.logisticskpi.testsupport.CliRun.run(args);
        return new Result(r.code(), r.out(), r.err());
    }

    /** A child JVM running {@code com.logisticskpi.cli.KpiCli <args>} with this test's class path. */
    public static final class Child {
        public final Process process;
        public final Path stdout;
        public final Path stderr;

        private Child(Process process, Path stdout, Path stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public static Child start(Path logDir, String tag, List<String> jvmProps, Map<String, String> env, String... args)
                throws IOException {
            Files.createDirectories(logDir);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx384m");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-Dfile.encoding=UTF-8");
            cmd.addAll(jvmProps);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("com.logisticskpi.cli.KpiCli");
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().remove("KPI_DB_URL");
            pb.environment().remove("KPI_SMTP_HOST");
            pb.environment().putAll(env);
            Path out = logDir.resolve(tag + ".out");
            Path err = logDir.resolve(tag + ".err");
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            return new Child(pb.start(), out, err);
        }

        public Result await(Duration timeout) throws Exception {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("child did not end within " + timeout + "\n" + Files.readString(stdout)
                        + Files.readString(stderr));
            }
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }

        /** Waits for the test hook's marker, then kills the process with SIGKILL. */
        public void killWhenPaused(Path marker, Duration timeout) throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(marker)) {
                if (!process.isAlive()) {
                    throw new AssertionError("child ended (exit " + process.exitValue() + ") before pausing\n"
                            + Files.readString(stdout) + Files.readString(stderr));
                }
                if (System.nanoTime() > end) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("child never reached the pause point\n" + Files.readString(stderr));
                }
                Thread.sleep(100);
            }
            // H2 commits reach the file within its write delay (0.5 s): let the committed work land, then kill
            Thread.sleep(1500);
            process.destroyForcibly();                // SIGKILL on Unix: no shutdown hook, no cleanup
            process.waitFor();
            assertThat(process.exitValue()).isEqualTo(137);   // 128 + SIGKILL (9)
        }
    }

    /** JDBC URL of the embedded database of a data dir (as in application.yml). */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize() + "/db/kpi;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
    }

    /** The stored exports (business columns, sorted by key) and the figures of one kpi run, as text lines. */
    public static List<String> dump(Connection c, long kpiRunId) throws SQLException {
        List<String> lines = new ArrayList<>();
        query(c, lines, "order_line", "SELECT order_id, line_no, customer_id, order_time, promised_time, promised_date_only,"
                + " sku, category, quantity, unit_price, warehouse_id, region, channel, status FROM order_line ORDER BY order_id, line_no");
        query(c, lines, "shipment_line", "SELECT shipment_id, order_id, line_no, sku, quantity, warehouse_id, carrier, ship_time,"
                + " delivered_time, status, damaged, documents_ok FROM shipment_line ORDER BY shipment_id, order_id, line_no");
        query(c, lines, "return_line", "SELECT return_id, line_no, order_id, sku, quantity, requested_time, received_time,"
                + " refunded_time, reason_code, comment_text FROM return_line ORDER BY return_id, line_no");
        query(c, lines, "survey_response", "SELECT response_id, order_id, customer_id, response_time, q_overall, q_recommend,"
                + " comment_text FROM survey_response ORDER BY response_id");
        query(c, lines, "survey_answer", "SELECT response_id, item, score FROM survey_answer ORDER BY response_id, item");
        query(c, lines, "kpi_value", "SELECT period_type, period_label, slice_name, slice_value, kpi, numerator, denominator, kpi_val"
                + " FROM kpi_value WHERE run_id = " + kpiRunId + " ORDER BY period_type, period_label, slice_name, slice_value, kpi");
        return lines;
    }

    public static List<String> dumpH2(Path dataDir, long kpiRunId) throws SQLException {
        try (Connection c = DriverManager.getConnection(h2Url(dataDir), "sa", "")) {
            return dump(c, kpiRunId);
        }
    }

    private static void query(Connection c, List<String> lines, String table, String sql) throws SQLException {
        int before = lines.size();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder(table);
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append('|').append(rs.getString(i));
                }
                lines.add(b.toString());
            }
        }
        if (!table.startsWith("survey") && !table.startsWith("return")) {     // 3 days: few returns, surveys come later
            assertThat(lines.size() - before).as("rows of " + table).isPositive();
        }
    }
}
