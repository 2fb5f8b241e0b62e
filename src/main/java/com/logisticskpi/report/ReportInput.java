package com.logisticskpi.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.restate.Restatement;

/**
 * Everything the manager's workbook shows, computed beforehand by the KPI engine. The writer computes no KPI
 * itself: it only looks values up, compares them (RAG, change, z-test, Wilson interval) and draws them.
 *
 * @param businessDate     the report date (a local date in {@code zone})
 * @param asOf             the instant the run treated as "now"
 * @param zone             the business time zone; every time on the workbook is shown in it
 * @param locale           the language of labels, sheet names and chart titles (en or zh-CN)
 * @param freshness        how recent the loaded exports are
 * @param values           kpi-values rows for every period the workbook shows: the day, ISO week and month of the
 *                         business date, the period before each, and the trend history (60 days, 26 weeks,
 *                         13 months ending with the business date's period), slice {@code all} plus the slices
 *                         for the Breakdowns sheet (month of the business date)
 * @param targets          KPI id to target (only KPIs with a target get a RAG status)
 * @param controlChart     the XmR chart of daily mean cycle hours (kpis.md section 4), oldest first
 * @param deliveredOrders  the delivered cohort of the business date's month, read once for the histogram
 *                         (only {@code cycleHours} of delivered orders is used); may be streamed
 * @param exceptions       every exception order ({@link OrderOutcome#isException()}), streamed once
 * @param dataQuality      one row per export file loaded for the report's data
 * @param exceptionsCsv    where the full exceptions CSV is written (from the same rows as the sheet, after the
 *                         workbook); null: no CSV
 * @param drivers          the drivers of the run's periods (kpis.md section 8): at least the day, ISO week and month
 *                         of the business date against the period before each; may be empty
 * @param customerService  the ticket details behind the Customer service sheet (kpis.md section 10); "export
 *                         missing" when null
 * @param exceptionRows    the stored export rows of the exception orders, for their causes, failing lines and
 *                         parcels (fetched in batches); {@link OrderRowsSource#NONE} leaves every cause undetermined
 * @param restatements     the figures of earlier reports this run changed (late corrections), shown in the Summary's
 *                         "Restated" section; empty: no section (docs/kpi-engine.md, "As reported and restatements")
 */
