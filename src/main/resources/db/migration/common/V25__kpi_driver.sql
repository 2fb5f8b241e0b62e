-- kpis.md section 8: the drivers of a run (kpi-drivers.csv), one row per period, KPI, dimension and slice value.
-- Kept with kpi_value (a report of an older run reads them back); target_gap is NULL when the KPI has no target or
-- the value no orders in the period.
CREATE TABLE kpi_driver (
    run_id          BIGINT        NOT NULL,
    period_type     VARCHAR(8)    NOT NULL,
    period_label    VARCHAR(10)   NOT NULL,
    previous_label  VARCHAR(10)   NOT NULL,
    kpi             VARCHAR(100)  NOT NULL,
    slice_name      VARCHAR(16)   NOT NULL,
    slice_value     VARCHAR(200)  NOT NULL,
    numerator       DOUBLE        NOT NULL,
    denominator     BIGINT        NOT NULL,
    prev_numerator  DOUBLE        NOT NULL,
    prev_denominator BIGINT       NOT NULL,
    rate_effect     DOUBLE        NOT NULL,
    mix_effect      DOUBLE        NOT NULL,
    change_contrib  DOUBLE        NOT NULL,
    target_gap      DOUBLE,
    PRIMARY KEY (run_id, period_type, period_label, kpi, slice_name, slice_value)
) ${table_options};
