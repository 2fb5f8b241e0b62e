package com.logisticskpi.kpi.explain;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.drivers.DriverKpis;
import com.logisticskpi.kpi.drivers.DriverRow;
import com.logisticskpi.kpi.drivers.TopDrivers;
import com.logisticskpi.kpi.catalog.Kpi;

/**
 * The text {@code kpi explain} prints: the figure and its change, the split of the change over every dimension
 * (most adverse first, rate and mix effects), the gap contributions, the required on-time rate where it applies, and
 * the orders that cost the most. Shares in percent, effects in percentage points. Text from the exports (slice
 * values, order ids) is printed with control characters replaced, so that it cannot drive the terminal.
 */
public final class ExplainText {

    /** Everything one explanation shows. */
    public record Input(String kpi, PeriodType type, String period, String previousPeriod, KpiValue current, KpiValue previous,
                 KpiTarget target, List<DriverRow> drivers, Slice only, KpiValue required, KpiValue pending,
                 DriverRow costliest, CostlyOrders.Result orders, ZoneId zone, String asOf) {

        /** "fall"/"rise" when the orders' slice value is the top contributor to the figure getting worse, else the gap. */
        String costliestReason() {
            int adverse = TopDrivers.adverse(DriverKpis.higherIsBetter(kpi, target));
            boolean worse = current != null && previous != null
                    && TopDrivers.direction(current.value() - previous.value()) == adverse;
            boolean pushed = costliest != null && costliest.changeContribution() * adverse > 0;
            return worse && pushed ? (adverse < 0 ? "fall" : "rise") : "gap to target";
        }
    }

    public static final int TOP = 5;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ExplainText() {
    }

    public static void print(Input in, PrintWriter o) {
        boolean higher = DriverKpis.higherIsBetter(in.kpi(), in.target());
        o.printf("%s, %s %s against %s (as of %s)%n", in.kpi(), in.type().label(), in.period(), in.previousPeriod(), in.asOf());
        o.printf("  now      %s%n", figure(in.current()));
        o.printf("  before   %s%n", figure(in.previous()));
        if (in.current() != null && in.previous() != null) {
            o.printf("  change   %s%n", pts(in.current().value() - in.previous().value()));
        }
        if (in.target() != null) {
            o.printf("  target   %s (%s is better)%s%n", pct(in.target().target()), higher ? "higher" : "lower",
                    in.current() == null ? "" : ": gap " + pts(in.current().value() - in.target().target()) + ", "
                            + in.target().status(in.current().value()).name().toLowerCase(Locale.ROOT));
        }
        if (in.required() != null) {
            double r = in.required().value();
            o.printf("  pending  %d orders due in %s are still pending: they need %s on time%s%n",
                    in.pending() == null ? in.required().denominator() : Math.round(in.pending().value()), in.period(), pct(r),
                    r > 1 ? " - out of reach, the target can no longer be met" : r <= 0 ? " - the target is met whatever happens" : "");
        }
        if (in.drivers().isEmpty()) {
            o.printf("%nNo decomposition: %s has no %s figure by dimension in %s or in %s.%n", in.kpi(), in.type().label(),
                    in.period(), in.previousPeriod());
            return;
        }
        int moved = TopDrivers.direction(change(in));
        o.printf("%nTop contributors to the %s (any dimension):%n", moved == 0 ? "change" : moved > 0 ? "rise" : "fall");
        list(o, TopDrivers.change(in.drivers(), moved, TOP), false);
        if (in.target() != null) {
            o.printf("Top contributors to the gap to target (any dimension):%n");
            list(o, TopDrivers.gap(in.drivers(), TopDrivers.adverse(higher), TOP), true);
        }
        o.printf("%nBy dimension: contribution = rate effect (the value's own rate moved) + mix effect (its share of the"
                + " orders moved);%nover a dimension the contributions add up to the change of its pooled figure, the gaps"
                + " to its gap to target.%n");
        for (Slice s : Slice.values()) {
            if (s == Slice.ALL || (in.only() != null && in.only() != s)) {
                continue;
            }
            List<DriverRow> rows = in.drivers().stream().filter(r -> r.slice().equals(s.label())).toList();
            if (!rows.isEmpty()) {
                dimension(o, s, TopDrivers.byChange(rows, moved));
            }
        }
        orders(in, o);
    }

    /** The change of the figure: of slice all where both periods have it, else of the first dimension's pooled figure. */
    public static double change(Input in) {
        if (in.current() != null && in.previous() != null) {
            return in.current().value() - in.previous().value();
        }
        String first = in.drivers().get(0).slice();
        return in.drivers().stream().filter(r -> r.slice().equals(first)).mapToDouble(DriverRow::changeContribution).sum();
    }

