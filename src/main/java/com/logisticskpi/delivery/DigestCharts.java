package com.logisticskpi.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.logisticskpi.kpi.HeadlineKpi;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Rag;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.KpiLookup;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.chart.ChartImage;
import com.logisticskpi.report.chart.TrendChart;
import com.logisticskpi.report.chart.ReportCharts;

/**
 * The few charts of the mail: at most {@link #MAX} trend charts of the report's period type (60 days, 26 weeks or
 * 13 months), the red KPIs first, then on-time, perfect orders, P90 cycle time and NPS. Each is drawn for the mail's
 * column ({@value MailDigest#CHART_WIDTH} × {@value MailDigest#CHART_HEIGHT} logical pixels, PNG at twice that for
 * sharp phone screens), with a content id and a file name that say what it shows
 * ({@code trend-on-time-rate-26-weeks}, {@code trend-on-time-rate-26-weeks.png}; no raw KPI id in the mail).
 */
public final class DigestCharts {

    public static final int MAX = 4;
    static final List<HeadlineKpi> DEFAULTS = List.of(HeadlineKpi.ON_TIME_RATE, HeadlineKpi.PERFECT_ORDER_RATE,
            HeadlineKpi.CYCLE_HOURS_P90, HeadlineKpi.NPS);
    static final Map<PeriodType, Integer> HISTORY = Map.of(PeriodType.DAY, 60, PeriodType.WEEK, 26, PeriodType.MONTH, 13);

    private final ReportCharts charts = new ReportCharts(2);

    List<MailDigest.Chart> render(MailDigestBuilder.Request r, Messages m, KpiLookup lookup, Map<String, KpiTarget> targets,
                                  List<DigestRow> rows) {
        Set<HeadlineKpi> chosen = new LinkedHashSet<>();
        rows.stream().filter(x -> x.status() == Rag.RED).map(DigestRow::kpi).forEach(chosen::add);
        chosen.addAll(DEFAULTS);
        PeriodType type = r.kind().period();
        int n = HISTORY.get(type);
        List<LocalDate> starts = KpiLookup.history(type, r.businessDate(), n);
        var legend = TrendChart.LegendText.of(m);
        List<MailDigest.Chart> out = new ArrayList<>();
        for (HeadlineKpi kpi : chosen) {
            if (out.size() == MAX) {
                break;
            }
            KpiTarget target = targets.get(kpi.id());
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            List<Rag> rags = new ArrayList<>();
            for (LocalDate start : starts) {
                KpiValue v = lookup.all(type, start, kpi.id()).orElse(null);
                String label = type.periodOf(start);
                labels.add(type == PeriodType.MONTH ? label : label.substring(5));
                values.add(v == null ? null : v.value());
                rags.add(v == null || target == null ? null : target.status(v.value()));
            }
            String history = m.get("trends.history." + type.label());
            String title = m.get("trends.chart_title", m.get(kpi.nameKey()), history);
            var chart = TrendChart.create(title, labels, values, rags, target == null ? null : target.target(),
                    KpiCatalog.unit(kpi.id()), legend);
            chart.getPlot().setNoDataMessage(m.get("value.no_data"));
            String slug = "trend-" + kpi.id().replace('_', '-') + "-" + n + "-" + type.label() + "s";
            ChartImage img = charts.render(slug + ".png", chart, MailDigest.CHART_WIDTH, MailDigest.CHART_HEIGHT);
            out.add(new MailDigest.Chart(slug, img.fileName(),
                    m.get("mail.chart_alt", m.get(kpi.nameKey()), history), img.png()));
        }
        return out;
    }
}
