package com.logisticskpi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.logisticskpi.jobs.run.NightlyKit;
import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.sheet.SummarySheet;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The nightly run's mail (GreenMail), and a run whose SMTP server is down (exit 5, then resumed at deliver). */
class NightlyMailTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    /**
     * The zh-CN and en nightly mails through GreenMail, then in headless Chromium at 390 and 1100 px: recipients,
     * subject with the number of red KPIs, multipart/alternative with a text/plain part, at most four named inline
     * charts, at most 1 MB without the workbook, no raw KPI id in the zh-CN mail, every headline figure equal to the
     * attached workbook's Summary (first block), no horizontal overflow and every headline row's value and status
     * inside the screen. Screenshots: target/mail-screenshots/mail-390-zh-CN.png etc. (copied to docs/screenshots).
     */
    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theNightlyMailIsAPhoneFirstDigestInTheJobsLanguageWithTheWorkbooksFigures(String locale) throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "nightly", inbox, smtp(greenMail.getSmtp().getPort()));
        Files.writeString(job, Files.readString(job).replace("locale: en", "locale: " + locale));
        NightlyKit.Result r = NightlyKit.inProcess("run", job.toString(), "--data-dir", tmp.resolve("data").toString(),
                "--date", NightlyKit.DATE, "--as-of", NightlyKit.AS_OF);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("delivery: mailed to 1 recipient(s) via 127.0.0.1:" + greenMail.getSmtp().getPort()
                + ", workbook attached");

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
        jakarta.mail.internet.InternetAddress from = (jakarta.mail.internet.InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("kpi@example.com");
        assertThat(from.getPersonal()).isEqualTo(locale.equals("en") ? "Logistics KPI reports" : "物流服务 KPI 报表");

        List<Part> parts = new ArrayList<>();
        collect(mail, parts);
        assertThat(((Multipart) mail.getContent()).getContentType()).startsWith("multipart/mixed");
        assertThat(containsType(mail, "multipart/alternative")).isTrue();
        Part attachment = parts.stream().filter(p -> "kpi-report_2026-11-22.xlsx".equals(fileName(p))).findFirst().orElseThrow();
        String html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().map(NightlyMailTests::text).orElseThrow();
        String plain = parts.stream().filter(p -> isType(p, "text/plain")).findFirst().map(NightlyMailTests::text).orElseThrow();
        List<Part> images = parts.stream().filter(p -> isType(p, "image/png")).toList();
        assertThat(images).hasSizeBetween(3, 4);
        Map<String, byte[]> byCid = new LinkedHashMap<>();
        for (Part image : images) {
            String cid = ((jakarta.mail.internet.MimePart) image).getContentID().replaceAll("[<>]", "");
            assertThat(cid).matches("trend-[a-z0-9-]+-60-days");
            assertThat(image.getFileName()).isEqualTo(cid + ".png");
            try (InputStream in = image.getInputStream()) {
                byCid.put(cid, in.readAllBytes());
            }
            assertThat(html).contains("src=\"cid:" + cid + "\" width=\"560\"");
        }

        // size without the workbook: the raw message minus the attachment's encoded part
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        mail.writeTo(whole);
        java.io.ByteArrayOutputStream att = new java.io.ByteArrayOutputStream();
        ((jakarta.mail.internet.MimeBodyPart) attachment).writeTo(att);
        assertThat(whole.size() - att.size()).as("mail bytes without the workbook").isLessThanOrEqualTo(1024 * 1024);

        byte[] attached;
        try (InputStream in = attachment.getInputStream()) {
            attached = in.readAllBytes();
        }
        assertThat(attached).isEqualTo(Files.readAllBytes(NightlyKit.outDir(jobs).resolve("kpi-report_2026-11-22.xlsx")));
        Messages messages = new Messages(java.util.Locale.forLanguageTag(locale));
        if (locale.equals("zh-CN")) {
            // no raw KPI id anywhere in the text, the HTML or the subject: every id of the run's kpi-values.csv
            Set<String> ids = new java.util.TreeSet<>();
            Files.readAllLines(NightlyKit.outDir(jobs).resolve("kpi-values.csv")).stream().skip(1)
                    .map(l -> l.split(",")[4]).forEach(ids::add);
            assertThat(ids).contains("on_time_rate", "perfect_order_rate");
            String visible = MailDigestTests.visibleText(html);
            for (String id : ids) {
                assertThat(visible).as("what the html shows").doesNotContain(id);
                assertThat(plain).as("text").doesNotContain(id);
                assertThat(mail.getSubject()).doesNotContain(id);
            }
            assertThat(plain).doesNotContain("GREEN", "AMBER", "RED", "Period:");
            assertThat(mail.getSubject()).matches("KPI nightly 2026-11-22 · (全部达标|\\d+ 项未达标)");
        } else {
            assertThat(mail.getSubject()).matches("KPI nightly 2026-11-22 · (all on target|1 off target|\\d+ off target)");
        }
        // the text part's figures are the workbook Summary's first block (the day), formatted the mail's way
        DigestValues fmt = new DigestValues(messages);
        int compared = 0;
        int whys = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(attached))) {
            CellReference anchor = new AreaReference(wb.getName("summary_table").getRefersToFormula(),
                    wb.getSpreadsheetVersion()).getFirstCell();
            Sheet summary = wb.getSheet(anchor.getSheetName());
            for (int i = 0; i < HeadlineKpi.values().length; i++) {
                HeadlineKpi kpi = HeadlineKpi.values()[i];
                Cell name = summary.getRow(anchor.getRow() + 2 + i).getCell(anchor.getCol() + SummarySheet.COL_KPI);
                assertThat(name.getStringCellValue()).isEqualTo(messages.get(kpi.nameKey()));
                Cell cell = summary.getRow(anchor.getRow() + 2 + i).getCell(anchor.getCol() + SummarySheet.COL_VALUE);
                String shown = cell == null || cell.getCellType() != CellType.NUMERIC ? messages.get("mail.no_data")
                        : fmt.value(kpi, cell.getNumericCellValue());
                assertThat(plain.replace("\r\n", "\n")).as(kpi.id()).contains("\n" + messages.get(kpi.nameKey()) + ": " + shown);
                compared += cell != null && cell.getCellType() == CellType.NUMERIC ? 1 : 0;
                // the "why" of a red or amber KPI: the same line as the workbook's Why column (kpis.md section 8)
                Cell why = summary.getRow(anchor.getRow() + 2 + i).getCell(anchor.getCol() + SummarySheet.COL_WHY);
                if (why != null && !why.getStringCellValue().isBlank()) {
                    assertThat(plain.replace("\r\n", "\n")).as("why of " + kpi.id())
                            .contains("\n    " + why.getStringCellValue() + "\n");
                    whys++;
                }
            }
        }
        assertThat(compared).as("headline figures compared").isGreaterThanOrEqualTo(6);
        assertThat(whys).as("red or amber headline KPIs with a why line").isPositive();

        // a real browser: a phone (390 px) and a desktop window (1100 px)
        String page = HeadlessChromium.inlineImages(html, byCid);
        Path shots = Path.of("target", "mail-screenshots");
        for (int width : new int[]{390, 1100}) {
            HeadlessChromium.Layout l = HeadlessChromium.render(page, width, tmp.resolve("browser-" + width),
                    shots.resolve("mail-" + width + "-" + locale + ".png"));
            assertThat(l.viewportWidth()).isEqualTo(width);
            assertThat(l.scrollWidth()).as("horizontal overflow at " + width + " px").isLessThanOrEqualTo(width);
            assertThat(l.rows()).as("headline rows").hasSize(HeadlineKpi.values().length);
            for (double[] row : l.rows()) {
                assertThat(row[0]).as("row left").isGreaterThanOrEqualTo(0);
                assertThat(row[1]).as("value and status inside the screen at " + width).isLessThanOrEqualTo(width);
                assertThat(row[2]).as("value width").isPositive();
                assertThat(row[3]).as("value height").isPositive();
            }
            assertThat(l.images()).hasSize(images.size());
            for (double[] img : l.images()) {
                assertThat(img[1]).as("chart right edge").isLessThanOrEqualTo(width);
                assertThat(img[3]).as("chart loaded (natural width)").isEqualTo(1120);
                assertThat(img[2]).as("chart drawn width").isEqualTo(Math.min(560, width - 32));
            }
        }
    }

    private static boolean containsType(Part p, String type) throws Exception {
        if (p.isMimeType(type)) {
            return true;
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (containsType(mp.getBodyPart(i), type)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void smtpDownEndsWithFiveKeepsTheReportAndTheSameCommandThenSendsExactlyOneMail() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();                                 // free: nothing listens there now
        }
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "nightly", inbox, smtp(port));
        // connection refused is a transient failure: three attempts, 100 ms then 200 ms apart (not the default 5 s, 10 s)
        Path fastRetry = Files.writeString(tmp.resolve("fast-retry.yml"), "kpi:\n  delivery:\n    retry:\n      delay: 100ms\n");
        String[] command = {"run", job.toString(), "--data-dir", tmp.resolve("data").toString(), "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF, "--config", fastRetry.toString()};

        NightlyKit.Result down = NightlyKit.inProcess(command);
        assertThat(down.exitCode()).as(down.all()).isEqualTo(5);
        assertThat(down.err()).contains("kpi run: job nightly for 2026-11-22 failed in step deliver (execution 1): mail to 1"
                + " recipient(s) via SMTP 127.0.0.1:" + port + " failed after 3 attempts: ");
        Path workbook = NightlyKit.outDir(jobs).resolve("kpi-report_2026-11-22.xlsx");
        assertThat(workbook).isRegularFile();
        byte[] report = Files.readAllBytes(workbook);

        GreenMail up = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        up.start();
        try {
            NightlyKit.Result again = NightlyKit.inProcess(command);
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).contains("resumed the run of nightly for 2026-11-22", "(execution 2): COMPLETED",
                    "delivery: mailed to 1 recipient(s) via 127.0.0.1:" + port);
            assertThat(up.waitForIncomingEmail(5000, 1)).isTrue();
            Thread.sleep(500);
            assertThat(up.getReceivedMessages()).hasSize(1);
            // resumed at deliver: the report was not written again
            assertThat(Files.readAllBytes(workbook)).isEqualTo(report);
        } finally {
            up.stop();
        }
    }

    private static String smtp(int port) {
        return "smtp:\n  host: 127.0.0.1\n  port: " + port + "\n  from: kpi@example.com\n";
    }

    private static void collect(Part p, List<Part> out) throws Exception {
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
        } else {
            out.add(p);
        }
    }

    private static String fileName(Part p) {
        try {
            return p.getFileName();
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isType(Part p, String type) {
        try {
            return p.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }

    private static String text(Part p) {
        try {
            return (String) p.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