public record ReportInput(
        LocalDate businessDate,
        Instant asOf,
        ZoneId zone,
        Locale locale,
        Freshness freshness,
        List<KpiValue> values,
        Map<String, KpiTarget> targets,
        List<ControlPoint> controlChart,
        Iterable<OrderOutcome> deliveredOrders,
        Iterable<OrderOutcome> exceptions,
        List<DataQualityRow> dataQuality,
        Path exceptionsCsv,
        List<DriverRow> drivers,
        CustomerService customerService,
        OrderRowsSource exceptionRows,
        List<Restatement> restatements) {

    /** An input without restatements. */
    public ReportInput(LocalDate businessDate, Instant asOf, ZoneId zone, Locale locale, Freshness freshness,
                       List<KpiValue> values, Map<String, KpiTarget> targets, List<ControlPoint> controlChart,
                       Iterable<OrderOutcome> deliveredOrders, Iterable<OrderOutcome> exceptions,
                       List<DataQualityRow> dataQuality, Path exceptionsCsv, List<DriverRow> drivers,
                       CustomerService customerService, OrderRowsSource exceptionRows) {
        this(businessDate, asOf, zone, locale, freshness, values, targets, controlChart, deliveredOrders, exceptions,
                dataQuality, exceptionsCsv, drivers, customerService, exceptionRows, List.of());
    }

    /** An input without drivers, ticket details and exception rows (the Why column and Drivers sheet say there is no
     * data; the tickets export counts as missing; every exception cause is undetermined). */
    public ReportInput(LocalDate businessDate, Instant asOf, ZoneId zone, Locale locale, Freshness freshness,
                       List<KpiValue> values, Map<String, KpiTarget> targets, List<ControlPoint> controlChart,
                       Iterable<OrderOutcome> deliveredOrders, Iterable<OrderOutcome> exceptions,
                       List<DataQualityRow> dataQuality, Path exceptionsCsv) {
        this(businessDate, asOf, zone, locale, freshness, values, targets, controlChart, deliveredOrders, exceptions,
                dataQuality, exceptionsCsv, List.of(), null, OrderRowsSource.NONE, List.of());
    }

    public ReportInput {
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        locale = locale == null ? Locale.ENGLISH : locale;
        values = values == null ? List.of() : values;
        targets = targets == null ? Map.of() : targets;
        controlChart = controlChart == null ? List.of() : controlChart;
        deliveredOrders = deliveredOrders == null ? List.of() : deliveredOrders;
        exceptions = exceptions == null ? List.of() : exceptions;
        dataQuality = dataQuality == null ? List.of() : dataQuality;
        drivers = drivers == null ? List.of() : drivers;
        customerService = customerService == null ? CustomerService.MISSING : customerService;
        exceptionRows = exceptionRows == null ? OrderRowsSource.NONE : exceptionRows;
        restatements = restatements == null ? List.of() : List.copyOf(restatements);
    }

    /**
     * The ticket details of the report month (the figures themselves are in {@code values}).
     *
     * @param exportLoaded    whether a tickets file was ever loaded; when not, the workbook says the export is missing
     * @param responseHours   hours to the first response of the month's contacts that have one (the histogram)
     * @param resolutionHours hours to resolution of the complaints resolved in the month (the histogram)
     * @param overdue         open complaints older than the resolution target at as-of, oldest first (capped)
     * @param overdueTotal    how many there are in all (more than {@code overdue.size()} when capped)
     */
    public record CustomerService(boolean exportLoaded, List<Double> responseHours, List<Double> resolutionHours,
                                  List<OverdueComplaint> overdue, long overdueTotal) {

        public static final CustomerService MISSING = new CustomerService(false, List.of(), List.of(), List.of(), 0);

        public CustomerService {
            responseHours = responseHours == null ? List.of() : List.copyOf(responseHours);
            resolutionHours = resolutionHours == null ? List.of() : List.copyOf(resolutionHours);
            overdue = overdue == null ? List.of() : List.copyOf(overdue);
        }
    }

    /**
     * An open complaint past the resolution target. Ticket, order and customer ids come from the export: untrusted
     * text, written as text (the customer id masked).
     *
     * @param ageHours hours from opening to as-of
     */
    public record OverdueComplaint(String ticketId, String orderId, String customerId, String type, String category,
                                   Instant opened, double ageHours) {
    }

    /**
     * How fresh the data behind the report is.
     *
     * @param newestEvent the latest event time found in the stored exports (order, delivery, return or survey time); may be null
     * @param lastLoad    when the last export file was loaded; may be null
     */
    public record Freshness(Instant newestEvent, Instant lastLoad) {
    }

    /**
     * One day of the XmR control chart.
     *
     * @param date   local date
     * @param value  the day's cycle_hours_mean; null for a day without delivered orders
     * @param centre centre line
     * @param ucl    upper control limit (centre + 2.66 MR-bar)
     * @param lcl    lower control limit (centre - 2.66 MR-bar)
     * @param rules  the Western Electric rules (1..4) that fired on this day; empty when none
     * @param baseline true for the baseline days that set the limits (kpis.md section 4); a baseline day with rule 1
     *                 was beyond the first limits and left out of the final ones (Phase I)
     */
    public record ControlPoint(LocalDate date, Double value, double centre, double ucl, double lcl, List<Integer> rules,
                               boolean baseline) {
        public ControlPoint {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /** A day outside the baseline. */
        public ControlPoint(LocalDate date, Double value, double centre, double ucl, double lcl, List<Integer> rules) {
            this(date, value, centre, ucl, lcl, rules, false);
        }

        public boolean signal() {
            return !rules.isEmpty();
        }
    }

    /**
     * The load bookkeeping of one export file.
     *
     * @param file       the file name as received
     * @param kind       orders, shipments, returns or surveys
     * @param status     the load status, e.g. LOADED, PARTIAL, FAILED
     * @param read       data rows read
     * @param loaded     rows stored
     * @param superseded stored rows replaced by a later file
     * @param rejected   rejected rows by reason code
     * @param orphans    rows whose order line is unknown or cancelled (kept, but in no figure)
     */
    public record DataQualityRow(String file, String kind, String status, long read, long loaded, long superseded,
                                 Map<String, Long> rejected, long orphans) {
        public DataQualityRow {
            rejected = rejected == null ? Map.of() : Map.copyOf(rejected);
        }

        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
