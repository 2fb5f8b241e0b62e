package com.logisticskpi.kpi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.drivers.DriverKpis;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.report.KpiCatalog;

/** The KPI catalogue against kpis.md and the message bundles, written out here independently of the catalogue. */
class KpiCatalogueTests {

    @Test
    void everyKpiIdOfTheSpecsExpectedOutputsIsInTheCatalogue() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String csv : List.of("/spec-example/expected-kpi-values.csv", "/spec-example-tickets/expected-kpi-values.csv")) {
            try (InputStream in = getClass().getResourceAsStream(csv)) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
                for (int i = 1; i < lines.length; i++) {
                    ids.add(lines[i].split(",")[4]);
                }
            }
        }
        assertThat(ids).contains("dim_score.accuracy", "return_reason_share.DAMAGED", "complaint_share.LATE", "csi",
                "on_time_required_rate");
        for (String id : ids) {
            KpiId parsed = KpiId.parse(id).orElseThrow(() -> new AssertionError(id + " is not in the catalogue"));
            assertThat(parsed.id()).isEqualTo(id);
        }
    }

    @Test
    void familiesTakeTheirParameterAfterTheFirstDotAndPlainKpisTakeNone() {
        KpiId dim = KpiId.parse("dim_score.accuracy").orElseThrow();
        assertThat(dim.kpi()).isEqualTo(Kpi.DIM_SCORE);
        assertThat(dim.parameter()).isEqualTo("accuracy");
        assertThat(KpiId.parse("return_reason_share.NOT_AS_DESCRIBED").orElseThrow())
                .isEqualTo(Kpi.RETURN_REASON_SHARE.with("NOT_AS_DESCRIBED"));
        assertThat(Kpi.COMPLAINT_SHARE.with("LOST").id()).isEqualTo("complaint_share.LOST");
        assertThat(KpiId.parse("on_time_rate").orElseThrow().kpi()).isEqualTo(Kpi.ON_TIME_RATE);
        assertThat(KpiId.parse("dim_score")).isEmpty();          // a family needs its parameter
        assertThat(KpiId.parse("return_reason_share.")).isEmpty();
        assertThat(KpiId.parse("on_time_rate.x")).isEmpty();     // a plain KPI takes none
        assertThat(KpiId.parse("control_chart")).isEmpty();
        assertThatThrownBy(() -> Kpi.DIM_SCORE.key()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Kpi.CSI.with("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unitsAreThoseOfTheSpecsTables() {
        // kpis.md sections 3-5, 9, 10: "share", "count", "hours"; scores and ratios from their definitions
        Map<Unit, List<String>> spec = Map.of(
                Unit.SHARE, List.of("on_time_rate", "on_time_required_rate", "order_accuracy", "line_accuracy",
                        "damage_rate", "documentation_accuracy", "perfect_order_rate", "split_shipment_rate",
                        "return_rate", "return_reason_share", "cycle_within_target_rate", "csat", "complaint_rate",
                        "complaint_share", "first_response_within_target_rate", "resolved_within_target_rate",
                        "reopen_rate"),
                Unit.COUNT, List.of("pending_orders", "survey_responses", "open_complaints"),
                Unit.HOURS, List.of("refund_hours_mean", "refund_hours_p90", "cycle_hours_mean", "cycle_hours_p50",
                        "cycle_hours_p90", "cycle_hours_p95", "cycle_hours_sd", "dispatch_hours_mean",
                        "dispatch_hours_p90", "first_response_hours_mean", "first_response_hours_p90",
                        "resolution_hours_mean", "resolution_hours_p90"),
                Unit.SCORE, List.of("dim_score", "csi", "nps"),
                Unit.RATIO, List.of("cycle_cv", "importance"));
        assertThat(spec.values().stream().mapToInt(List::size).sum()).isEqualTo(Kpi.values().length);
        spec.forEach((unit, ids) -> ids.forEach(id -> {
            assertThat(Kpi.byId(id)).as(id).map(Kpi::unit).contains(unit);
            assertThat(KpiCatalog.unit(id)).as(id).hasToString(unit.name());
        }));
        assertThat(KpiCatalog.unit("dim_score.accuracy")).isEqualTo(Unit.SCORE);
        assertThat(KpiCatalog.unit("control_chart")).isEqualTo(Unit.COUNT);
    }

    @Test
    void defaultTargetsAreTheSpecsAndFollowTheCatalogueDirection() {
        // kpis.md section 6 and section 10
        Map<String, KpiTarget> targets = KpiEngineProperties.defaultTargets();
        assertThat(targets.keySet()).containsExactly("on_time_rate", "order_accuracy", "damage_rate",
                "perfect_order_rate", "cycle_cv", "csi", "nps", "complaint_rate", "first_response_within_target_rate",
                "resolved_within_target_rate");
        assertTarget(targets.get("on_time_rate"), 0.95, true, 0.03);
        assertTarget(targets.get("order_accuracy"), 0.995, true, 0.005);
        assertTarget(targets.get("damage_rate"), 0.005, false, 0.005);
        assertTarget(targets.get("perfect_order_rate"), 0.90, true, 0.05);
        assertTarget(targets.get("cycle_cv"), 0.5, false, 0.1);
        assertTarget(targets.get("csi"), 80, true, 5);
        assertTarget(targets.get("nps"), 30, true, 10);
        assertTarget(targets.get("complaint_rate"), 0.01, false, 0.005);
        assertTarget(targets.get("first_response_within_target_rate"), 0.90, true, 0.05);
        assertTarget(targets.get("resolved_within_target_rate"), 0.90, true, 0.05);
    }

    private static void assertTarget(KpiTarget t, double target, boolean higher, double band) {
        assertThat(t.target()).as(t.kpi()).isEqualTo(target);
        assertThat(t.higherIsBetter()).as(t.kpi()).isEqualTo(higher);
        assertThat(t.band()).as(t.kpi()).isEqualTo(band);
    }

    @Test
    void headlineAndDriverKpisAreTheSpecsAndTheComplaintOnesNeedTickets() {
        assertThat(Arrays.stream(HeadlineKpi.values()).map(HeadlineKpi::kpi).collect(Collectors.toSet()))
                .isEqualTo(Arrays.stream(Kpi.values()).filter(Kpi::isHeadline).collect(Collectors.toSet()));
        assertThat(HeadlineKpi.shown(false)).hasSize(11).noneMatch(HeadlineKpi::ticketsOnly);
        assertThat(HeadlineKpi.shown(true)).hasSize(13).endsWith(HeadlineKpi.COMPLAINT_RATE,
                HeadlineKpi.RESOLVED_WITHIN_TARGET_RATE);
        // kpis.md section 8
        assertThat(DriverKpis.IDS).containsExactlyInAnyOrder("on_time_rate", "order_accuracy", "line_accuracy",
                "damage_rate", "documentation_accuracy", "perfect_order_rate", "split_shipment_rate",
                "cycle_within_target_rate", "return_rate", "complaint_rate", "resolved_within_target_rate");
        assertThat(DriverKpis.higherIsBetter("split_shipment_rate", null)).isFalse();
        assertThat(DriverKpis.higherIsBetter("cycle_within_target_rate", null)).isTrue();
        assertThat(KpiCatalog.higherIsBetter("cycle_within_target_rate")).isTrue();
        assertThat(KpiCatalog.higherIsBetter("cycle_hours_p90")).isFalse();
    }

    @Test
    void everyKpiOfTheDefinitionsSheetHasANameAndADefinitionInEveryBundle() throws IOException {
        // the Definitions sheet's rows as before the catalogue
        assertThat(KpiCatalog.DEFINED).containsExactly(
                "on_time_rate", "pending_orders", "order_accuracy", "line_accuracy", "damage_rate",
                "documentation_accuracy", "perfect_order_rate", "split_shipment_rate", "return_rate",
                "return_reason_share", "refund_hours_mean", "refund_hours_p90",
                "cycle_hours_mean", "cycle_hours_p50", "cycle_hours_p90", "cycle_hours_p95", "cycle_hours_sd",
                "cycle_cv", "cycle_within_target_rate", "dispatch_hours_mean", "dispatch_hours_p90",
                "dim_score", "csi", "csat", "nps", "survey_responses", "importance", "control_chart",
                "complaint_rate", "complaint_share", "first_response_within_target_rate", "first_response_hours_mean",
                "first_response_hours_p90", "resolved_within_target_rate", "open_complaints", "resolution_hours_mean",
                "resolution_hours_p90", "reopen_rate");
        assertThat(KpiCatalog.BREAKDOWN).containsExactly("on_time_rate", "order_accuracy", "damage_rate",
                "perfect_order_rate", "cycle_hours_p90", "cycle_cv", "csi", "nps", "return_rate");
        for (String bundle : List.of("report_en", "report_zh_CN")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Kpi k : Kpi.values()) {
                if (k == Kpi.ON_TIME_REQUIRED_RATE) {
                    continue;
                }
                assertThat(p.getProperty(k.nameKey())).as(bundle + " " + k.nameKey()).isNotBlank();
                assertThat(p.getProperty(k.definitionKey())).as(bundle + " " + k.definitionKey()).isNotBlank();
            }
            assertThat(p.getProperty(Kpi.ON_TIME_RATE.nameKey()).toLowerCase(Locale.ROOT)).isNotEqualTo("on_time_rate");
        }
    }
}
