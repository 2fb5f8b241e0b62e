package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReportSmokeTests {
    @Test
    void writes() throws Exception {
        for (Locale l : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Path out = Path.of("target/report-smoke/" + l);
            ReportFiles f = new ReportWriter().write(ReportTestData.synthetic(7, l, ReportTestData.exceptions(3, 500)), out);
            assertThat(f.workbook()).exists();
        }
    }
}
