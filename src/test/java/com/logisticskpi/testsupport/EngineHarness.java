package com.logisticskpi.testsupport;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.KpiRequest;
import com.logisticskpi.kpi.engine.KpiRunResult;

/** A migrated database with the engine, for engine tests: insert rows with {@link #rows()}, run, look values up. */
public final class EngineHarness implements AutoCloseable {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ConfigurableApplicationContext ctx;
    private final JdbcTemplate jdbc;

    private EngineHarness(CommonOptions options) {
        ctx = AppContext.start(options);
        jdbc = ctx.getBean(JdbcTemplate.class);
    }

    public static EngineHarness h2(Path dir) {
        return new EngineHarness(TestDatabases.h2Options(dir));
    }

    public static EngineHarness mysql(Path dir) {
        return new EngineHarness(TestDatabases.mysqlOptions(dir));
    }

    public ConfigurableApplicationContext context() {
        return ctx;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public ExportRows rows() {
        return new ExportRows(jdbc, SHANGHAI);
    }

    public KpiEngine engine() {
        return ctx.getBean(KpiEngine.class);
    }

    /** Deletes every stored export row (between tests). */
    public void clearExports() {
        for (String t : List.of("order_line", "shipment_line", "return_line", "survey_response", "survey_answer")) {
            jdbc.update("DELETE FROM " + t);
        }
    }

    public KpiRunResult run(String from, String to, Instant asOf) {
        return run(from, to, asOf, null);
    }

    public KpiRunResult run(String from, String to, Instant asOf, SliceFilter filter) {
        return engine().run(new KpiRequest(LocalDate.parse(from), LocalDate.parse(to), asOf, SHANGHAI, filter), null);
    }

    public static KpiValue find(List<KpiValue> values, String type, String period, String slice, String sliceValue, String kpi) {
        return values.stream().filter(x -> x.periodType().label().equals(type) && x.period().equals(period)
                && x.slice().equals(slice) && x.sliceValue().equals(sliceValue) && x.kpi().equals(kpi)).findFirst().orElse(null);
    }

    public static KpiValue all(List<KpiValue> values, String type, String period, String kpi) {
        return find(values, type, period, "all", "all", kpi);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
