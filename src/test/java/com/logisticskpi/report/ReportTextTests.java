package com.logisticskpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.PeriodType;

/** Message bundles, masking and formula detection. */
class ReportTextTests {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportTextTests.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndEveryKpiIsDefined() throws IOException {
        Properties en = load("report_en.properties");
        Properties zh = load("report_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String kpi : KpiCatalog.DEFINED) {
            assertThat(en).containsKeys("kpi." + kpi + ".name", "kpi." + kpi + ".definition");
        }
        for (String kpi : KpiCatalog.HEADLINE) {
            assertThat(KpiCatalog.DEFINED).contains(kpi);
        }
        for (PeriodType t : PeriodType.values()) {
            assertThat(en).containsKeys("period." + t.label(), "period_type." + t.label(), "trends.history." + t.label());
        }
        // every Chinese text differs from the English one except ids, symbols and formats
        long same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(zh.getProperty(k))).count();
        assertThat(same).isLessThan(20);
        zh.stringPropertyNames().stream().filter(k -> k.startsWith("sheet.")).forEach(k ->
                assertThat(zh.getProperty(k)).matches("[\\p{IsHan}]+"));
    }

    @Test
    void localeSelectsTheBundleAndUnknownLocalesFallBackToEnglishNotTheJvmDefault() {
        assertThat(new Messages(Locale.forLanguageTag("zh-CN")).get("sheet.summary")).isEqualTo("摘要");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).get("col.kpi")).isEqualTo("指标");
        assertThat(new Messages(Locale.ENGLISH).get("sheet.summary")).isEqualTo("Summary");
        assertThat(new Messages(Locale.forLanguageTag("en-GB")).get("sheet.summary")).isEqualTo("Summary");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(new Messages(Locale.FRENCH).get("sheet.summary")).isEqualTo("Summary");
        } finally {
            Locale.setDefault(before);
        }
        assertThat(new Messages(Locale.ENGLISH).kpiName("dim_score.after_sales")).isEqualTo("Dimension score – After-sales");
        assertThat(new Messages(Locale.ENGLISH).kpiName("unknown_kpi")).isEqualTo("unknown_kpi");
    }

    @Test
    void customerIdsAreMasked() {
        assertThat(TextCells.maskCustomerId("C10023489")).isEqualTo("C1****89");
        assertThat(TextCells.maskCustomerId("C1234567")).isEqualTo("C1****67");   // 8 chars: 2 + 2 kept
        assertThat(TextCells.maskCustomerId("C12345")).isEqualTo("C****5");      // 6 chars: 1 + 1 kept
        assertThat(TextCells.maskCustomerId("C123")).isEqualTo("****");          // short ids keep nothing
        assertThat(TextCells.maskCustomerId(" C10023489 ")).isEqualTo("C1****89");
        assertThat(TextCells.maskCustomerId(null)).isEmpty();
        assertThat(TextCells.maskCustomerId("")).isEmpty();
        // the length of the middle is never revealed
        assertThat(TextCells.maskCustomerId("CUST-000000000001")).isEqualTo("CU****01");
    }

    @Test
    void formulaLookingTextIsRecognised() {
        for (String s : ReportSafetyTests.PAYLOADS) {
            assertThat(TextCells.looksLikeFormula(s)).as(s).isTrue();
        }
        assertThat(TextCells.looksLikeFormula("\n=1")).isTrue();
        assertThat(TextCells.looksLikeFormula("华东")).isFalse();
        assertThat(TextCells.looksLikeFormula("A=1")).isFalse();
        assertThat(TextCells.looksLikeFormula("")).isFalse();
        assertThat(TextCells.looksLikeFormula(null)).isFalse();
        assertThat(TextCells.stripInvalidXml("a\u0000b\u0007c\td")).isEqualTo("abc\td");
    }
}
