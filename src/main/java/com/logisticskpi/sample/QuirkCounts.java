package com.logisticskpi.sample;

import java.util.Map;
import java.util.TreeMap;

/** How often each deliberate quirk was written; printed by the generator and checked by the tests. */
public final class QuirkCounts {

    private final Map<String, Long> counts = new TreeMap<>();

    void add(String quirk) {
        counts.merge(quirk, 1L, Long::sum);
    }

    public long get(String quirk) {
        return counts.getOrDefault(quirk, 0L);
    }

    public Map<String, Long> asMap() {
        return java.util.Collections.unmodifiableMap(counts);
    }
}
