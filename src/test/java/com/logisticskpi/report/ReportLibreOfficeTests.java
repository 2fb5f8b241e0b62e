package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.report.workbook.ReportWriter;

/**
 * Opens the workbook in LibreOffice (when {@code soffice} is on the PATH: package libreoffice-calc) and converts it to
 * PDF headless: the workbook must be readable by a second implementation and produce printable pages.
 */
class ReportLibreOfficeTests {

    @TempDir
    Path tmp;

    static Path soffice() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, "soffice");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void libreOfficeConvertsTheWorkbookToAPdfWithPages() throws Exception {
        Path soffice = soffice();
        Assumptions.assumeTrue(soffice != null, "soffice not on PATH (install libreoffice-calc)");
        ReportFiles files = new ReportWriter().write(ReportTestData.synthetic(8, Locale.forLanguageTag("zh-CN"),
                ReportTestData.exceptions(2, 300)), tmp.resolve("out"));
        Path pdfDir = tmp.resolve("pdf");
        Path profile = tmp.resolve("lo-profile");
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", pdfDir.toString(), files.workbook().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("soffice.log"))).isZero();
        Path pdf = pdfDir.resolve("kpi-report_2026-11-12.pdf");
        assertThat(pdf).exists();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // the page tree's /Count: summary, trends, breakdowns, ... at least one page per sheet
        Matcher m = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b")
                .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (m.find()) {
            pages = Math.max(pages, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        assertThat(pages).isGreaterThanOrEqualTo(9);
    }
}
