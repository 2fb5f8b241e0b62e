package com.logisticskpi.sample;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The master data the simulated business runs on: warehouses, carriers, regions, channels, categories, SKUs,
 * customers and free-text comments. Everything is computed from indexes and the seed, so nothing grows with the set.
 */
final class Catalog {

    static final List<String> WAREHOUSES = List.of("SH01", "BJ02", "GZ03", "CD04");
    static final List<String> CARRIERS = List.of("SF", "JD", "ZTO", "YTO", "EMS");
    private static final double[] CARRIER_WEIGHTS = {0.25, 0.25, 0.20, 0.20, 0.10};
    static final List<String> REGIONS = List.of("华东", "华北", "华南", "西南", "华中");
    private static final double[] REGION_WEIGHTS = {0.34, 0.22, 0.20, 0.12, 0.12};
    /** The warehouse that normally serves each region (华中 is served from Shanghai or Guangzhou). */
    private static final Map<String, List<String>> HOME_WAREHOUSES = Map.of(
            "华东", List.of("SH01"), "华北", List.of("BJ02"), "华南", List.of("GZ03"), "西南", List.of("CD04"),
            "华中", List.of("SH01", "GZ03"));
    static final List<String> CHANNELS = List.of("APP", "WEB", "MINI", "STORE");
    private static final double[] CHANNEL_WEIGHTS = {0.45, 0.20, 0.25, 0.10};

    /** category name, SKU code, lowest and highest unit price. */
    record Category(String name, String code, int minPrice, int maxPrice) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("家电", "HA", 199, 3999), new Category("数码", "DG", 99, 5999),
            new Category("服饰", "AP", 39, 599), new Category("食品", "FD", 9, 199),
            new Category("美妆", "BT", 29, 899), new Category("家居", "HM", 19, 699),
            new Category("母婴", "BB", 29, 499));
    private static final double[] CATEGORY_WEIGHTS = {0.10, 0.12, 0.22, 0.20, 0.12, 0.14, 0.10};
    private static final int SKUS_PER_CATEGORY = 80;

    static final List<String> RETURN_COMMENTS = List.of(
            "box crushed, item scratched",
            "客户说\"不想要了\"",
            "=1+1",
            "@SUM(A1)",
            "颜色和图片不一样，退货",
            "first line\nsecond line",
            "尺码偏小, 换大一号",
            "He said \"fine\", then refused the parcel",
            "包装破损\r\n外箱变形",
            "+86 138 0000 0000 call before pickup",
            "-2+3",
            "<b>not bold</b> & 'quoted'",
            "'; DROP TABLE orders; --",
            "缺少配件：充电线",
            " leading and trailing spaces ");

    static final List<String> SURVEY_COMMENTS = List.of(
            "很好",
            "快递很快，包装完好",
            "late, \none box came a day later",
            "=HYPERLINK(\"http://example.invalid\",\"x\")",
            "客服态度一般",
            "Great service, thanks!",
            "配送员说\"放门口\"就走了",
            "@SUM(A1)",
            "=1+1",
            "物流信息一直不更新\n打电话也没人接",
            "the box said \"fragile\", still fine",
            "发错货了，还要自己去寄回",
            "ok");

    private final long seed;
    private final int customers;

    Catalog(long seed, int ordersPerDay) {
        this.seed = seed;
        // a customer base that grows with the volume: about 8 customers per daily order, at least 300
        this.customers = Math.max(300, ordersPerDay * 8);
    }

    /**
     * A customer index with a Pareto-like skew: {@code n * u^3} puts about 58 % of the orders on the first 16 % of
     * the customers, so revenue is concentrated enough for a real ABC split.
     */
    int customer(SplittableRandom r) {
        double u = r.nextDouble();
        return (int) Math.min(customers - 1, (long) (customers * u * u * u));
    }

    static String customerId(int index) {
        return String.format("C%06d", index + 1);
    }

    /** The customer's home region: fixed per customer. */
    String regionOf(int customer) {
        return pick(REGIONS, REGION_WEIGHTS, unit(mix(seed ^ 0x5EED_0001L, customer)));
    }

    /** The fulfilment warehouse: the region's home warehouse, one time in ten another one (stock-outs). */
    static String warehouseFor(String region, SplittableRandom r) {
        if (r.nextDouble() < 0.10) {
            return WAREHOUSES.get(r.nextInt(WAREHOUSES.size()));
        }
        List<String> home = HOME_WAREHOUSES.get(region);
        return home.get(r.nextInt(home.size()));
    }

    static String channel(SplittableRandom r) {
        return pick(CHANNELS, CHANNEL_WEIGHTS, r.nextDouble());
    }

    static String carrier(SplittableRandom r) {
        return pick(CARRIERS, CARRIER_WEIGHTS, r.nextDouble());
    }

    static Category category(SplittableRandom r) {
        return pick(CATEGORIES, CATEGORY_WEIGHTS, r.nextDouble());
    }

    /** A SKU number within the category, popular SKUs first (squared uniform). */
    static int skuNumber(SplittableRandom r) {
        double u = r.nextDouble();
        return 1 + (int) (SKUS_PER_CATEGORY * u * u);
    }

    static String sku(Category c, int number) {
        return String.format("SKU-%s-%04d", c.code(), number);
    }

    /** The SKU's list price, fixed per SKU, in the category's range, to the cent. */
    String unitPrice(Category c, int number) {
        double u = unit(mix(seed ^ 0x9A1CEL, c.code().hashCode() * 10_000L + number));
        long cents = Math.round((c.minPrice() + (c.maxPrice() - c.minPrice()) * u * u) * 100);
        cents = cents / 100 * 100 + 99 - (cents % 2) * 49;          // 199.99 / 199.50 style prices
        return String.format("%d.%02d", cents / 100, cents % 100);
    }

    static <T> T pick(List<T> items, double[] weights, double u) {
        double acc = 0;
        for (int i = 0; i < items.size(); i++) {
            acc += weights[i];
            if (u < acc) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
