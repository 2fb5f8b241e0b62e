package com.logisticskpi.kpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

class KpiValuesCsvTests {

    @TempDir
    Path dir;

    @Test
    void valuesArePlainShortestDecimalsNeverScientific() {
        assertThat(KpiValuesCsv.plain(1.0)).isEqualTo("1");
        assertThat(KpiValuesCsv.plain(0.0)).isEqualTo("0");
        assertThat(KpiValuesCsv.plain(-0.0)).isEqualTo("0");
        assertThat(KpiValuesCsv.plain(-100.0)).isEqualTo("-100");
        assertThat(KpiValuesCsv.plain(1e-7)).isEqualTo("0.0000001");
        assertThat(KpiValuesCsv.plain(1.5e10)).isEqualTo("15000000000");
        assertThat(KpiValuesCsv.plain(2.0 / 3)).isEqualTo("0.6666666666666666");
        assertThat(KpiValuesCsv.plain(59.824999999999996)).isEqualTo("59.824999999999996");
        assertThat(KpiValuesCsv.plain(51.125)).isEqualTo("51.125");
        // reads back as the same double
        double v = 0.16565882309994;
        assertThat(Double.parseDouble(KpiValuesCsv.plain(v))).isEqualTo(v);
    }

    @Test
    void rowsAreSortedByPeriodTypeSliceOrderValueAndKpiWithEmptyNumeratorsForNonShares() throws Exception {
        List<KpiValue> values = List.of(
                new KpiValue(PeriodType.MONTH, "2026-11", "all", "all", "csi", null, null, 75.5),
                new KpiValue(PeriodType.WEEK, "2026-W46", "all", "all", "csi", null, null, 70),
                new KpiValue(PeriodType.DAY, "2026-11-12", "segment", "A", "csi", null, null, 1),
                new KpiValue(PeriodType.DAY, "2026-11-12", "warehouse", "SH,01", "on_time_rate", 1.0, 2L, 0.5),
                new KpiValue(PeriodType.DAY, "2026-11-12", "carrier", "SF", "csi", null, null, 2),
                new KpiValue(PeriodType.DAY, "2026-11-12", "all", "all", "on_time_rate", 4.0, 6L, 4.0 / 6),
                new KpiValue(PeriodType.DAY, "2026-11-12", "all", "all", "csat", 2.0, 3L, 2.0 / 3),
                new KpiValue(PeriodType.DAY, "2026-11-11", "region", "华东", "nps", null, null, -100));
        Path f = dir.resolve("kpi-values.csv");
        KpiValuesCsv.write(f, values);
        byte[] bytes = Files.readAllBytes(f);
        assertThat(bytes[0]).isEqualTo((byte) 'p'); // no BOM
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("""
                period_type,period,slice,slice_value,kpi,numerator,denominator,value
                day,2026-11-11,region,华东,nps,,,-100
                day,2026-11-12,all,all,csat,2,3,0.6666666666666666
                day,2026-11-12,all,all,on_time_rate,4,6,0.6666666666666666
                day,2026-11-12,warehouse,"SH,01",on_time_rate,1,2,0.5
                day,2026-11-12,carrier,SF,csi,,,2
                day,2026-11-12,segment,A,csi,,,1
                week,2026-W46,all,all,csi,,,70
                month,2026-11,all,all,csi,,,75.5
                """);
    }
}
