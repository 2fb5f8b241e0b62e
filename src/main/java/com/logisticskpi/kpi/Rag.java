package com.logisticskpi.kpi;

/** Red / amber / green status of a KPI value against its target (kpis.md section 6). */
public enum Rag { GREEN, AMBER, RED }