    private static void list(PrintWriter o, List<DriverRow> rows, boolean gap) {
        if (rows.isEmpty()) {
            o.printf("  (none)%n");
        }
        for (DriverRow r : rows) {
            o.printf("  %-10s %-16s %s%n", r.slice(), clean(r.sliceValue()), pts(gap ? r.targetGapContribution() : r.changeContribution()));
        }
    }

    private static void dimension(PrintWriter o, Slice s, List<DriverRow> rows) {
        double n1 = 0, n0 = 0;
        long d1 = 0, d0 = 0;
        for (DriverRow r : rows) {
            n1 += r.numerator();
            d1 += r.denominator();
            n0 += r.previousNumerator();
            d0 += r.previousDenominator();
        }
        o.printf("%n%s: pooled %s against %s, change %s%n", s.label(), pct(n1 / d1), pct(n0 / d0), pts(n1 / d1 - n0 / d0));
        o.printf("  %-16s %8s %15s %8s %15s %10s %10s %10s %10s%n", "value", "now", "", "before", "", "rate", "mix",
                "change", "gap");
        for (DriverRow r : rows) {
            o.printf("  %-16s %8s %15s %8s %15s %10s %10s %10s %10s%n", clean(r.sliceValue()), pct(r.rate()),
                    count(r.numerator(), r.denominator()), pct(r.previousRate()),
                    count(r.previousNumerator(), r.previousDenominator()), pts(r.rateEffect()), pts(r.mixEffect()),
                    pts(r.changeContribution()), r.targetGapContribution() == null ? "-" : pts(r.targetGapContribution()));
        }
    }

    private static void orders(Input in, PrintWriter o) {
        if (in.costliest() == null) {
            return;
        }
        String what = switch (Kpi.byId(in.kpi()).orElse(Kpi.ORDER_ACCURACY)) {
            case ON_TIME_RATE -> "late or overdue orders due";
            case RETURN_RATE -> "orders with a return requested";
            case CYCLE_WITHIN_TARGET_RATE -> "orders delivered over the cycle target";
            case SPLIT_SHIPMENT_RATE -> "split orders delivered";
            case DAMAGE_RATE -> "damaged orders delivered";
            default -> "orders delivered that failed " + in.kpi() + ",";
        };
        DriverRow top = in.costliest();
        o.printf("%nOrders that cost the most: %s in %s with %s %s (the top contributor to the %s): %d, the %d latest%n",
                what, in.period(), top.slice(), clean(top.sliceValue()), in.costliestReason(), in.orders().count(),
                in.orders().orders().size());
        if (in.orders().orders().isEmpty()) {
            return;
        }
        o.printf("  %-18s %-16s %-16s %-9s %6s %7s  %s%n", "order", "due", "delivered", "state", "late h", "cycle h",
                "warehouse / carrier / region / channel / segment");
        for (OrderOutcome x : in.orders().orders()) {
            o.printf("  %-18s %-16s %-16s %-9s %6s %7s  %s / %s / %s / %s / %s%n", clean(x.orderId()),
                    x.dueTime() == null ? "" : x.dueTime().atZone(in.zone()).format(MINUTES),
                    x.deliveredAt() == null ? "-" : x.deliveredAt().atZone(in.zone()).format(MINUTES), x.state(),
                    hours(x.hoursLate()), hours(x.cycleHours()), clean(x.warehouse()), clean(x.carrier()),
                    clean(x.region()), clean(x.channel()), clean(x.segment()));
        }
    }

    public static String figure(KpiValue v) {
        if (v == null) {
            return "no figure";
        }
        return pct(v.value()) + "  (" + count(v.numerator(), v.denominator()) + ")";
    }

    public static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f %%", v * 100);
    }

    public static String pts(double v) {
        return String.format(Locale.ROOT, "%+.2f pts", v * 100);
    }

    public static String count(Double n, Long d) {
        return n == null || d == null ? "" : String.format(Locale.ROOT, "%s of %d", n == Math.rint(n)
                ? Long.toString(Math.round(n)) : String.format(Locale.ROOT, "%.2f", n), d);
    }

    private static String count(double n, long d) {
        return d == 0 ? "none" : count((Double) n, (Long) d);
    }

    private static String hours(Double h) {
        return h == null ? "-" : String.format(Locale.ROOT, "%.1f", h);
    }

    /** Text from the exports with control characters (escape sequences, line breaks) replaced by '?'. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? '?' : cp));
        return b.toString();
    }
}
