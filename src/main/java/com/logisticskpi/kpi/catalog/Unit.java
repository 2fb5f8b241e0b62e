package com.logisticskpi.kpi.catalog;

/**
 * How a KPI value is measured and shown: a share as a fraction 0..1 (shown in percent, its changes in percentage
 * points), hours, a dimensionless ratio (CV, correlation), a score (CSI 0-100, NPS -100..100) or a count.
 */
public enum Unit { SHARE, HOURS, RATIO, SCORE, COUNT }
