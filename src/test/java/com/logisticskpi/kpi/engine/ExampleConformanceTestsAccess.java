package com.logisticskpi.kpi.engine;

import java.util.Map;

import com.logisticskpi.testsupport.KpiCsv;

/** Lets tests of other packages apply the conformance comparison. */
public final class ExampleConformanceTestsAccess {

    private ExampleConformanceTestsAccess() {
    }

    public static void assertConforms(Map<String, KpiCsv.Row> actual) throws Exception {
        ExampleConformanceTests.assertConforms(actual);
    }
}
