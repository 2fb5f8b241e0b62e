package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.report.template.ReportTemplate;
import com.logisticskpi.report.template.TemplateException;
import com.logisticskpi.report.workbook.ReportWriter;

/** Formula injection, path traversal, atomic writes and the zip-bomb guard on the template. */
class ReportSafetyTests {

    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+1", "-1", "\t=1", "\r=1",
            "=1+1", "\uFF1D1+1", "=cmd|' /C calc'!A0");

    @TempDir
    Path tmp;

    /** Exceptions whose ids, customer ids, warehouses, carriers, regions and channels are formula payloads. */
    static List<OrderOutcome> hostileExceptions() {
        List<OrderOutcome> out = new ArrayList<>();
        List<OrderOutcome> base = ReportTestData.exceptions(5, PAYLOADS.size());
        for (int i = 0; i < PAYLOADS.size(); i++) {
            OrderOutcome o = base.get(i);
            String p = PAYLOADS.get(i);
            out.add(new OrderOutcome(p, p + "123456789", o.orderTime(), o.dueTime(), o.dueDate(), o.state(), o.deliveredAt(),
                    o.deliveryDate(), o.onTime(), o.accurate(), o.damaged(), o.documentsOk(), o.perfect(), o.split(), o.lines(),
                    o.accurateLines(), o.cycleHours(), o.dispatchHours(), o.hoursLate(), p, p, p, p, o.segment()));
        }
        return out;
    }

    static ReportInput hostileInput() {
        ReportInput base = ReportTestData.synthetic(3, Locale.ENGLISH, hostileExceptions());
        List<KpiValue> values = new ArrayList<>(base.values());
        for (String p : PAYLOADS) {
            // region names from the exports become slice values on the Breakdowns sheet
            values.add(ReportTestData.share(PeriodType.MONTH, "2026-11", "region", p, "perfect_order_rate", 100, 0.9));
            values.add(new KpiValue(PeriodType.MONTH, "2026-11", "region", p, "order_accuracy", 99.0, 100L, 0.99));
        }
        List<ReportInput.DataQualityRow> quality = new ArrayList<>(base.dataQuality());
        quality.add(new ReportInput.DataQualityRow("=HYPERLINK(\"http://x\",\"y\").csv", "orders", "-1", 1, 0, 0,
                Map.of("@SUM(A1)", 1L), 0));
        return new ReportInput(base.businessDate(), base.asOf(), base.zone(), base.locale(), base.freshness(), values,
                base.targets(), base.controlChart(), base.deliveredOrders(), base.exceptions(), quality, base.exceptionsCsv());
    }

    @Test
    void textFromTheExportsNeverBecomesAFormula() throws Exception {
        ReportFiles files = new ReportWriter().write(hostileInput(), tmp.resolve("out"));
        Pattern formula = Pattern.compile("<(\\w+:)?f[ >/]");
        int sheets = 0;
        for (var e : Workbooks.entries(files.workbook()).entrySet()) {
            if (e.getKey().startsWith("xl/worksheets/sheet")) {
                sheets++;
                String xml = new String(e.getValue(), StandardCharsets.UTF_8);
                assertThat(formula.matcher(xml).find()).as(e.getKey() + " has a formula element").isFalse();
            }
        }
        assertThat(sheets).isEqualTo(12); // ten sheets, Customer service and the hidden Styles sheet
        try (XSSFWorkbook wb = Workbooks.open(files.workbook())) {
            Sheet ex = wb.getSheet("Exceptions");
            int header = ex.getRepeatingRows().getFirstRow();
            for (int i = 0; i < PAYLOADS.size(); i++) {
                var row = ex.getRow(header + 1 + i);
                for (int c : new int[]{0, 8, 9, 10, 11}) { // order id, warehouse, carrier, region, channel
                    var cell = row.getCell(c);
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(cell.getStringCellValue()).isEqualTo(PAYLOADS.get(i));
                    // quote prefix: Excel keeps it text even when someone edits the cell
                    assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix on " + PAYLOADS.get(i)).isTrue();
                }
                // the masked customer id keeps only two characters of the payload
                assertThat(row.getCell(1).getStringCellValue()).hasSize(8).contains("****");
            }
            // region payloads on the Breakdowns sheet are string cells too
            Sheet b = wb.getSheet("Breakdowns");
            int found = 0;
            for (var row : b) {
                var c = row.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING && PAYLOADS.contains(c.getStringCellValue())) {
                    found++;
                    assertThat(c.getCellStyle().getQuotePrefixed()).isTrue();
                }
            }
            assertThat(found).isEqualTo(PAYLOADS.size());
            // an ordinary id has no quote prefix
            assertThat(TextCells.looksLikeFormula("SO-2026-0000001")).isFalse();
        }
    }

    @Test
    void outputNamesStayInsideTheOutputDirectory() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        assertThatThrownBy(() -> OutputPaths.inside(out, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPaths.inside(out, "..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPaths.inside(out, "/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPaths.inside(out, tmp.resolve("out-evil").resolve("x.xlsx").toString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPaths.inside(out, "charts/../../x.png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPaths.inside(out, "a\\b.xlsx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPaths.inside(out, "")).isInstanceOf(IllegalArgumentException.class);
        // /tmp/out-evil starts with the string "/tmp/out" but is not inside /tmp/out
        assertThat(tmp.resolve("out-evil").resolve("x").toString()).startsWith(out.toString());
        assertThat(OutputPaths.isInside(out, tmp.resolve("out-evil").resolve("x"))).isFalse();
        assertThat(OutputPaths.isInside(out, out.resolve("../x"))).isFalse();
        assertThat(OutputPaths.isInside(out, out.resolve("charts/a.png"))).isTrue();
        assertThat(OutputPaths.inside(out, "kpi-report_2026-11-12.xlsx")).isEqualTo(out.toAbsolutePath().resolve("kpi-report_2026-11-12.xlsx"));
        assertThat(OutputPaths.workbookName(java.time.LocalDate.of(2026, 1, 2))).isEqualTo("kpi-report_2026-01-02.xlsx");

        // a relative output directory with .. in it resolves to the real directory, and every file lands inside it
        Path sub = Files.createDirectories(tmp.resolve("a/b"));
        ReportFiles files = new ReportWriter().write(HandSet.input(Locale.ENGLISH), sub.resolve("../out2"));
        Path real = tmp.resolve("a/out2").toRealPath();
        assertThat(files.workbook().getParent()).isEqualTo(real);
        files.charts().forEach(c -> assertThat(c.getParent()).isEqualTo(real.resolve("charts")));
        assertThat(tmp.resolve("out-evil")).doesNotExist();
    }

    @Test
    void aFailedWriteKeepsThePreviousReportAndLeavesNoPartialFile() throws Exception {
        Path out = tmp.resolve("out");
        ReportFiles first = new ReportWriter().write(HandSet.input(Locale.ENGLISH), out);
        byte[] before = Files.readAllBytes(first.workbook());

        // the second run's exception stream breaks after 50 rows (a lost database cursor)
        List<OrderOutcome> rows = ReportTestData.exceptions(9, 100);
        Iterable<OrderOutcome> breaking = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public OrderOutcome next() {
                if (i == 50) {
                    throw new IllegalStateException("connection lost while reading exception orders");
                }
                return rows.get(i++);
            }
        };
        ReportInput in = HandSet.input(Locale.ENGLISH);
        ReportInput failing = new ReportInput(in.businessDate(), in.asOf(), in.zone(), in.locale(), in.freshness(), in.values(),
                in.targets(), in.controlChart(), in.deliveredOrders(), breaking, in.dataQuality(), in.exceptionsCsv());
        assertThatThrownBy(() -> new ReportWriter().write(failing, out)).hasMessageContaining("connection lost");

        assertThat(Files.readAllBytes(first.workbook())).isEqualTo(before);
        try (var list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kpi-report_2026-11-12.xlsx", "charts",
                    HandSet.input(Locale.ENGLISH).exceptionsCsv().getFileName().toString()); // the first run's CSV, kept
        }
        try (var list = Files.list(out.resolve("charts"))) {
            assertThat(list.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".png"));
        }
    }

    @Test
    void atomicWriteRemovesItsTemporaryFileOnFailure() throws Exception {
        Path target = tmp.resolve("x.bin");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> OutputPaths.writeAtomically(target, o -> {
            o.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var list = Files.list(tmp)) {
            assertThat(list).containsExactly(target);
        }
        OutputPaths.writeAtomically(target, o -> o.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(target)).hasSize(4); // rw-r--r--
    }

    @Test
    void aZipBombTemplateIsRefusedWithAClearError() throws Exception {
        // POI's defaults are in force: nobody lowered the inflate ratio or raised the entry size
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(0xFFFFFFFFL);

        // the real template with its first sheet padded by 50 MB of spaces (inflates ~1000:1, beyond the 100:1 limit)
        Path bomb = tmp.resolve("bomb.xlsx");
        try (InputStream in = ReportTemplate.class.getResourceAsStream(ReportTemplate.BUILT_IN);
             ZipInputStream zin = new ZipInputStream(in);
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(bomb))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                zin.transferTo(b);
                byte[] data = b.toByteArray();
                zout.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    zout.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 50; i++) {
                        zout.write(spaces);
                    }
                    zout.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zout.write(data);
                }
                zout.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(200_000);
        ReportWriter writer = new ReportWriter(new ReportProperties(null, bomb, null));
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> writer.write(HandSet.input(Locale.ENGLISH), out))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("report template " + bomb)
                .hasMessageContaining("zip bomb");
        assertThat(out.resolve("kpi-report_2026-11-12.xlsx")).doesNotExist();
    }

    @Test
    void aTemplateWithoutTheNamesIsRefused() throws Exception {
        Path plain = tmp.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var os = Files.newOutputStream(plain)) {
            wb.createSheet("Summary");
            wb.write(os);
        }
        assertThatThrownBy(() -> ReportTemplate.open(plain)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("has no defined name 'summary_title'");
        assertThatThrownBy(() -> ReportTemplate.open(tmp.resolve("missing.xlsx"))).isInstanceOf(TemplateException.class)
                .hasMessageContaining("does not exist");
    }
}
