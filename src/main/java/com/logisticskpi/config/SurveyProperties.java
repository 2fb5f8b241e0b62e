package com.logisticskpi.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The survey item scale and the dimensions (kpis.md section 5): which item columns belong to which dimension
 * and each dimension's weight. Used by ingest (scale validation, which columns are items) and by the KPI engine.
 *
 * @param scaleMin   lowest item score (default 1)
 * @param scaleMax   highest item score (default 5)
 * @param dimensions dimension name -> items and weight, in report order
 */
@ConfigurationProperties("kpi.survey")
public record SurveyProperties(Integer scaleMin, Integer scaleMax, Map<String, Dimension> dimensions) {

    public record Dimension(List<String> items, double weight) {
    }

    public SurveyProperties {
        if (scaleMin == null) {
            scaleMin = 1;
        }
        if (scaleMax == null) {
            scaleMax = 5;
        }
        if (scaleMax <= scaleMin) {
            throw new IllegalArgumentException("kpi.survey.scale-max must be above kpi.survey.scale-min");
        }
        if (dimensions == null || dimensions.isEmpty()) {
            dimensions = defaults();
        }
    }

    public static SurveyProperties defaults(int min, int max) {
        return new SurveyProperties(min, max, defaults());
    }

    private static Map<String, Dimension> defaults() {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("timeliness", new Dimension(List.of("q_timeliness"), 0.25));
        d.put("accuracy", new Dimension(List.of("q_accuracy"), 0.20));
        d.put("condition", new Dimension(List.of("q_condition"), 0.20));
        d.put("service", new Dimension(List.of("q_service"), 0.15));
        d.put("after_sales", new Dimension(List.of("q_after_sales"), 0.10));
        d.put("information", new Dimension(List.of("q_information"), 0.10));
        return d;
    }

    /** Every configured item column, e.g. q_timeliness. */
    public List<String> allItems() {
        return dimensions.values().stream().flatMap(d -> d.items().stream()).distinct().toList();
    }
}
