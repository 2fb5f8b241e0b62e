package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.logisticskpi.report.workbook.ReportWriter;

/**
 * Writes the English and Chinese sample workbooks to {@code target/report-smoke/<locale>} (to open in Excel or
 * LibreOffice and look at) and checks they are the same workbook in two languages: same sheets and charts, chart
 * images drawn with localised titles and labels.
 */
class ReportSmokeTests {

    @Test
    void englishAndChineseSamplesDifferOnlyInLanguage() throws Exception {
        ReportFiles en = new ReportWriter().write(ReportTestData.synthetic(7, Locale.ENGLISH, ReportTestData.exceptions(3, 500)),
                Path.of("target/report-smoke/en"));
        ReportFiles zh = new ReportWriter().write(ReportTestData.synthetic(7, Locale.SIMPLIFIED_CHINESE, ReportTestData.exceptions(3, 500)),
                Path.of("target/report-smoke/zh_CN"));
        assertThat(zh.charts().stream().map(p -> p.getFileName().toString()))
                .containsExactlyElementsOf(en.charts().stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < en.charts().size(); i++) {
            assertThat(Files.readAllBytes(zh.charts().get(i))).as(zh.charts().get(i) + " localised")
                    .isNotEqualTo(Files.readAllBytes(en.charts().get(i)));
        }
        // the sparse hand-made input: trend charts with gaps (no zeros), no breakdown charts (no slices) and no
        // control chart (no points): 44 - 5 - 1 = 38
        ReportFiles hand = new ReportWriter().write(HandSet.input(Locale.ENGLISH), Path.of("target/report-smoke/hand"));
        assertThat(hand.charts()).hasSize(en.charts().size() - 6);
        assertThat(hand.charts().stream().map(p -> p.getFileName().toString()))
                .doesNotContain("breakdown_region.png", "cycle_control_chart.png").contains("cycle_histogram.png");
        try (var e = Workbooks.open(en.workbook()); var z = Workbooks.open(zh.workbook())) {
            assertThat(z.getNumberOfSheets()).isEqualTo(e.getNumberOfSheets());
            for (int s = 0; s < 9; s++) {
                assertThat(z.getSheetName(s)).isNotEqualTo(e.getSheetName(s));
                assertThat(z.getSheetAt(s).getLastRowNum()).isEqualTo(e.getSheetAt(s).getLastRowNum());
            }
        }
    }
}
