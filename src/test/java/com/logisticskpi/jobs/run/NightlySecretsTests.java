package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.logisticskpi.testsupport.TestDatabases;

import jakarta.mail.internet.MimeMessage;

/**
 * Secrets never leak: a MariaDB user created with a canary password and an SMTP login with a canary password, DEBUG
 * logging everywhere (console threshold lowered too), one run failing at deliver (SMTP down) and the resumed run
 * mailing through GreenMail. Neither canary is in any log file, stdout/stderr, output file (workbook entries
 * unzipped) or the mail.
 */
class NightlySecretsTests {

    @TempDir
    Path tmp;

    @Test
    void canaryPasswordsAppearNowhereWithDebugLogging() throws Exception {
        String dbCanary = "CanaryDb" + Long.toHexString(System.nanoTime()) + "x";
        String smtpCanary = "CanarySmtp" + Long.toHexString(System.nanoTime()) + "y";
        String db = TestDatabases.freshMysqlDatabase();
        String user = "kcan" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(TestDatabases.mysqlServerUrl() + "/", TestDatabases.mysqlUser(),
                TestDatabases.mysqlPassword()); Statement s = c.createStatement()) {
            s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + dbCanary + "'");
            s.execute("GRANT ALL ON " + db + ".* TO '" + user + "'@'%'");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("KPI_DB_URL", TestDatabases.mysqlServerUrl() + "/" + db);
        env.put("KPI_DB_USER", user);
        env.put("KPI_DB_PASSWORD", dbCanary);
        env.put("KPI_SMTP_PASSWORD", smtpCanary);
        env.put("KPI_DELIVERY_RETRY_DELAY", "100ms");                       // the "down" run retries 100 ms, 200 ms apart
        env.put("LOGGING_LEVEL_ROOT", "DEBUG");
        env.put("LOGGING_LEVEL_COM_LOGISTICSKPI", "DEBUG");
        env.put("LOGGING_THRESHOLD_CONSOLE", "DEBUG");
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "nightly", inbox, "smtp:\n  host: 127.0.0.1\n  port: " + port
                + "\n  username: kpi-reports\n  password: ${KPI_SMTP_PASSWORD}\n  from: kpi@example.com\n");
        String[] cmd = {"run", job.toString(), "--data-dir", tmp.resolve("data").toString(), "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF};
        List<String> texts = new ArrayList<>();
        try {
            NightlyKit.Result down = NightlyKit.Child.start(tmp, "down", List.of(), env, cmd).await(Duration.ofMinutes(3));
            assertThat(down.exitCode()).as(down.err()).isEqualTo(5);
            texts.add(down.all());

            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            mail.withConfiguration(GreenMailConfiguration.aConfig().withUser("kpi@example.com", "kpi-reports", smtpCanary));
            mail.start();
            try {
                NightlyKit.Result up = NightlyKit.Child.start(tmp, "up", List.of(), env, cmd).await(Duration.ofMinutes(3));
                assertThat(up.exitCode()).as(up.err()).isZero();
                assertThat(up.all()).contains("DEBUG");                        // the debug logging really was on
                texts.add(up.all());
                assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
                for (MimeMessage m : mail.getReceivedMessages()) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    m.writeTo(raw);
                    texts.add(raw.toString(StandardCharsets.ISO_8859_1));
                }
            } finally {
                mail.stop();
            }
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (f.toString().contains("/db/")) {
                        continue;
                    }
                    texts.add(f + "\n" + read(f));
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(TestDatabases.mysqlServerUrl() + "/", TestDatabases.mysqlUser(),
                    TestDatabases.mysqlPassword()); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
        assertThat(texts.stream().filter(t -> t.contains(".log\n")).count()).as("log files scanned").isGreaterThanOrEqualTo(3);
        assertThat(texts.stream().anyMatch(t -> t.contains("kpi-report_2026-11-22.xlsx\n"))).isTrue();
        for (String t : texts) {
            assertThat(t).doesNotContain(dbCanary).doesNotContain(smtpCanary);
        }
    }

    /** A file's text; a zip (the workbook) as the text of all its entries. */
    private static String read(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            StringBuilder b = new StringBuilder();
            try (ZipFile zip = new ZipFile(f.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        b.append(e.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return b.toString();
        }
        try (InputStream in = Files.newInputStream(f)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
