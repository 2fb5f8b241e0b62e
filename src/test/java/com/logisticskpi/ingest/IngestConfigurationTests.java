package com.logisticskpi.ingest;

import static com.logisticskpi.ingest.IngestTestKit.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;

import picocli.CommandLine;

/** kpi.ingest.* bound from a YAML file: GBK + ';' + Chinese header aliases, tab and '|' delimiters, reason aliases. */
class IngestConfigurationTests {

    static final String CONFIG = """
            kpi:
              survey:
                scale-min: 1
                scale-max: 7
              ingest:
                orders:
                  glob: "订单_*.csv"
                  encoding: GBK
                  delimiter: ";"
                  header-aliases:
                    order_id: [订单号]
                    line_no: [行号]
                    customer_id: [客户编号]
                    order_time: [下单时间]
                    promised_delivery_time: [承诺送达时间]
                    sku: [商品编码]
                    quantity: [数量]
                    region: [区域]
                shipments:
                  delimiter: tab
                returns:
                  delimiter: "|"
                  reason-code-aliases:
                    DAMAGED: [破损, broken]
                    NOT_AS_DESCRIBED: [描述不符]
                surveys:
                  encoding: GB18030
                  header-aliases:
                    q_service: [服务评分]
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path inbox;

    @Test
    void chineseExportWithItsOwnDialectLoadsThroughConfigurationOnly() {
        Path config = write(dataDir, "ingest.yml", CONFIG);
        CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs("--data-dir", dataDir.toString(), "--config", config.toString());
        Charset gbk = Charset.forName("GBK");
        write(inbox, "订单_20261110.csv", """
                订单号;行号;客户编号;下单时间;承诺送达时间;商品编码;数量;区域;备注
                A1;1;C1;2026-11-10 10:00:00;2026-11-12;S1;2;"华东; 上海";加急
                """, gbk);
        write(inbox, "shipments_20261111.csv",
                "shipment_id\torder_id\tline_no\tsku\tquantity\tcarrier\tship_time\tstatus\n"
                        + "P1\tA1\t1\tS1\t2\t顺丰\t2026-11-11 08:00:00\tIN_TRANSIT\n");
        write(inbox, "returns_20261113.csv", """
                return_id|order_id|requested_time|reason_code
                R1|A1|2026-11-13 10:00:00|破损
                R2|A1|2026-11-13 11:00:00|Broken
                R3|A1|2026-11-13 12:00:00|描述不符
                """);
        write(inbox, "surveys_20261112.csv", """
                response_id,response_time,服务评分,q_overall
                V1,2026-11-12 09:00:00,7,6
                V2,2026-11-12 09:00:00,8,6
                """, Charset.forName("GB18030"));

        try (ConfigurableApplicationContext ctx = AppContext.start(options)) {
            IngestSummary summary = ctx.getBean(IngestService.class).ingest(inbox, ZoneId.of("Asia/Shanghai"), null);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

            assertThat(summary.files()).extracting(FileResult::fileName).containsExactly("订单_20261110.csv",
                    "shipments_20261111.csv", "returns_20261113.csv", "surveys_20261112.csv");
            assertThat(summary.files().get(0).message()).isEqualTo("extra columns ignored: 备注");
            assertThat(jdbc.queryForMap("select customer_id, quantity, region, promised_date_only from order_line"))
                    .containsEntry("customer_id", "C1").containsEntry("quantity", 2)
                    .containsEntry("region", "华东; 上海").containsEntry("promised_date_only", true);
            assertThat(jdbc.queryForObject("select promised_time from order_line", LocalDateTime.class))
                    .isEqualTo(LocalDateTime.parse("2026-11-12T15:59:59.999999"));
            assertThat(jdbc.queryForObject("select carrier from shipment_line", String.class)).isEqualTo("顺丰");
            // return line_no column absent -> whole order (0); aliases case-insensitive
            assertThat(jdbc.queryForList("select return_id || ':' || line_no || ':' || reason_code from return_line order by return_id",
                    String.class)).containsExactly("R1:0:DAMAGED", "R2:0:DAMAGED", "R3:0:NOT_AS_DESCRIBED");
            // scale 1..7: V1's 7 is fine, V2's 8 is out of scale (rejected: 1 of 2 rows with the 1 % default limit
            // fails the surveys file)
            FileResult surveys = summary.files().get(3);
            assertThat(surveys.status()).isEqualTo("FAILED");
            assertThat(surveys.rejectsByReason()).containsEntry("score_out_of_scale", 1L);
            assertThat(ctx.getBean(IngestProperties.class).settings(ExportKind.ORDERS).delimiterChar()).isEqualTo(';');
            assertThat(ctx.getBean(IngestProperties.class).settings(ExportKind.SHIPMENTS).delimiterChar()).isEqualTo('\t');
            assertThat(ctx.getBean(IngestProperties.class).rejectLimit()).isEqualTo(0.01);
        }
    }

    @Test
    void defaultsAreTheContract() {
        IngestProperties p = IngestProperties.defaults();
        assertThat(List.of(ExportKind.values())).extracting(p::glob)
                .containsExactly("orders_*.csv", "shipments_*.csv", "returns_*.csv", "surveys_*.csv", "tickets_*.csv");
        assertThat(p.settings(ExportKind.ORDERS).delimiterChar()).isEqualTo(',');
        assertThat(p.settings(ExportKind.ORDERS).charset().name()).isEqualTo("UTF-8");
        assertThat(p.rejectLimit(ExportKind.SURVEYS)).isEqualTo(0.01);
        assertThat(new IngestProperties.KindSettings(null, "\\t", null, null, null, null).delimiterChar()).isEqualTo('\t');
        assertThat(new IngestProperties.KindSettings(null, "|", "gb18030", null, null, 0.5).charset().name()).isEqualTo("GB18030");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new IngestProperties.KindSettings(null, ":", null, null, null, null).delimiterChar())
                .hasMessageContaining("delimiter");
    }
}
