package com.logisticskpi.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.logisticskpi.cli.ReportCommand;

/**
 * Builds a run's {@link ReportInput} from the KPI engine's results. Implemented by the integration (a Spring bean);
 * {@link ReportCommand} finds it in the context. The callback style lets the provider keep database cursors behind
 * the streamed parts ({@link ReportInput#exceptions()}, {@link ReportInput#deliveredOrders()}) open exactly while
 * the workbook is written, and close them afterwards whatever happens.
 */
public interface ReportInputProvider {

    /**
     * What a run asks for.
     *
     * @param businessDate the report date
     * @param asOf         the run's "now"
     * @param zone         the business time zone
     * @param locale       the workbook's language
     * @param outDir       where the workbook goes (the provider may put the full exceptions CSV there)
     * @param kpiRunId     a stored KPI run for exactly this date, as-of and zone to report from (the nightly job's
     *                     compute step), or null to let the provider compute one
     */
    record Request(LocalDate businessDate, Instant asOf, ZoneId zone, Locale locale, Path outDir, Long kpiRunId) {
        public Request(LocalDate businessDate, Instant asOf, ZoneId zone, Locale locale, Path outDir) {
            this(businessDate, asOf, zone, locale, outDir, null);
        }
    }

    /** Uses the input while its streamed parts are open. */
    @FunctionalInterface
    interface Use<T> {
        T apply(ReportInput input) throws IOException;
    }

    <T> T withInput(Request request, Use<T> use) throws IOException;
}
