package com.logisticskpi.kpi.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.store.KpiRunRepository;

/**
 * Writes {@code orders-outcome.csv}: one row per order outcome of a run, sorted by order_id, every field of
 * {@link OrderOutcome}. Times are local to the run's zone with their offset (2026-11-11T18:00:00+08:00), booleans
 * true/false, empty when not applicable, hours as plain decimals. The free-text columns (order and customer id,
 * warehouse, carrier, region, channel, segment) are neutralised against spreadsheet formulas unless raw ({@link CsvText}).
 */
public final class OrdersOutcomeCsv {

    public static final String[] HEADER = {"order_id", "customer_id", "order_time", "due_time", "due_date", "state",
            "delivered_at", "delivery_date", "on_time", "accurate", "damaged", "documents_ok", "perfect", "split", "lines",
            "accurate_lines", "cycle_hours", "dispatch_hours", "hours_late", "warehouse", "carrier", "region", "channel",
            "segment"};

    private OrdersOutcomeCsv() {
    }

    /** Returns the number of rows written. */
    public static long write(Path file, KpiRunRepository repository, long runId, ZoneId zone, SliceFilter filter)
            throws IOException {
        return write(file, repository, runId, zone, filter, false);
    }

    /** {@code raw} false: the free-text columns are neutralised ({@link CsvText}). */
    public static long write(Path file, KpiRunRepository repository, long runId, ZoneId zone, SliceFilter filter,
                             boolean raw) throws IOException {
        return write(file, zone, raw, UnaryOperator.identity(), sink -> repository.forEachOutcome(runId, filter, sink));
    }

    /** Writes the given outcomes in their order (e.g. a streamed subset of a run); returns the number of rows. */
    public static long write(Path file, Iterable<OrderOutcome> outcomes, ZoneId zone) throws IOException {
        return write(file, outcomes, zone, false, UnaryOperator.identity());
    }

    /**
     * The same with {@code raw} (see {@link CsvText}) and a function applied to every customer id first (the
     * exceptions CSV masks them as the workbook does).
     */
    public static long write(Path file, Iterable<OrderOutcome> outcomes, ZoneId zone, boolean raw,
                             UnaryOperator<String> customerId) throws IOException {
        return write(file, zone, raw, customerId, outcomes::forEach);
    }

    private static long write(Path file, ZoneId zone, boolean raw, UnaryOperator<String> customerId,
                              java.util.function.Consumer<java.util.function.Consumer<OrderOutcome>> source)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        long[] count = {0};
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord((Object[]) HEADER);
            source.accept(o -> {
                try {
                    csv.printRecord(CsvText.of(o.orderId(), raw),
                            CsvText.of(o.customerId() == null ? null : customerId.apply(o.customerId()), raw),
                            time(o.orderTime(), zone, f), time(o.dueTime(), zone, f),
                            o.dueDate(), o.state(), time(o.deliveredAt(), zone, f), text(o.deliveryDate()), text(o.onTime()),
                            text(o.accurate()), text(o.damaged()), text(o.documentsOk()), text(o.perfect()), text(o.split()),
                            o.lines(), o.accurateLines(), hours(o.cycleHours()), hours(o.dispatchHours()),
                            hours(o.hoursLate()), CsvText.of(o.warehouse(), raw), CsvText.of(o.carrier(), raw),
                            CsvText.of(o.region(), raw), CsvText.of(o.channel(), raw), CsvText.of(o.segment(), raw));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count[0];
    }

    private static String time(Instant t, ZoneId zone, DateTimeFormatter f) {
        return t == null ? "" : f.format(t.atZone(zone).toOffsetDateTime());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String hours(Double h) {
        return h == null ? "" : KpiValuesCsv.plain(h);
    }
}
