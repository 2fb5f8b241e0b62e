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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.logisticskpi.jobs.run.NightlyKit;
import com.logisticskpi.report.KpiCatalog;
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

    @Test
    void theNightlyMailHasTheRecipientsTheSubjectTheWorkbookAndTheWorkbooksSummaryFigures() throws Exception {
        Path inbox = tmp.resolve("inbox");
        NightlyKit.generateInbox(inbox);
        Path jobs = tmp.resolve("jobs");
        Path job = NightlyKit.jobFile(jobs, "nightly", inbox, smtp(greenMail.getSmtp().getPort()));
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
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("kpi@example.com");
        assertThat(mail.getSubject()).isEqualTo("KPI nightly 2026-11-22");

        List<Part> parts = new ArrayList<>();
        collect(mail, parts);
        Part attachment = parts.stream().filter(p -> "kpi-report_2026-11-22.xlsx".equals(fileName(p))).findFirst().orElseThrow();
        String html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().map(NightlyMailTests::text).orElseThrow();
        assertThat(parts.stream().filter(p -> isType(p, "image/png")).count()).as("inline charts").isPositive();

        Map<String, String> htmlValues = new LinkedHashMap<>();      // KPI label -> value cell of the mail's table
        Matcher m = Pattern.compile("<tr><td>([^<]*)</td><td style=\"text-align:right\">([^<]*)</td>").matcher(html);
        while (m.find()) {
            htmlValues.put(m.group(1), m.group(2));
        }
        assertThat(htmlValues).isNotEmpty();
        byte[] attached;
        try (InputStream in = attachment.getInputStream()) {
            attached = in.readAllBytes();
        }
        // the attachment is the workbook on disk, and it opens with POI
        assertThat(attached).isEqualTo(Files.readAllBytes(NightlyKit.outDir(jobs).resolve("kpi-report_2026-11-22.xlsx")));
        int compared = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(attached))) {
            CellReference anchor = new AreaReference(wb.getName("summary_table").getRefersToFormula(),
                    wb.getSpreadsheetVersion()).getFirstCell();
            Sheet summary = wb.getSheet(anchor.getSheetName());
            for (int i = 0; i < KpiCatalog.HEADLINE.size(); i++) {
                String kpi = KpiCatalog.HEADLINE.get(i);
                // the day block: header row, group row, then one row per headline KPI
                Cell cell = summary.getRow(anchor.getRow() + 2 + i).getCell(anchor.getCol() + SummarySheet.COL_VALUE);
                if (cell == null || cell.getCellType() != CellType.NUMERIC) {
                    continue;                                        // no figure that day
                }
                String shown = htmlValues.get(SummaryHtmlRenderer.NAMES.getOrDefault(kpi, kpi));
                assertThat(shown).as("mail row of " + kpi).isNotNull();
                double wbValue = cell.getNumericCellValue();
                boolean share = shown.endsWith("%");
                assertThat(shown).as(kpi).isEqualTo(SummaryHtmlRenderer.value(wbValue, share));
                compared++;
            }
        }
        assertThat(compared).as("headline figures compared").isGreaterThanOrEqualTo(6);
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
        String[] command = {"run", job.toString(), "--data-dir", tmp.resolve("data").toString(), "--date", NightlyKit.DATE,
                "--as-of", NightlyKit.AS_OF};

        NightlyKit.Result down = NightlyKit.inProcess(command);
        assertThat(down.exitCode()).as(down.all()).isEqualTo(5);
        assertThat(down.err()).contains("kpi run: job nightly for 2026-11-22 failed in step deliver (execution 1): mail to 1"
                + " recipient(s) via SMTP 127.0.0.1:" + port + " failed");
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
