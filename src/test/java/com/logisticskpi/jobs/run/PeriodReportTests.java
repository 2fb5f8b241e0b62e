package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.logisticskpi.cli.KpiCli;
import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.sheet.SummarySheet;
import com.logisticskpi.testsupport.KpiCsv;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The weekly and monthly jobs write period workbooks: {@code kpi-report_2026-W47.xlsx} whose Summary leads with the
 * ISO week against the previous week, {@code kpi-report_2026-11.xlsx} with the month against the previous month and
 * against the same month last year; every figure read back against the run's kpi-values.csv. The weekly mail shows
 * the workbook's first block. Data: five generated weeks (2026-10-19 .. 2026-11-22, 30 orders a day).
 */
class PeriodReportTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path tmp;

    static Path inbox;

    @BeforeAll
    static void generate() {
        inbox = tmp.resolve("inbox");
        assertThat(KpiCli.run("generate", "--out", inbox.toString(), "--start-date", "2026-10-19", "--days", "35",
                "--orders-per-day", "30", "--seed", "5")).isZero();
        try {
            Files.createFile(inbox.resolve(".kpi-keep"));            // both jobs read it: archive copies, not moves
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One block of the Summary: its group label and the 11 headline rows under it. */
    record Block(String label, List<Integer> rows) {
    }

    static List<Block> blocks(Sheet s, CellReference anchor) {
        List<Block> out = new ArrayList<>();
        int r = anchor.getRow() + 1;
        while (s.getRow(r) != null && s.getRow(r).getCell(anchor.getCol()) != null
                && !s.getRow(r).getCell(anchor.getCol()).getStringCellValue().isEmpty()) {
            String label = s.getRow(r).getCell(anchor.getCol()).getStringCellValue();
            List<Integer> rows = new ArrayList<>();
            for (int i = 1; i <= HeadlineKpi.values().length; i++) {
                rows.add(r + i);
            }
            out.add(new Block(label, rows));
            r += 1 + HeadlineKpi.values().length;
        }
        return out;
    }

    /** The block's value and compared-with columns equal kpi-values.csv of {@code period} and {@code against}. */
    static int assertBlock(Sheet s, int c0, Block b, Map<String, KpiCsv.Row> csv, String type, String period, String against,
                           Messages m) {
        int numbers = 0;
        for (int i = 0; i < HeadlineKpi.values().length; i++) {
            HeadlineKpi kpi = HeadlineKpi.values()[i];
            var row = s.getRow(b.rows().get(i));
            assertThat(row.getCell(c0 + SummarySheet.COL_KPI).getStringCellValue()).isEqualTo(m.get(kpi.nameKey()));
            KpiCsv.Row cur = csv.get(KpiCsv.key(type, period, "all", "all", kpi.id()));
            KpiCsv.Row prev = csv.get(KpiCsv.key(type, against, "all", "all", kpi.id()));
            Cell value = row.getCell(c0 + SummarySheet.COL_VALUE);
            Cell compared = row.getCell(c0 + SummarySheet.COL_PREVIOUS);
            Cell change = row.getCell(c0 + SummarySheet.COL_CHANGE);
            String where = type + " " + period + " " + kpi.id();
            if (cur == null) {
                assertThat(value.getStringCellValue()).as(where).isEqualTo("–");
            } else {
                assertThat(value.getNumericCellValue()).as(where).isEqualTo(cur.value());
                numbers++;
            }
            if (prev == null) {
                assertThat(compared.getStringCellValue()).as(where + " vs " + against).isEqualTo("–");
            } else {
                assertThat(compared.getNumericCellValue()).as(where + " vs " + against).isEqualTo(prev.value());
            }
            if (cur != null && prev != null) {
                double factor = kpi.isShare() ? 100 : 1;
                assertThat(change.getNumericCellValue()).as(where).isCloseTo((cur.value() - prev.value()) * factor, within(1e-9));
            }
        }
        return numbers;
    }

    static Path job(Path dir, String name, String rule, String template, String locale, String smtp) throws Exception {
        Path job = NightlyKit.jobFile(dir, name, inbox, smtp);
        Files.writeString(job, Files.readString(job).replace("business-date: yesterday", "business-date: " + rule)
                .replace("locale: en", "locale: " + locale + "\ntemplate: " + template));
        return job;
    }

    @Test
    void theWeeklyReportLeadsWithTheIsoWeekAgainstThePreviousWeekAndItsMailShowsTheSameFigures() throws Exception {
        Path jobs = tmp.resolve("weekly-jobs");
        Path job = job(jobs, "weekly", "last-completed-week", "weekly", "en",
                "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  from: kpi@example.com\n");
        NightlyKit.Result r = NightlyKit.inProcess("run", job.toString(), "--data-dir", tmp.resolve("weekly-data").toString(),
                "--as-of", NightlyKit.AS_OF);
        assertThat(r.exitCode()).as(r.all()).isZero();
        Path out = jobs.resolve("out").resolve("2026-W47");
        Path workbook = out.resolve("kpi-report_2026-W47.xlsx");
        assertThat(workbook).isRegularFile();
        assertThat(out.resolve("kpi-report_2026-11-22.xlsx")).doesNotExist();
        assertThat(r.out()).contains("workbook: " + workbook, "Week 2026-W47 as of 11-23 06:00 – compared with 2026-W46");
        Map<String, KpiCsv.Row> csv = KpiCsv.read(out.resolve("kpi-values.csv"));
        Messages en = new Messages(Locale.ENGLISH);
        String plain;
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            CellReference anchor = new AreaReference(wb.getName("summary_table").getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
            Sheet s = wb.getSheet(anchor.getSheetName());
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Weekly logistics service KPIs – 2026-W47");
            List<Block> blocks = blocks(s, anchor);
            assertThat(blocks).extracting(Block::label).containsExactly(
                    "Week 2026-W47 as of 11-23 06:00 – compared with 2026-W46",
                    "Month 2026-11 as of 11-23 06:00 – compared with 2026-10");
            assertThat(assertBlock(s, anchor.getCol(), blocks.get(0), csv, "week", "2026-W47", "2026-W46", en)).isGreaterThanOrEqualTo(8);
            assertBlock(s, anchor.getCol(), blocks.get(1), csv, "month", "2026-11", "2026-10", en);

            // the mail: the same figures as the workbook's first block
            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            MimeMessage mail = greenMail.getReceivedMessages()[0];
            assertThat(mail.getSubject()).startsWith("KPI weekly 2026-W47 · ");
            plain = textPart(mail).replace("\r\n", "\n");
            assertThat(plain).startsWith("Weekly logistics service KPIs – 2026-W47\nWeek 2026-W47 as of 11-23 06:00 – compared with 2026-W46\n");
            assertThat(attachmentName(mail)).isEqualTo("kpi-report_2026-W47.xlsx");
            for (int i = 0; i < HeadlineKpi.values().length; i++) {
                HeadlineKpi kpi = HeadlineKpi.values()[i];
                KpiCsv.Row cur = csv.get(KpiCsv.key("week", "2026-W47", "all", "all", kpi.id()));
                String shown = cur == null ? "no data" : switch (kpi.unit()) {
                    case SHARE -> String.format(Locale.ROOT, "%.1f %%", cur.value() * 100);
                    case HOURS -> String.format(Locale.ROOT, "%.1f h", cur.value());
                    case RATIO -> String.format(Locale.ROOT, "%.2f", cur.value());
                    case SCORE -> String.format(Locale.ROOT, "%.1f", cur.value());
                    case COUNT -> String.format(Locale.ROOT, "%.0f", cur.value());
                };
                assertThat(plain).as(kpi.id()).contains("\n" + en.get(kpi.nameKey()) + ": " + shown);
            }
        }
    }

    @Test
    void theMonthlyReportComparesTheMonthWithThePreviousMonthAndTheSameMonthLastYear() throws Exception {
        Path jobs = tmp.resolve("monthly-jobs");
        Path job = job(jobs, "monthly", "last-month", "monthly", "zh-CN", null);
        NightlyKit.Result r = NightlyKit.inProcess("run", job.toString(), "--data-dir", tmp.resolve("monthly-data").toString(),
                "--date", "2026-11-22", "--as-of", NightlyKit.AS_OF);
        assertThat(r.exitCode()).as(r.all()).isZero();
        Path out = jobs.resolve("out").resolve("2026-11");
        Path workbook = out.resolve("kpi-report_2026-11.xlsx");
        assertThat(workbook).isRegularFile();
        Map<String, KpiCsv.Row> csv = KpiCsv.read(out.resolve("kpi-values.csv"));
        assertThat(csv).containsKey(KpiCsv.key("month", "2026-10", "all", "all", "on_time_rate"));
        Messages zh = new Messages(Locale.forLanguageTag("zh-CN"));
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            CellReference anchor = new AreaReference(wb.getName("summary_table").getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
            Sheet s = wb.getSheet(anchor.getSheetName());
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("物流服务 KPI 月报 – 2026-11");
            List<Block> blocks = blocks(s, anchor);
            assertThat(blocks).extracting(Block::label).containsExactly(
                    "月 2026-11（截至 11-23 06:00） – 对比 2026-10",
                    "月 2026-11（截至 11-23 06:00） – 对比去年同月 2025-11");
            assertThat(assertBlock(s, anchor.getCol(), blocks.get(0), csv, "month", "2026-11", "2026-10", zh)).isGreaterThanOrEqualTo(8);
            // the same month's figures against 2025-11, a month without data: every compared cell is a dash
            assertBlock(s, anchor.getCol(), blocks.get(1), csv, "month", "2026-11", "2025-11", zh);
            assertThat(csv.keySet()).noneMatch(k -> k.startsWith("month|2025-11|"));
        }
    }

    static String textPart(Part p) throws Exception {
        if (p.isMimeType("text/plain")) {
            return (String) p.getContent();
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String t = textPart(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static String attachmentName(Part p) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return p.getFileName();
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String t = attachmentName(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
