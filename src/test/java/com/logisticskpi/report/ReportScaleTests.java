package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 500,000 exception orders through SXSSF in a JVM with a 160 MB heap. */
@Tag("slow")
class ReportScaleTests {

    static final int ROWS = 500_000;

    @TempDir
    Path tmp;

    @Test
    void fiveHundredThousandExceptionRowsFitInASmallHeap() throws Exception {
        Path out = tmp.resolve("out");
        Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx160m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + jvmTmp, "-cp", System.getProperty("java.class.path"),
                ExceptionsScaleMain.class.getName(), out.toString(), String.valueOf(ROWS))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(tmp.resolve("child.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("max heap");

        // count the rows of the Exceptions sheet (sheet7) by streaming its XML: title, note, header + 500,000 rows
        Path xlsx = out.resolve("kpi-report_2026-11-12.xlsx");
        long rows = 0;
        try (ZipFile zip = new ZipFile(xlsx.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet7.xml"))) {
            byte[] buf = new byte[1 << 16];
            String carry = "";
            int n;
            while ((n = in.read(buf)) > 0) {
                String chunk = carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                int i = 0;
                while ((i = chunk.indexOf("<row ", i)) >= 0) {
                    rows++;
                    i += 5;
                }
                carry = chunk.substring(Math.max(0, chunk.length() - 4));
            }
        }
        assertThat(rows).isEqualTo(3 + ROWS);
        // SXSSF's temporary files are gone
        try (var files = Files.walk(jvmTmp)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
