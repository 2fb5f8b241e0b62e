package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.drivers.DriverAnalysis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.report.sheet.SummarySheet;
import com.logisticskpi.report.template.TemplateNames;
import com.logisticskpi.report.workbook.ReportWriter;

/**
 * The Drivers sheet and the Summary's Why column of a workbook with drivers worked by hand: month on-time by
 * carrier, 2026-10 SF 90/100, EMS 95/100 (92.5 %), 2026-11 SF 90/100, EMS 70/100 (80 %, red). EMS: rate effect
 * (0.70 - 0.95) x (0.5 + 0.5) / 2 = -12.5 pts, no mix; gap 0.5 x (0.70 - 0.95) = -12.5 pts; SF: gap -2.5 pts.
 */
class DriversSheetTests {

    @TempDir
    Path tmp;

    static ReportInput input(Locale locale) {
        ReportInput base = HandSet.input(locale);
        List<KpiValue> v = new ArrayList<>(base.values().stream()
                .filter(x -> !(x.periodType() == PeriodType.MONTH && x.kpi().equals("on_time_rate"))).toList());
        PeriodType m = PeriodType.MONTH;
        v.add(new KpiValue(m, "2026-10", "all", "all", "on_time_rate", 185.0, 200L, 0.925));
        v.add(new KpiValue(m, "2026-10", "carrier", "SF", "on_time_rate", 90.0, 100L, 0.9));
        v.add(new KpiValue(m, "2026-10", "carrier", "EMS", "on_time_rate", 95.0, 100L, 0.95));
        v.add(new KpiValue(m, "2026-11", "all", "all", "on_time_rate", 160.0, 200L, 0.8));
        v.add(new KpiValue(m, "2026-11", "carrier", "SF", "on_time_rate", 90.0, 100L, 0.9));
        v.add(new KpiValue(m, "2026-11", "carrier", "EMS", "on_time_rate", 70.0, 100L, 0.7));
        List<DriverRow> drivers = DriverAnalysis.compute(v, Map.of(m, List.of("2026-11")), base.targets()::get);
        return new ReportInput(base.businessDate(), base.asOf(), base.zone(), locale, base.freshness(), v, base.targets(),
                base.controlChart(), base.deliveredOrders(), base.exceptions(), base.dataQuality(), base.exceptionsCsv(),
                drivers, null, null);
    }

    @Test
    void theDriversSheetShowsEveryContributionAndItsChartAndTheSummarySaysWhy() throws Exception {
        ReportFiles files = new ReportWriter().write(input(Locale.ENGLISH), tmp.resolve("out"));
        assertThat(files.charts()).anyMatch(p -> p.getFileName().toString().equals("drivers_on_time_rate.png"));
        try (XSSFWorkbook wb = Workbooks.open(files.workbook())) {
            Sheet s = Workbooks.sheetOf(wb, TemplateNames.DRIVERS_TABLE);
            assertThat(s.getSheetName()).isEqualTo("Drivers");
            int top = Workbooks.ref(wb, TemplateNames.DRIVERS_TABLE).getRow();
            assertThat(Workbooks.cell(s, top, 0).getStringCellValue())
                    .isEqualTo("On-time rate: 80.0 % against 92.5 %, change \u221212.5 pts, gap to target \u221215.0 pts");
            assertThat(Workbooks.cell(s, top + 1, 0).getStringCellValue()).isEqualTo("Dimension");
            // the most adverse first: EMS, then SF
            assertThat(Workbooks.cell(s, top + 2, 0).getStringCellValue()).isEqualTo("carrier");
            assertThat(Workbooks.cell(s, top + 2, 1).getStringCellValue()).isEqualTo("EMS");
            double[] ems = {0.5, 0.7, 0.95, -0.125, 0, -0.125, -0.125};
            for (int i = 0; i < ems.length; i++) {
                assertThat(Workbooks.cell(s, top + 2, 2 + i).getNumericCellValue()).as("EMS column " + (2 + i))
                        .isCloseTo(ems[i], within(1e-12));
            }
            assertThat(Workbooks.cell(s, top + 3, 1).getStringCellValue()).isEqualTo("SF");
            assertThat(Workbooks.cell(s, top + 3, 8).getNumericCellValue()).isCloseTo(-0.025, within(1e-12));
            // a picture (the chart) on the sheet, and the other headline shares without drivers say so
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) s).getDrawingPatriarch().getShapes()).hasSize(1);
            boolean noData = false;
            for (int r = top + 4; r <= s.getLastRowNum(); r++) {
                var c = Workbooks.cell(s, r, 0);
                noData |= c != null && c.getStringCellValue().startsWith("No breakdown");
            }
            assertThat(noData).isTrue();

            // Summary: the month's on-time row says why
            Sheet summary = wb.getSheet("Summary");
            String why = null;
            for (int r = 0; r <= summary.getLastRowNum(); r++) {
                var kpi = Workbooks.cell(summary, r, SummarySheet.COL_KPI);
                var cell = Workbooks.cell(summary, r, SummarySheet.COL_WHY);
                if (kpi != null && "On-time rate".equals(kpi.getStringCellValue()) && cell != null
                        && !cell.getStringCellValue().isEmpty()) {
                    why = cell.getStringCellValue();
                }
            }
            assertThat(why).isEqualTo("change: carrier EMS \u221212.5 pts; gap to target: carrier EMS \u221212.5 pts, carrier SF \u22122.5 pts");
        }
    }

    @Test
    void chineseDriversSheet() throws Exception {
        ReportFiles files = new ReportWriter().write(input(Locale.forLanguageTag("zh-CN")), tmp.resolve("zh"));
        try (XSSFWorkbook wb = Workbooks.open(files.workbook())) {
            Sheet s = Workbooks.sheetOf(wb, TemplateNames.DRIVERS_TABLE);
            assertThat(s.getSheetName()).isEqualTo("驱动因素");
            int top = Workbooks.ref(wb, TemplateNames.DRIVERS_TABLE).getRow();
            assertThat(Workbooks.cell(s, top, 0).getStringCellValue())
                    .isEqualTo("准时交付率：80.0 % 对比 92.5 %，变化 \u221212.5 pt，目标差距 \u221215.0 pt");
            assertThat(Workbooks.cell(s, top + 2, 0).getStringCellValue()).isEqualTo("承运商");
        }
    }
}
