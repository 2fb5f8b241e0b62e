package com.logisticskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.ingest.IngestSummary;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.testsupport.KpiCsv;
import com.logisticskpi.testsupport.PlainSqlCrossCheck;

/**
 * END TO END on the bundled sample data (sample-data/inbox, 4 weeks ending 2026-11-22): the real ingest into a
 * temp H2 database, then {@code kpi report --date 2026-11-22 --as-of 2026-11-23T00:00:00+08:00}, and the workbook read
 * back with POI and checked against the {@code kpi-values.csv} of the same run (parsed here, not by the report code),
 * against an independent plain-SQL computation, against the inbox files, and against the same run on MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataReportTests {

    static final Path INBOX = Path.of("sample-data/inbox");
    static final String DATE = "2026-11-22";
    static final String AS_OF = "2026-11-23T00:00:00+08:00";
    static final Instant AS_OF_INSTANT = OffsetDateTime.parse(AS_OF).toInstant();
    /** kpis.md section 6 defaults: target, higher is better?, band. */
    static final Map<String, double[]> TARGETS = Map.of(
            "on_time_rate", new double[] {0.95, 1, 0.03},
            "order_accuracy", new double[] {0.995, 1, 0.005},
            "damage_rate", new double[] {0.005, 0, 0.005},
            "perfect_order_rate", new double[] {0.90, 1, 0.05},
            "cycle_cv", new double[] {0.5, 0, 0.1},
            "csi", new double[] {80, 1, 5},
            "nps", new double[] {30, 1, 10},
            // kpis.md section 10: the sample has tickets, so these two join the headline rows
            "complaint_rate", new double[] {0.01, 0, 0.005},
            "resolved_within_target_rate", new double[] {0.90, 1, 0.05});
    static final Map<String, String> FILLS = Map.of("On target", "C6EFCE", "Watch", "FFEB9C", "Off target", "FFC7CE");

    @TempDir
    static Path dir;
    static List<String> h2;
    static IngestSummary ingested;
    static Path out;
    static Path workbook;
    static XSSFWorkbook wb;
    static Map<String, KpiCsv.Row> csv;

    @BeforeAll
    void ingestAndReport() throws Exception {
        h2 = E2e.h2Args(dir.resolve("h2"));
        ingested = E2e.ingest(h2, INBOX);
        out = dir.resolve("out");
        workbook = E2e.report(h2, DATE, AS_OF, out, "en");
        wb = new XSSFWorkbook(Files.newInputStream(workbook));
        csv = KpiCsv.read(out.resolve("kpi-values.csv"));
    }

    @AfterAll
    void close() throws IOException {
        wb.close();
    }

    static KpiCsv.Row figure(String type, String period, String kpi) {
        return csv.get(KpiCsv.key(type, period, "all", "all", kpi));
    }

    /** KPI display name (report_en.properties) -> id, read from the bundle file itself. */
    static Map<String, String> kpiIdsByName() throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(
                SampleDataReportTests.class.getResourceAsStream("/i18n/report_en.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("kpi.") && k.endsWith(".name")) {
                out.put(p.getProperty(k), k.substring(4, k.length() - 5));
            }
        }
        return out;
    }

    @Test
    void everyHeadlineCellOfTheSummaryMatchesKpiValuesCsvOfTheSameRun() throws Exception {
        Sheet s = E2e.sheetOf(wb, "summary_table");
        CellReference anchor = E2e.ref(wb, "summary_table");
        int c0 = anchor.getCol();
        Map<String, Integer> col = new HashMap<>();
        Row header = s.getRow(anchor.getRow());
        for (int c = c0; c < c0 + 10; c++) {
            col.put(E2e.text(header.getCell(c)), c);
        }
        assertThat(col).containsKeys("Value", "Target", "Status", "Compared with", "Change", "Significant change?",
                "95% CI low", "95% CI high");
        // the periods of the report date and the ones before them
        Map<String, String[]> groups = Map.of(
                "Day 2026-11-22 as of 11-23 00:00 – compared with 2026-11-21", new String[] {"day", "2026-11-22", "2026-11-21"},
                "Week 2026-W47 as of 11-23 00:00 – compared with 2026-W46", new String[] {"week", "2026-W47", "2026-W46"},
                "Month 2026-11 as of 11-23 00:00 – compared with 2026-10", new String[] {"month", "2026-11", "2026-10"});
        Map<String, String> ids = kpiIdsByName();
        String[] period = null;
        int checked = 0;
        int withValue = 0;
        int withPrevious = 0;
        int significant = 0;
        Map<String, Integer> statuses = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (int r = anchor.getRow() + 1; r <= s.getLastRowNum(); r++) {
            String first = E2e.text(E2e.cell(s, r, c0));
            if (first == null || first.isEmpty()) {
                break;
            }
            if (groups.containsKey(first)) {
                period = groups.get(first);
                continue;
            }
            assertThat(period).as("a group row before " + first).isNotNull();
            String kpi = ids.get(first);
            assertThat(kpi).as(first).isNotNull();
            seen.add(period[0] + " " + kpi);
            String where = period[0] + " " + period[1] + " " + kpi;
            KpiCsv.Row cur = figure(period[0], period[1], kpi);
            KpiCsv.Row prev = figure(period[0], period[2], kpi);
            Cell value = E2e.cell(s, r, col.get("Value"));
            Cell target = E2e.cell(s, r, col.get("Target"));
            Cell status = E2e.cell(s, r, col.get("Status"));
            Cell previous = E2e.cell(s, r, col.get("Compared with"));
            Cell change = E2e.cell(s, r, col.get("Change"));
            Cell sig = E2e.cell(s, r, col.get("Significant change?"));
            Cell low = E2e.cell(s, r, col.get("95% CI low"));
            Cell high = E2e.cell(s, r, col.get("95% CI high"));
            // value: exactly the CSV's double (both are the shortest round-trip decimal of the same double)
            if (cur == null) {
                assertThat(E2e.text(value)).as(where).isEqualTo("–");
            } else {
                assertThat(value.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                assertThat(value.getNumericCellValue()).as(where).isEqualTo(cur.value());
                withValue++;
            }
            // target and RAG status worked out here from the spec's defaults
            double[] t = TARGETS.get(kpi);
            if (t == null) {
                assertThat(E2e.text(target)).as(where).isEqualTo("–");
                assertThat(E2e.fill(status)).as(where).isNull();
            } else {
                assertThat(target.getNumericCellValue()).as(where).isEqualTo(t[0]);
                if (cur != null) {
                    String expected = rag(cur.value(), t);
                    assertThat(E2e.text(status)).as(where).isEqualTo(expected);
                    assertThat(E2e.fill(status)).as(where).isEqualTo(FILLS.get(expected));
                    statuses.merge(expected, 1, Integer::sum);
                }
            }
            // previous period and change (a share's change is the difference of the fractions: percentage points)
            if (prev == null) {
                assertThat(E2e.text(previous)).as(where).isEqualTo("–");
            } else {
                assertThat(previous.getNumericCellValue()).as(where).isEqualTo(prev.value());
                withPrevious++;
            }
            if (cur == null || prev == null) {
                assertThat(E2e.text(change)).as(where).isEqualTo("–");
            } else {
                // a share's change is in percentage points (the difference of the fractions times 100)
                double factor = cur.numerator().isEmpty() ? 1 : 100;
                assertThat(change.getNumericCellValue()).as(where).isCloseTo((cur.value() - prev.value()) * factor, within(1e-9));
            }
            // significance (two-proportion z-test) and Wilson interval, shares only
            boolean share = cur != null && !cur.numerator().isEmpty();
            if (share && prev != null) {
                boolean yes = significant(cur, prev);
                significant += yes ? 1 : 0;
                assertThat(E2e.text(sig)).as(where).isEqualTo(yes ? "yes" : "no");
            } else {
                assertThat(E2e.text(sig)).as(where).isEqualTo("–");
            }
            if (share) {
                double[] ci = wilson(Long.parseLong(cur.numerator()), Long.parseLong(cur.denominator()));
                assertThat(low.getNumericCellValue()).as(where).isCloseTo(ci[0], within(1e-12));
                assertThat(high.getNumericCellValue()).as(where).isCloseTo(ci[1], within(1e-12));
            } else {
                assertThat(E2e.text(low)).as(where).isEqualTo("–");
                assertThat(E2e.text(high)).as(where).isEqualTo("–");
            }
            checked++;
        }
        // 3 periods x the 11 headline KPIs and the 2 complaint KPIs (the sample has tickets), each once
        assertThat(checked).isEqualTo(39);
        assertThat(seen).doesNotHaveDuplicates();
        // the sample data has every headline figure for the day, week and month, and a previous period for all but
        // nothing: the test must exercise values, changes, all three statuses and both test outcomes
        assertThat(withValue).isEqualTo(39);
        assertThat(withPrevious).isEqualTo(39);
        assertThat(statuses).containsKeys("On target", "Watch", "Off target");
        assertThat(significant).isBetween(1, 17);
    }

    static String rag(double v, double[] t) {
        boolean higher = t[1] == 1;
        double miss = higher ? t[0] - v : v - t[0];
        return miss <= 0 ? "On target" : miss <= t[2] + 1e-12 ? "Watch" : "Off target";
    }

    /** Two-sided two-proportion z-test with the pooled proportion: |z| > 1.959964 means p < 0.05. */
    static boolean significant(KpiCsv.Row a, KpiCsv.Row b) {
        double n1 = Double.parseDouble(a.denominator());
        double n2 = Double.parseDouble(b.denominator());
        double x1 = Double.parseDouble(a.numerator());
        double x2 = Double.parseDouble(b.numerator());
        double p = (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
        return se > 0 && Math.abs(x1 / n1 - x2 / n2) / se > 1.959963984540054;
    }

    /** 95 % Wilson score interval. */
    static double[] wilson(long x, long n) {
        double z = 1.959963984540054;
        double p = (double) x / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {centre - half, centre + half};
    }

    @Test
    void theDateAsOfAndFreshnessLinesAreThoseOfTheData() throws Exception {
        Sheet s = E2e.sheetOf(wb, "summary_date");
        CellReference d = E2e.ref(wb, "summary_date");
        assertThat(s.getRow(d.getRow()).getCell(d.getCol()).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 22, 0, 0));
        CellReference a = E2e.ref(wb, "summary_asof");
        assertThat(s.getRow(a.getRow()).getCell(a.getCol()).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 23, 0, 0));
        // newest stored event: the latest of every time column (all before as-of in the sample set)
        Instant newest;
        try (var ctx = AppContext.start(E2e.options(h2))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            newest = Stream.of("SELECT MAX(order_time) FROM order_line", "SELECT MAX(ship_time) FROM shipment_line",
                    "SELECT MAX(delivered_time) FROM shipment_line", "SELECT MAX(requested_time) FROM return_line",
                    "SELECT MAX(received_time) FROM return_line", "SELECT MAX(refunded_time) FROM return_line",
                    "SELECT MAX(response_time) FROM survey_response")
                    .map(q -> jdbc.queryForObject(q, LocalDateTime.class)).filter(java.util.Objects::nonNull)
                    .map(t -> t.toInstant(ZoneOffset.UTC)).max(Instant::compareTo).orElseThrow();
        }
        assertThat(newest).isBefore(AS_OF_INSTANT);
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(newest.atZone(E2e.SHANGHAI));
        String lag = String.format(java.util.Locale.ROOT, "%.1f", Duration.between(newest, AS_OF_INSTANT).toMinutes() / 60.0);
        CellReference f = E2e.ref(wb, "summary_freshness");
        String text = E2e.text(s.getRow(f.getRow()).getCell(f.getCol()));
        assertThat(text).startsWith("Newest record " + local + " · last load ").endsWith(" · " + lag + " h before as-of");
        assertThat(local).startsWith("2026-11-22 ");
    }

    @Test
    void everyChartImageIsPresentAndShowsData() throws Exception {
        int pictures = 0;
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            var drawing = ((XSSFSheet) wb.getSheetAt(i)).getDrawingPatriarch();
            if (drawing == null) {
                continue;
            }
            for (var shape : drawing.getShapes()) {
                if (shape instanceof XSSFPicture pic) {
                    BufferedImage img = ImageIO.read(new ByteArrayInputStream(pic.getPictureData().getData()));
                    assertThat(img).isNotNull();
                    assertThat(dataInk(img)).as(wb.getSheetName(i) + " picture " + pictures).isGreaterThan(MIN_DATA_INK);
                    pictures++;
                }
            }
        }
        // 33 trend charts, 5 breakdown bars, 5 driver charts, histogram + XmR, satisfaction trend + grid, Pareto +
        // return trend, customer service: category Pareto, response and resolution histograms, complaint rate by
        // warehouse and carrier
        assertThat(pictures).isEqualTo(54);
        List<Path> pngs;
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).hasSize(54);
        for (Path png : pngs) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(dataInk(img)).as(png.getFileName().toString()).isGreaterThan(MIN_DATA_INK);
        }
    }

    /**
     * Coloured pixels a chart with plotted data has at least (series in blue, green, orange, red; axes, grid and text
     * are grey). The sparsest chart of the sample, CSAT over 13 months (two points, one line segment, no target),
     * has about 630; a legend swatch alone has about 120.
     */
    static final int MIN_DATA_INK = 300;

    /** Pixels of a clearly saturated colour: the plotted data, not the white background, grey grid, axes or labels. */
    static int dataInk(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max > 60 && max - min > 0.35 * max) {
                    n++;
                }
            }
        }
        return n;
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void besideTheWorkbookAreKpiValuesOrdersOutcomeAndTheFullExceptionsList() throws Exception {
        assertThat(Files.readAllLines(out.resolve("kpi-values.csv")).get(0))
                .isEqualTo("period_type,period,slice,slice_value,kpi,numerator,denominator,value");
        // the run covers 13 months back: every trend period with data is in it
        assertThat(figure("day", "2026-10-28", "on_time_rate")).isNull(); // nothing due yet on the first days
        assertThat(figure("week", "2026-W44", "order_accuracy")).isNotNull();
        assertThat(figure("month", "2026-10", "order_accuracy")).isNotNull();
        assertThat(csv.keySet()).anyMatch(k -> k.startsWith("month|2026-11|region|"));

        // orders-outcome.csv: the orders due or delivered in the report month
        List<CSVRecord> outcomes = records(out.resolve("orders-outcome.csv"));
        assertThat(outcomes).hasSizeGreaterThan(3000);
        for (CSVRecord o : outcomes) {
            assertThat(o.get("due_date").startsWith("2026-11") || o.get("delivery_date").startsWith("2026-11")).as(o.get("order_id")).isTrue();
        }
        // the month's delivered orders in it are the month's delivered cohort: order_accuracy's denominator
        long delivered = outcomes.stream().filter(o -> o.get("delivery_date").startsWith("2026-11")).count();
        assertThat(delivered).isEqualTo(Long.parseLong(figure("month", "2026-11", "order_accuracy").denominator()));

        // the exceptions: late, overdue, inaccurate, damaged or documents failed, judged from orders-outcome.csv
        List<String> expected = outcomes.stream().filter(o -> o.get("state").equals("OVERDUE")
                || o.get("state").equals("DELIVERED") && (o.get("on_time").equals("false") || o.get("accurate").equals("false")
                || o.get("damaged").equals("true") || o.get("documents_ok").equals("false")))
                .map(o -> o.get("order_id")).sorted().toList();
        List<CSVRecord> exceptions = records(out.resolve("kpi-exceptions_2026-11-22.csv"));
        assertThat(exceptions.stream().map(o -> o.get("order_id")).sorted().toList()).isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThan(300);
        // every exception order has a cause from its stored rows; grouped by cause (most orders first), within a
        // cause the longest late first
        assertThat(exceptions).noneMatch(o -> o.get("cause").equals("UNDETERMINED"));
        java.util.Map<String, Long> byCause = new java.util.LinkedHashMap<>();
        exceptions.forEach(o -> byCause.merge(o.get("cause"), 1L, Long::sum));
        List<Long> counts = new ArrayList<>(byCause.values());
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (int i = 1; i < exceptions.size(); i++) {
            if (exceptions.get(i).get("cause").equals(exceptions.get(i - 1).get("cause"))) {
                assertThat(Double.parseDouble(exceptions.get(i).get("hours_late")))
                        .isLessThanOrEqualTo(Double.parseDouble(exceptions.get(i - 1).get("hours_late")));
            }
        }
        // the 100 overdue orders of the sample: 48 short-shipped (every parcel delivered, a line short), 29 refused,
        // 15 lost, 6 still in transit, 2 late dispatch
        java.util.Map<String, Long> overdue = new java.util.TreeMap<>();
        exceptions.stream().filter(o -> o.get("state").equals("OVERDUE")).forEach(o -> overdue.merge(o.get("cause"), 1L, Long::sum));
        assertThat(overdue).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("SHORT_SHIPPED", 48L, "REFUSED", 29L,
                "LOST", 15L, "IN_TRANSIT_PAST_DUE", 6L, "LATE_DISPATCH", 2L));
        // O20261028-000058: its parcel arrived before the promise, line 4 ordered 2 and shipped 1
        CSVRecord o58 = exceptions.stream().filter(o -> o.get("order_id").equals("O20261028-000058")).findFirst().orElseThrow();
        assertThat(o58.get("cause")).isEqualTo("SHORT_SHIPPED");
        assertThat(o58.get("owner")).isEqualTo("WAREHOUSE");
        assertThat(o58.get("failing_lines")).isEqualTo("line 4 (SKU-BT-0043): ordered 2, received 1");
        assertThat(o58.get("customer_masked")).contains("****");
        // the Exceptions sheet lists them all (below the cap), in the same order, under the causes table
        Sheet s = E2e.sheetOf(wb, "exceptions_table");
        CellReference h = E2e.ref(wb, "exceptions_table");
        int header = s.getRepeatingRows().getFirstRow();
        assertThat(header).isEqualTo(h.getRow() + byCause.size() + 4); // subtitle, header, causes, total, blank
        List<String> onSheet = new ArrayList<>();
        for (int r = header + 1; r <= s.getLastRowNum(); r++) {
            String id = E2e.text(E2e.cell(s, r, h.getCol()));
            if (id == null || id.isEmpty()) {
                break;
            }
            onSheet.add(id);
        }
        assertThat(onSheet).isEqualTo(exceptions.stream().map(o -> o.get("order_id")).toList());
    }

    @Test
    void theDataQualitySheetListsTheReportDatesFilesWithTheirRowCounts() throws Exception {
        Sheet s = E2e.sheetOf(wb, "quality_table");
        CellReference t = E2e.ref(wb, "quality_table");
        Map<String, Double> readByFile = new HashMap<>();
        for (int r = t.getRow() + 1; r <= s.getLastRowNum(); r++) {
            String file = E2e.text(E2e.cell(s, r, t.getCol()));
            if (file == null || !file.endsWith(".csv")) {
                break;
            }
            assertThat(E2e.text(E2e.cell(s, r, t.getCol() + 2))).isEqualTo("LOADED");
            readByFile.put(file, E2e.cell(s, r, t.getCol() + 3).getNumericCellValue());
        }
        assertThat(readByFile).containsOnlyKeys("orders_20261122.csv", "shipments_20261122.csv", "returns_20261122.csv",
                "surveys_20261122.csv", "tickets_20261122.csv");
        for (var e : readByFile.entrySet()) {
            // rows read = the file's CSV records after the header
            int records;
            try (Reader r = Files.newBufferedReader(INBOX.resolve(e.getKey()), StandardCharsets.UTF_8)) {
                records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords().size();
            }
            assertThat(e.getValue()).as(e.getKey()).isEqualTo((double) records);
        }
    }

    @Test
    void aPlainSqlCrossCheckOverTheWholeSampleAgreesWithTheRunForEveryPeriodAndSlice() throws Exception {
        LocalDate from = LocalDate.parse("2025-11-01"); // the report's run: 13 months back from November 2026
        LocalDate to = LocalDate.parse(DATE);
        List<KpiValue> check;
        try (var ctx = AppContext.start(E2e.options(h2))) {
            check = PlainSqlCrossCheck.compute(ctx.getBean(JdbcTemplate.class), E2e.SHANGHAI, AS_OF_INSTANT, from, to,
                    Duration.ofDays(7), ctx.getBean(SurveyProperties.class));
        }
        List<KpiValue> run = new ArrayList<>();
        for (var e : csv.entrySet()) {
            String[] k = e.getKey().split("\\|", 5);
            KpiCsv.Row r = e.getValue();
            run.add(new KpiValue(PeriodType.fromLabel(k[0]), k[1], k[2], k[3], k[4], r.numerator().isEmpty() ? null
                    : Double.valueOf(r.numerator()), r.denominator().isEmpty() ? null : Long.valueOf(r.denominator()), r.value()));
        }
        // a nightly writes the segment slice for the report date's day, week and month only (docs/kpi-engine.md
        // "What a night recomputes"): the other periods' segment figures are not in its kpi-values.csv
        java.util.Set<String> reported = java.util.Set.of("day " + DATE, "week " + PeriodType.WEEK.periodOf(to),
                "month " + PeriodType.MONTH.periodOf(to));
        List<KpiValue> expected = check.stream().filter(v -> !v.slice().equals("segment")
                || reported.contains(v.periodType().label() + " " + v.period())).toList();
        assertThat(expected.size()).isLessThan(check.size());
        assertThat(PlainSqlCrossCheck.differences(expected, run, from, to)).isEmpty();
        // it must have compared a lot: each KPI for days, weeks and months, for every slice
        for (String kpi : PlainSqlCrossCheck.KPIS) {
            for (PeriodType t : PeriodType.values()) {
                assertThat(check.stream().filter(v -> v.kpi().equals(kpi) && v.periodType() == t).count()).as(kpi + " " + t)
                        .isGreaterThan(t == PeriodType.DAY ? 300 : t == PeriodType.WEEK ? 60 : 20);
            }
            assertThat(check.stream().filter(v -> v.kpi().equals(kpi)).map(KpiValue::slice).distinct().count()).as(kpi).isEqualTo(6);
        }
    }

    @Test
    void mariaDbGivesByteIdenticalFilesForTheSameReport() throws Exception {
        List<String> maria = E2e.mysqlArgs(dir.resolve("maria"));
        IngestSummary onMaria = E2e.ingest(maria, INBOX);
        java.util.function.Function<IngestSummary, List<String>> counts = x -> x.files().stream().map(f -> f.fileName() + " "
                + f.status() + " " + f.rowsRead() + " " + f.rowsLoaded() + " " + f.rowsSuperseded() + " " + f.rowsRejected()
                + " " + f.orphans()).toList();
        assertThat(counts.apply(onMaria)).isEqualTo(counts.apply(ingested)).hasSize(140);
        Path mariaOut = dir.resolve("maria-out");
        E2e.report(maria, DATE, AS_OF, mariaOut, "en");
        for (String f : List.of("kpi-values.csv", "orders-outcome.csv", "kpi-exceptions_2026-11-22.csv")) {
            assertThat(Files.mismatch(out.resolve(f), mariaOut.resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.size(out.resolve("kpi-values.csv"))).isGreaterThan(1_000_000L);
    }
}
