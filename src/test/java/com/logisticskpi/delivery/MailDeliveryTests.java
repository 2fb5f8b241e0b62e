package com.logisticskpi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

class MailDeliveryTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@example.com", "kpi", "s3cret"));

    @TempDir
    Path dir;

    /** three attempts in all, 50 ms then 100 ms apart */
    static final DeliveryProperties.Retry FAST_RETRY = new DeliveryProperties.Retry(3, Duration.ofMillis(50));

    private SmtpSettings settings(Map<String, String> env, String user) {
        return settings(env, user, greenMail.getSmtp().getPort());
    }

    private SmtpSettings settings(Map<String, String> env, String user, int port) {
        DeliveryProperties p = new DeliveryProperties("127.0.0.1", port, user, "TEST_SMTP_PW",
                null, false, false, "reports@example.com", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), null,
                FAST_RETRY);
        return SmtpSettings.of(p, env::get);
    }

    private Path workbook() throws IOException {
        Path f = dir.resolve("kpi-nightly-2026-11-22.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            var row = wb.createSheet("KPI").createRow(0);
            row.createCell(0).setCellValue("on_time_rate");
            row.createCell(1).setCellValue(0.95);
            wb.write(out);
        }
        return f;
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static List<Part> parts(Part p) throws Exception {
        List<Part> all = new ArrayList<>();
        all.add(p);
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                all.addAll(parts(mp.getBodyPart(i)));
            }
        }
        return all;
    }

    private static String html(List<Part> parts) throws Exception {
        for (Part p : parts) {
            if (p.isMimeType("text/html")) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no HTML part");
    }

    @Test
    void sendsTheHtmlBodyInlineChartAndWorkbookToEveryRecipient() throws Exception {
        Path wb = workbook();
        byte[] png = png();
        String html = "<html><body><h2>KPI</h2><img src=\"cid:chart-ontime\"></body></html>";
        ReportMail mail = new ReportMail(List.of("ops@example.com", "boss@example.com"), "物流服务 KPI 日报 2026-11-22",
                html, List.of(new ReportMail.InlineImage("chart-ontime", png, "image/png")), wb, 10L * 1024 * 1024);

        DeliveryReceipt receipt = new MailDelivery(settings(Map.of("TEST_SMTP_PW", "s3cret"), "kpi")).send(mail);

        assertThat(receipt.attached()).isTrue();
        assertThat(receipt.attachmentBytes()).isEqualTo(Files.size(wb));
        assertThat(receipt.server()).isEqualTo("127.0.0.1:" + greenMail.getSmtp().getPort());
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();       // one copy per recipient
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("物流服务 KPI 日报 2026-11-22");
        assertThat(Arrays.stream(m.getAllRecipients()).map(Address::toString)).containsExactly("ops@example.com", "boss@example.com");
        assertThat(m.getFrom()[0].toString()).isEqualTo("reports@example.com");

        List<Part> parts = parts(m);
        assertThat(html(parts)).contains("cid:chart-ontime");
        Part image = parts.stream().filter(p -> {
            try {
                return p.isMimeType("image/png");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(((jakarta.mail.internet.MimePart) image).getContentID()).isEqualTo("<chart-ontime>");
        assertThat(Part.INLINE).isEqualToIgnoringCase(image.getDisposition());
        try (InputStream in = image.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
        Part attachment = parts.stream().filter(p -> {
            try {
                return "kpi-nightly-2026-11-22.xlsx".equals(p.getFileName());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(attachment.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        try (InputStream in = attachment.getInputStream(); Workbook opened = WorkbookFactory.create(in)) {
            assertThat(opened.getSheet("KPI").getRow(0).getCell(0).getStringCellValue()).isEqualTo("on_time_rate");
            assertThat(opened.getSheet("KPI").getRow(0).getCell(1).getNumericCellValue()).isEqualTo(0.95);
        }
    }

    @Test
    void aWorkbookAboveTheCapIsReplacedByItsPath() throws Exception {
        Path wb = workbook();
        ReportMail mail = new ReportMail(List.of("ops@example.com"), "big", "<html><body><p>summary</p></body></html>",
                List.of(), wb, 100);                                       // the workbook is a few KB, the cap 100 bytes
        DeliveryReceipt receipt = new MailDelivery(settings(Map.of(), null)).send(mail);
        assertThat(receipt.attached()).isFalse();
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        List<Part> parts = parts(greenMail.getReceivedMessages()[0]);
        assertThat(parts).noneMatch(p -> {
            try {
                return p.getFileName() != null;
            } catch (Exception e) {
                return true;
            }
        });
        String body = html(parts);
        assertThat(body).contains("<p>summary</p>").contains("is not attached")
                .contains(Html.escape(wb.toAbsolutePath().toString())).contains("0.0 MB");
        assertThat(body.indexOf("is not attached")).isLessThan(body.indexOf("</body>"));
    }

    @Test
    void aWrongPasswordIsADeliveryFailureThatNeverShowsThePasswordAndIsNotRetried() throws IOException {
        ReportMail mail = new ReportMail(List.of("ops@example.com"), "s", "<p>x</p>", List.of(), null, 1);
        try (SmtpProxy proxy = new SmtpProxy(greenMail.getSmtp().getPort(), n -> null)) {
            MailDelivery delivery = new MailDelivery(settings(Map.of("TEST_SMTP_PW", "wrong-pw"), "kpi", proxy.port()));
            assertThatThrownBy(() -> delivery.send(mail))
                    .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED))
                    .hasMessageContaining("via SMTP 127.0.0.1:" + proxy.port() + " failed: ")
                    .hasMessageNotContaining("attempts")
                    .hasMessageNotContaining("wrong-pw");
            assertThat(proxy.connections()).isEqualTo(1);                  // bad credentials are permanent
        }
    }

    @Test
    void aServerThatRefusesTheFirstAttemptThenAcceptsGetsTheMailOnce() throws Exception {
        // the first connection is greeted with "421 try again later", the next ones reach GreenMail
        try (SmtpProxy proxy = new SmtpProxy(greenMail.getSmtp().getPort(),
                n -> n == 1 ? "421 4.3.2 Service not available, try again later" : null)) {
            ReportMail mail = new ReportMail(List.of("ops@example.com"), "retried", "<p>x</p>", List.of(), null, 1);
            DeliveryReceipt receipt = new MailDelivery(settings(Map.of("TEST_SMTP_PW", "s3cret"), "kpi", proxy.port())).send(mail);
            assertThat(receipt.recipients()).containsExactly("ops@example.com");
            assertThat(proxy.connections()).isEqualTo(2);
            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            Thread.sleep(200);                                             // nothing else arrives
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("retried");
        }
    }

    @Test
    void aTransientRefusalIsTriedMaxAttemptsTimesAndAPermanentOneOnce() throws Exception {
        ReportMail mail = new ReportMail(List.of("ops@example.com"), "s", "<p>x</p>", List.of(), null, 1);
        try (SmtpProxy busy = new SmtpProxy(greenMail.getSmtp().getPort(), n -> "451 4.3.0 Local error, try again")) {
            assertThatThrownBy(() -> new MailDelivery(settings(Map.of(), null, busy.port())).send(mail))
                    .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED))
                    .hasMessageContaining("via SMTP 127.0.0.1:" + busy.port() + " failed after 3 attempts: ")
                    .hasMessageContaining("451");
            assertThat(busy.connections()).isEqualTo(3);
        }
        try (SmtpProxy rejecting = new SmtpProxy(greenMail.getSmtp().getPort(), n -> "554 5.7.1 No SMTP service here")) {
            assertThatThrownBy(() -> new MailDelivery(settings(Map.of(), null, rejecting.port())).send(mail))
                    .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED))
                    .hasMessageContaining("via SMTP 127.0.0.1:" + rejecting.port() + " failed: ")
                    .hasMessageContaining("554");
            assertThat(rejecting.connections()).isEqualTo(1);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsTriedThreeTimesThenFailsQuicklyNamingTheHost() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();                                       // closed again: nothing listens there
        }
        DeliveryProperties p = new DeliveryProperties("127.0.0.1", port, null, null, null, null, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), null, FAST_RETRY);
        MailDelivery delivery = new MailDelivery(SmtpSettings.of(p, k -> null));
        long start = System.nanoTime();
        assertThatThrownBy(() -> delivery.send(new ReportMail(List.of("ops@example.com"), "s", "<p>x</p>", List.of(), null, 1)))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED))
                .hasMessageContaining("via SMTP 127.0.0.1:" + port + " failed after 3 attempts: ")
                .hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServerThatNeverAnswersHitsTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept());                             // accept, then say nothing (no 220 greeting)
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            acceptor.start();
            DeliveryProperties p = new DeliveryProperties("127.0.0.1", silent.getLocalPort(), null, null, null, null, null,
                    null, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(500), null,
                    new DeliveryProperties.Retry(2, Duration.ofMillis(50)));
            long start = System.nanoTime();
            assertThatThrownBy(() -> new MailDelivery(SmtpSettings.of(p, k -> null))
                    .send(new ReportMail(List.of("ops@example.com"), "s", "<p>x</p>", List.of(), null, 1)))
                    .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED))
                    .hasMessageContaining("127.0.0.1:" + silent.getLocalPort() + " failed after 2 attempts: ");
            // two attempts with a 500 ms read timeout: well under the 30 s default, and nowhere near hanging
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void withoutAHostNothingIsSentAndTheSettingIsNamed() {
        MailDelivery delivery = new MailDelivery(SmtpSettings.of(DeliveryProperties.defaults(), k -> null));
        assertThatThrownBy(() -> delivery.send(new ReportMail(List.of("a@example.com"), "s", "x", List.of(), null, 1)))
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIG))
                .hasMessageContaining("kpi.delivery.host");
    }

    @Test
    void aJobsSmtpBlockReplacesTheDefaultsAndThePasswordComesFromEnvOrFile() throws IOException {
        DeliveryProperties base = new DeliveryProperties("smtp.default", 25, "kpi", null, null, true, null, null, null, null, null, null, null);
        SmtpSettings s = SmtpSettings.of(base, Map.of("KPI_SMTP_PASSWORD", "env-pw")::get);
        assertThat(s.password().value()).isEqualTo("env-pw");
        assertThat(s.toString()).doesNotContain("env-pw");
        assertThat(s.starttls()).isTrue();
        SmtpSettings job = s.with(new SmtpOverride("smtp.job", 587, null, Secret.fromEnvironment("JOB_PW", "job-pw"), null, "j@example.com"));
        assertThat(job.server()).isEqualTo("smtp.job:587");
        assertThat(job.username()).isEqualTo("kpi");
        assertThat(job.password().value()).isEqualTo("job-pw");
        assertThat(job.from()).isEqualTo("j@example.com");
        assertThat(s.with(null)).isSameAs(s);

        Path pw = dir.resolve("smtp-password");
        Files.writeString(pw, "file-pw\n");
        DeliveryProperties fromFile = new DeliveryProperties("h", null, "kpi", null, pw, null, null, null, null, null, null, null, null);
        assertThat(SmtpSettings.of(fromFile, Map.of("KPI_SMTP_PASSWORD", "env-pw")::get).password().value()).isEqualTo("file-pw");
        // a user without any password is a configuration error, found before connecting
        DeliveryProperties none = new DeliveryProperties("h", null, "kpi", null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> SmtpSettings.of(none, k -> null).requireHost())
                .isInstanceOfSatisfying(KpiException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_CONFIG));
    }

    @Test
    void timeoutsAndStarttlsReachJakartaMail() {
        DeliveryProperties p = new DeliveryProperties("h", 587, null, null, null, true, true, null,
                Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(9), null, null);
        var props = new MailDelivery(SmtpSettings.of(p, k -> null)).sender().getJavaMailProperties();
        assertThat(props.getProperty("mail.smtp.connectiontimeout")).isEqualTo("3000");
        assertThat(props.getProperty("mail.smtp.timeout")).isEqualTo("7000");
        assertThat(props.getProperty("mail.smtp.writetimeout")).isEqualTo("9000");
        assertThat(props.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.auth")).isNull();
    }

    @Test
    void aJobsMailUsesItsRecipientsSubjectAndCapElseTheDeliveryDefault() {
        DeliveryProperties delivery = new DeliveryProperties("h", null, null, null, null, null, null, null, null, null, null,
                org.springframework.util.unit.DataSize.ofMegabytes(3), null);
        MailDigest digest = MailDigestTests.digest(java.util.Locale.CHINA, KpiWhy.NONE, null, null);
        var job = new com.logisticskpi.jobs.JobDefinition("weekly", "0 22 * * 0", com.logisticskpi.jobs.BusinessDateRule.LAST_COMPLETED_WEEK,
                null, Path.of("in"), Path.of("archive"), Path.of("out"), "weekly", java.util.Locale.CHINA, List.of("a@example.com"),
                "KPI {job} {period}", null, 30, null);
        ReportMail mail = ReportMail.fromDigest(job.recipients(), job.attachmentMaxBytesOr(delivery.attachmentMaxSize().toBytes()), digest,
                null, "物流服务 KPI 报表");
        assertThat(mail.recipients()).containsExactly("a@example.com");
        assertThat(mail.subject()).isEqualTo("KPI weekly 2026-W47 · 2 项未达标");
        assertThat(mail.html()).isEqualTo(new DigestHtml().render(digest));
        assertThat(mail.text()).isEqualTo(new DigestText().render(digest));
        assertThat(mail.senderName()).isEqualTo("物流服务 KPI 报表");
        assertThat(mail.attachmentMaxBytes()).isEqualTo(3L * 1024 * 1024);            // job has none: 3MB default
        var capped = new com.logisticskpi.jobs.JobDefinition("weekly", "0 22 * * 0", com.logisticskpi.jobs.BusinessDateRule.LAST_COMPLETED_WEEK,
                null, Path.of("in"), Path.of("archive"), Path.of("out"), "weekly", java.util.Locale.CHINA, List.of("a@example.com"),
                "KPI {job} {period}", 1000L, 30, null);
        assertThat(ReportMail.fromDigest(capped.recipients(),
                capped.attachmentMaxBytesOr(delivery.attachmentMaxSize().toBytes()), digest, null, null).attachmentMaxBytes()).isEqualTo(1000);
    }

    @Test
    void aDigestMailIsMultipartAlternativeWithTextPlainNamedInlineChartsAndTheSendersName() throws Exception {
        MailDigest digest = MailDigestTests.digest(java.util.Locale.ENGLISH, KpiWhy.NONE, new DigestCharts(), null);
        List<ReportMail.InlineImage> images = digest.charts().stream()
                .map(c -> new ReportMail.InlineImage(c.contentId(), c.fileName(), c.png(), "image/png")).toList();
        ReportMail mail = new ReportMail(List.of("ops@example.com"), digest.subject(), new DigestHtml().render(digest),
                new DigestText().render(digest), images, null, 1, "Logistics KPI reports");
        new MailDelivery(settings(Map.of("TEST_SMTP_PW", "s3cret"), "kpi")).send(mail);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertThat(m.getFrom()[0].toString()).isEqualTo("Logistics KPI reports <reports@example.com>");
        List<Part> parts = parts(m);
        assertThat(parts.stream().filter(p -> is(p, "multipart/alternative"))).hasSize(1);
        Part plain = parts.stream().filter(p -> is(p, "text/plain")).findFirst().orElseThrow();
        assertThat(((String) plain.getContent()).replace("\r\n", "\n")).isEqualTo(new DigestText().render(digest));
        List<Part> pngs = parts.stream().filter(p -> is(p, "image/png")).toList();
        assertThat(pngs).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(((jakarta.mail.internet.MimePart) pngs.get(i)).getContentID()).isEqualTo("<" + digest.charts().get(i).contentId() + ">");
            assertThat(pngs.get(i).getFileName()).isEqualTo(digest.charts().get(i).fileName());
        }
    }

    private static boolean is(Part p, String type) {
        try {
            return p.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }
}
