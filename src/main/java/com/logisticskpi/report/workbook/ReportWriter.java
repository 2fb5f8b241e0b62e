package com.logisticskpi.report.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.logisticskpi.report.Messages;
import com.logisticskpi.report.OutputPaths;
import com.logisticskpi.report.ReportFiles;
import com.logisticskpi.report.ReportInput;
import com.logisticskpi.report.ReportKind;
import com.logisticskpi.report.ReportProperties;
import com.logisticskpi.report.chart.ChartImage;
import com.logisticskpi.report.chart.ReportCharts;
import com.logisticskpi.report.exception.ExceptionClassifier;
import com.logisticskpi.report.sheet.BreakdownsSheet;
import com.logisticskpi.report.sheet.CustomerServiceSheet;
import com.logisticskpi.report.sheet.CycleSheet;
import com.logisticskpi.report.sheet.DataQualitySheet;
import com.logisticskpi.report.sheet.DefinitionsSheet;
import com.logisticskpi.report.sheet.DriversSheet;
import com.logisticskpi.report.sheet.ExceptionsSheet;
import com.logisticskpi.report.sheet.ReturnsSheet;
import com.logisticskpi.report.sheet.SatisfactionSheet;
import com.logisticskpi.report.sheet.SheetContext;
import com.logisticskpi.report.sheet.SummarySheet;
import com.logisticskpi.report.sheet.TrendsSheet;
import com.logisticskpi.report.template.ReportTemplate;
import com.logisticskpi.report.template.TemplateNames;

/**
 * Writes the manager's workbook {@code <out>/kpi-report_<period>.xlsx} (daily 2026-11-22, weekly 2026-W47, monthly
 * 2026-11: {@link ReportKind}) from the template, and every chart as a PNG
 * under {@code <out>/charts/}. Both are written atomically (temporary file in the same directory, then
 * ATOMIC_MOVE): a failed run leaves no partial file and keeps the previous report.
 */
@Component
public class ReportWriter {

