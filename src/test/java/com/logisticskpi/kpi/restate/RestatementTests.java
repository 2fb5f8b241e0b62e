package com.logisticskpi.kpi.restate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import com.logisticskpi.jobs.run.NightlyKit;
import com.logisticskpi.kpi.output.KpiValuesCsv;
import com.logisticskpi.report.Messages;

/**
 * A late correction restates figures an earlier report showed (issue 10, "As reported and restatements"). On the
 * bundled sample data: the nightly of 2026-11-22, a re-run of it (nothing changed: nothing restated), then a corrected
 * promise for one order delivered on time on 2026-11-21 (the orders export re-sent on 11-23 with a promise one minute
 * before its delivery) and the nightly of 11-23. That order turns late: exactly its on-time rate and perfect-order rate
 * of the day 11-21 and the week 2026-W47 (ended when the report went out; the month is still under way), for the whole
 * business and its warehouse, carrier, region and channel, lose one on-time (perfect) order: 20 figures, each
 * expected as (numerator - 1) / denominator of the figure the report showed. The next night's workbook Summary, mail
 * and {@code ./kpi restatements} list exactly those.
 * <p>Over 300 lines: one end-to-end scenario with the readers it needs (kpi-values.csv, the Summary's section, the
 * mail parts) and the correction it writes; none of them is shared elsewhere.
 */
class RestatementTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DAY = "2026-11-21";
    private static final String WEEK = "2026-W47";
    private static final List<String> KPIS = List.of("on_time_rate", "perfect_order_rate");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    /** One figure of kpi-values.csv. */
    record Figure(String periodType, String period, String slice, String sliceValue, String kpi, double numerator,
                  long denominator, double value) {
        String key() {
            return periodType + "|" + period + "|" + slice + "|" + sliceValue + "|" + kpi;
        }
    }

    @Test
    void aLateCorrectionIsListedWithItsReportedAndCurrentValueAndAReRunListsNothing() throws Exception {
        Path dir = tmp.resolve("job");
        Path data = dir.resolve("data");
        String smtp = "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  from: kpi@example.com\n";
        String[] night1 = withSmtp(NightlyKit.runCommand(Path.of("sample-data", "inbox"), dir), smtp);

        NightlyKit.Result first = NightlyKit.inProcess(night1);
        assertThat(first.exitCode()).as(first.all()).isZero();
        // a re-run with the same data and as-of: the figures of the report it follows are unchanged
        NightlyKit.Result rerun = NightlyKit.inProcess(withSmtp(
                NightlyKit.runCommand(Path.of("sample-data", "inbox"), dir, "--rerun"), smtp));
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).doesNotContain("restated");
        NightlyKit.Result none = NightlyKit.inProcess("restatements", "--data-dir", data.toString());
        assertThat(none.exitCode()).as(none.all()).isZero();
        assertThat(none.out()).contains("nightly 2026-11-22, kpi run " + rerun.kpiRunId())
                .contains("no figure of an earlier report restated");
        assertThat(summaryTexts(workbook(rerun)))
                .noneMatch(t -> t.startsWith("Restated"));

        Corrected order = correctOnePromise(data, rerun.kpiRunId(), dir.resolve("inbox"));
        Map<String, Figure> reported = figures(workbook(rerun).resolveSibling("kpi-values.csv"));
        List<Figure> expectedOld = new ArrayList<>();
        for (String period : List.of("day|" + DAY, "week|" + WEEK)) {
            for (String slice : List.of("all|all", "warehouse|" + order.warehouse, "carrier|" + order.carrier,
                    "region|" + order.region, "channel|" + order.channel)) {
                for (String kpi : KPIS) {
                    Figure f = reported.get(period + "|" + slice + "|" + kpi);
                    assertThat(f).as(period + " " + slice + " " + kpi).isNotNull();
                    expectedOld.add(f);
                }
            }
        }

        String[] night2 = withSmtp(NightlyKit.runCommand(Path.of("sample-data", "inbox"), dir), smtp);
        night2[5] = "2026-11-23";                           // --date
        night2[7] = "2026-11-24T06:00:00+08:00";            // --as-of
        NightlyKit.Result second = NightlyKit.inProcess(night2);
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("20 figures of earlier reports restated – see the Summary sheet");
        Map<String, Figure> now = figures(workbook(second).resolveSibling("kpi-values.csv"));

        // ./kpi restatements: exactly the 20 figures, value as reported and now as kpi-values.csv writes them
        NightlyKit.Result listed = NightlyKit.inProcess("restatements", "--data-dir", data.toString());
        assertThat(listed.exitCode()).as(listed.all()).isZero();
        assertThat(listed.out()).contains("nightly 2026-11-23, kpi run " + second.kpiRunId())
                .contains("20 figures of earlier reports restated");
        Set<String> expectedLines = new LinkedHashSet<>();
        for (Figure f : expectedOld) {
            double value = (f.numerator() - 1) / f.denominator();
            assertThat(now.get(f.key()).value()).as(f.key()).isEqualTo(value);
            expectedLines.add(String.join(" ", f.periodType(), f.period(), f.slice(), f.sliceValue(), f.kpi(),
                    KpiValuesCsv.plain(f.value()), KpiValuesCsv.plain(value)));
        }
        Set<String> printed = new LinkedHashSet<>();
        for (String line : listed.out().split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length > 7 && (w[0].equals("day") || w[0].equals("week") || w[0].equals("month"))) {
                printed.add(String.join(" ", List.of(w).subList(0, 7)));
                assertThat(line).endsWith("nightly 2026-11-22, kpi run " + rerun.kpiRunId() + " as of 2026-11-23 06:00");
            }
        }
        assertThat(printed).containsExactlyInAnyOrderElementsOf(expectedLines);
        NightlyKit.Result since = NightlyKit.inProcess("restatements", "--data-dir", data.toString(), "--since", "2026-11-22");
        assertThat(since.out()).contains("nightly 2026-11-22, kpi run " + first.kpiRunId())
                .contains(listed.out().trim());

        // the Summary sheet: the title, the whole business's four figures first, then the slices, ten rows in all
        List<List<Object>> section = restatedSection(workbook(second));
        assertThat(section.get(0).get(0)).isEqualTo(
                "Restated: 20 figures of earlier reports changed since they were reported (late corrections)");
        List<List<Object>> rows = section.subList(2, 12);
        Messages m = new Messages(Locale.ENGLISH);
        List<Figure> allSlice = expectedOld.stream().filter(f -> f.slice().equals("all")).toList();
        for (int i = 0; i < allSlice.size(); i++) {
            Figure f = allSlice.get(i);
            List<Object> row = rows.get(i);
            assertThat(row.subList(0, 5)).as(f.key()).containsExactly(m.kpiName(f.kpi()),
                    (f.periodType().equals("day") ? "Day " : "Week ") + f.period(), "all orders", f.value(),
                    (f.numerator() - 1) / f.denominator());
            assertThat((double) row.get(5)).isCloseTo(-100.0 / f.denominator(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(row.get(6)).isEqualTo("nightly 2026-11-22 (kpi run " + rerun.kpiRunId() + ", as of 2026-11-23 06:00)");
        }
        assertThat(rows.get(4).get(2)).isEqualTo("warehouse " + order.warehouse);
        assertThat(section.get(12).get(0)).isEqualTo("… and 10 more: ./kpi restatements lists every one, with its exact values");

        // the mail of the second night says so (text and HTML); the earlier ones do not
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertThat(mails).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String text = part(mails[i], "text/plain");
            String html = part(mails[i], "text/html");
            if (i < 2) {
                assertThat(text).doesNotContain("restated");
                assertThat(html).doesNotContain("id=\"restated\"");
            } else {
                assertThat(text).contains("20 figures of earlier reports restated – see the Summary sheet");
                assertThat(html).contains("id=\"restated\"").contains("20 figures of earlier reports restated");
            }
        }
    }

    /** The reporting-run query on MariaDB (the Spring Batch tables in upper case there): before any report, none. */
    @Test
    void theCommandSaysSoBeforeAnyReportOnMariaDb() {
        List<String> args = new ArrayList<>(List.of("restatements"));
        args.addAll(com.logisticskpi.testsupport.TestDatabases.mysqlArgs(tmp.resolve("mysql")));
        NightlyKit.Result latest = NightlyKit.inProcess(args.toArray(String[]::new));
        assertThat(latest.exitCode()).as(latest.all()).isZero();
        assertThat(latest.out().trim()).isEqualTo("no scheduled report yet");
        args.addAll(List.of("--since", "2026-11-01"));
        NightlyKit.Result since = NightlyKit.inProcess(args.toArray(String[]::new));
        assertThat(since.out().trim()).isEqualTo("no scheduled report of a date since 2026-11-01");
        NightlyKit.Result bad = NightlyKit.inProcess("restatements", "--since", "11/21", "--data-dir", tmp.resolve("h2").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--since '11/21' is not a date (yyyy-MM-dd)");
    }

    /** The workbook a run wrote ("workbook: <path>" in its summary; a re-run writes into its own folder). */
    private static Path workbook(NightlyKit.Result run) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^workbook: (.+)$").matcher(run.out());
        assertThat(m.find()).as(run.all()).isTrue();
        return Path.of(m.group(1).trim());
    }

    /** NightlyKit writes the job file anew for every command: mail through GreenMail. */
    private static String[] withSmtp(String[] command, String smtp) throws java.io.IOException {
        Path job = Path.of(command[1]);
        Files.writeString(job, Files.readString(job) + smtp);
        return command;
    }

    /** The order whose promise was corrected, with its slices. */
    record Corrected(String orderId, String warehouse, String carrier, String region, String channel) {
    }

    /**
     * Picks the first order (by id) delivered on time and perfect on {@link #DAY} and due that day, whose delivery came
     * at least a minute after its order time on the same local day, and writes {@code orders_20261123.csv} re-sending
     * its order lines with the promise one minute before the delivery: the order turns late, nothing else about it
     * changes (same due day, delivery, cycle, lines).
     */
    private static Corrected correctOnePromise(Path data, long runId, Path inbox) throws Exception {
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(data), "sa", "")) {
            PreparedStatement ps = c.prepareStatement("""
                    SELECT order_id, warehouse, carrier, region, channel, order_time, delivered_at FROM order_outcome
                     WHERE run_id = ? AND state = 'DELIVERED' AND on_time AND perfect AND due_day = ? AND del_day = ?
                     ORDER BY order_id""");
            ps.setLong(1, runId);
            ps.setString(2, DAY);
            ps.setString(3, DAY);
            Corrected order = null;
            Instant promise = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && order == null) {
                    Instant ordered = rs.getObject("order_time", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Instant delivered = rs.getObject("delivered_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Instant p = delivered.minusSeconds(60);
                    if (p.isAfter(ordered) && p.atZone(SHANGHAI).toLocalDate().equals(LocalDate.parse(DAY))
                            && delivered.getNano() == 0 && ordered.getNano() == 0) {
                        order = new Corrected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                        promise = p;
                    }
                }
            }
            assertThat(order).as("an on-time, perfect order of " + DAY).isNotNull();
            DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
            StringBuilder csv = new StringBuilder("order_id,line_no,customer_id,order_time,promised_delivery_time,sku,category,"
                    + "quantity,unit_price,warehouse_id,region,channel,status\n");
            PreparedStatement lines = c.prepareStatement("SELECT order_id, line_no, customer_id, order_time, sku, category,"
                    + " quantity, unit_price, warehouse_id, region, channel, status FROM order_line WHERE order_id = ? ORDER BY line_no");
            lines.setString(1, order.orderId());
            try (ResultSet rs = lines.executeQuery()) {
                while (rs.next()) {
                    Instant ordered = rs.getObject("order_time", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    BigDecimal price = rs.getBigDecimal("unit_price");
                    csv.append(String.join(",", rs.getString("order_id"), rs.getString("line_no"), rs.getString("customer_id"),
                            local.format(ordered), local.format(promise), rs.getString("sku"), text(rs.getString("category")),
                            rs.getString("quantity"), price == null ? "" : price.stripTrailingZeros().toPlainString(),
                            text(rs.getString("warehouse_id")), text(rs.getString("region")), text(rs.getString("channel")),
                            rs.getString("status"))).append('\n');
                }
            }
            Files.writeString(inbox.resolve("orders_20261123.csv"), csv.toString());
            return order;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** kpi-values.csv by key (period type, period, slice, slice value, KPI). */
    private static Map<String, Figure> figures(Path csv) throws Exception {
        Map<String, Figure> out = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(8);
            Figure fig = new Figure(f[0], f[1], f[2], f[3], f[4], f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]),
                    f[6].isEmpty() ? 0 : Long.parseLong(f[6]), Double.parseDouble(f[7]));
            out.put(fig.key(), fig);
        }
        return out;
    }

    /** Every text cell of the Summary sheet. */
    private static List<String> summaryTexts(Path workbook) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        out.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }

    /** The Summary's rows from the "Restated" title on: cell values (text or number) from the title's column. */
    private static List<List<Object>> restatedSection(Path workbook) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            List<List<Object>> out = new ArrayList<>();
            int col = -1;
            for (Row row : s) {
                if (col < 0) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("Restated")) {
                            col = cell.getColumnIndex();
                        }
                    }
                }
                if (col >= 0) {
                    List<Object> values = new ArrayList<>();
                    for (int i = col; i < col + 7; i++) {
                        Cell cell = row.getCell(i);
                        values.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                                : cell.getStringCellValue());
                    }
                    out.add(values);
                }
            }
            assertThat(col).as("a Restated section on the Summary").isNotNegative();
            return out;
        }
    }

    private static String part(Part p, String type) throws Exception {
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = part(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return p.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) ? (String) p.getContent() : null;
    }
}