    private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);

    /** Rows SXSSF keeps in memory for the Exceptions sheet; older rows go to a compressed temporary file. */
    static final int WINDOW = 200;
    /** The sheets {@link #write} writes (and tells its {@link SheetListener}s about), Exceptions included. */
    static final int SHEETS = 11;

    private final ReportProperties properties;
    private final boolean rawCsv;
    private final com.logisticskpi.base.Listeners<SheetListener> listeners = new com.logisticskpi.base.Listeners<>();

    @org.springframework.beans.factory.annotation.Autowired
    public ReportWriter(ReportProperties properties, com.logisticskpi.kpi.output.OutputProperties output) {
        this.properties = properties == null ? ReportProperties.defaults() : properties;
        this.rawCsv = output != null && output.rawCsv();
    }

    public ReportWriter(ReportProperties properties) {
        this(properties, null);
    }

    public ReportWriter() {
        this(ReportProperties.defaults());
    }

    /**
     * Writes the workbook and chart PNGs for {@code input} into {@code outDir} (created when missing).
     *
     * @throws IOException when the output cannot be written; the previous report of that date stays as it was
     * @throws com.logisticskpi.report.template.TemplateException when the template is unreadable, unsafe or incomplete
     */
    public ReportFiles write(ReportInput input, Path outDir) throws IOException {
        return write(input, outDir, ReportKind.DAILY, null);
    }

    /**
     * Writes the report of {@code kind} ({@code kpi-report_2026-W47.xlsx} for a weekly one) from {@code templateFile},
     * else {@code kpi.report.template}, else the kind's built-in template.
     */
    public ReportFiles write(ReportInput input, Path outDir, ReportKind kind, Path templateFile) throws IOException {
        Files.createDirectories(outDir);
        Path dir = outDir.toRealPath();
        Path target = OutputPaths.inside(dir, kind.workbookName(input.businessDate()));
        Path chartsDir = OutputPaths.inside(dir, "charts");

        ReportTemplate template = ReportTemplate.open(templateFile != null ? templateFile : properties.template(), kind);
        Messages messages = new Messages(input.locale());
        SheetContext ctx = new SheetContext(template, messages, input,
                new ReportCharts(properties.chartScale(), properties.chartMinOrders()), kind);
        XSSFWorkbook wb = template.workbook();
        ExceptionsSheet exceptions = new ExceptionsSheet(properties.exceptionsCap(), new ExceptionClassifier(
                Duration.ofHours(properties.dispatchAllowanceHours())), rawCsv);
        listeners.fire(l -> l.workbookStarted(SHEETS));
        try {
            new SummarySheet().write(ctx);
            sheetWritten("Summary");
            new TrendsSheet().write(ctx);
            sheetWritten("Trends");
            new BreakdownsSheet().write(ctx);
            sheetWritten("Breakdowns");
            new DriversSheet().write(ctx);
            sheetWritten("Drivers");
            new CycleSheet().write(ctx);
            sheetWritten("Order cycle");
            new SatisfactionSheet().write(ctx);
            sheetWritten("Satisfaction");
            new ReturnsSheet().write(ctx);
            sheetWritten("Returns");
            new CustomerServiceSheet().write(ctx);
            sheetWritten("Customer service");
            int headerRow = exceptions.prepare(ctx);
            new DataQualitySheet().write(ctx);
            sheetWritten("Data quality");
            new DefinitionsSheet().write(ctx);
            sheetWritten("Definitions");
            renameSheets(ctx);
            properties(ctx);
            ctx.charts().breakPagesAroundCharts();

            SXSSFWorkbook sx = new SXSSFWorkbook(wb, WINDOW);
            sx.setCompressTempFiles(true);
            try {
                OutputPaths.writeAtomically(target, out -> {
                    long[] counts = exceptions.stream(ctx, sx, headerRow);
                    log.info("report {}: {} exception orders written, {} left out by the cap", target.getFileName(), counts[0], counts[1]);
                    sx.write(out);
                });
            } finally {
                sx.dispose();
                sx.close();
            }
            exceptions.writeCsv(ctx, dir); // only after the workbook succeeded, from the same rows
            sheetWritten("Exceptions");
        } finally {
            wb.close();
            exceptions.close();
        }

        List<Path> chartFiles = new ArrayList<>();
        Files.createDirectories(chartsDir);
        for (ChartImage img : ctx.charts().images()) {
            Path png = OutputPaths.inside(chartsDir, img.fileName());
            OutputPaths.writeAtomically(png, out -> out.write(img.png()));
            chartFiles.add(png);
        }
        log.info("report written: {} with {} charts", target, chartFiles.size());
        return new ReportFiles(target, chartFiles);
    }

    /** Localised sheet names (validated: no {@code []:*?/\}, at most 31 characters); the hidden Styles sheet keeps its name. */
    /** Tells {@code listener} about every workbook this writer writes until the registration is closed. */
    public com.logisticskpi.base.Listeners.Registration listen(SheetListener listener) {
        return listeners.add(listener);
    }

    private void sheetWritten(String name) {
        listeners.fire(l -> l.sheetWritten(name));
    }

    private static void renameSheets(SheetContext ctx) {
        XSSFWorkbook wb = ctx.workbook();
        List<Sheet> sheets = new ArrayList<>();
        for (String key : TemplateNames.SHEETS) {
            sheets.add(ctx.template().sheet(key));
        }
        for (int i = 0; i < TemplateNames.SHEETS.size(); i++) {
            String name = ctx.sheetName(TemplateNames.SHEETS.get(i));
            WorkbookUtil.validateSheetName(name);
            Sheet s = sheets.get(i);
            if (!s.getSheetName().equals(name)) {
                Optional.ofNullable(wb.getSheet(name)).filter(other -> other != s).ifPresent(other -> {
                    throw new IllegalStateException("template already has a sheet named '" + name + "'");
                });
                wb.setSheetName(wb.getSheetIndex(s), name);
            }
        }
        int summary = wb.getSheetIndex(sheets.get(0));
        wb.setActiveSheet(summary);
        wb.setFirstVisibleTab(0);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == summary);
        }
    }

    private static void properties(SheetContext ctx) {
        var core = ctx.workbook().getProperties().getCoreProperties();
        String date = ctx.kind().periodLabel(ctx.input().businessDate());
        core.setTitle(ctx.msg().get("document.title", date));
        core.setSubjectProperty(ctx.msg().get("document.subject", date));
        core.setCreator("logistics-kpi");
        core.setKeywords("KPI, logistics, " + date);
        core.setCreated(Optional.of(Date.from(ctx.input().asOf())));
        core.setDescription(ctx.msg().get("document.description", date,
                ctx.input().asOf().atOffset(ZoneOffset.UTC).toString(), ctx.input().zone().getId()));
        ctx.workbook().getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("logistics-kpi");
    }
}
