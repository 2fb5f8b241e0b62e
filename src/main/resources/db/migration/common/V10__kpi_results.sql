-- KPI engine results (docs/kpi-engine.md). Every table is keyed by run_id: one engine run = one kpi_run row.
-- DATETIME(6) columns hold UTC instants; *_day/_week/_month hold the local period labels computed in Java.

CREATE TABLE kpi_run (
    run_id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_execution_id BIGINT,
    created_at       DATETIME(6)   NOT NULL,
    as_of            DATETIME(6)   NOT NULL,
    zone_id          VARCHAR(64)   NOT NULL,
    from_date        DATE          NOT NULL,
    to_date          DATE          NOT NULL,
    slice_filter     VARCHAR(300),
    status           VARCHAR(16)   NOT NULL,
    order_count      BIGINT        NOT NULL DEFAULT 0,
    value_count      BIGINT        NOT NULL DEFAULT 0
) ${table_options};
CREATE INDEX ix_kpi_run_job ON kpi_run (job_execution_id);

CREATE TABLE kpi_value (
    run_id       BIGINT        NOT NULL,
    period_type  VARCHAR(8)    NOT NULL,
    period_label VARCHAR(10)   NOT NULL,
    slice_name   VARCHAR(16)   NOT NULL,
    slice_value  VARCHAR(200)  NOT NULL,
    kpi          VARCHAR(100)  NOT NULL,
    numerator    BIGINT,
    denominator  BIGINT,
    kpi_val      DOUBLE        NOT NULL,
    PRIMARY KEY (run_id, period_type, period_label, slice_name, slice_value, kpi)
) ${table_options};

-- ABC segments of one run: only A and B customers are stored, every other customer is C.
CREATE TABLE kpi_segment (
    run_id      BIGINT        NOT NULL,
    customer_id VARCHAR(100)  NOT NULL,
    segment     VARCHAR(1)    NOT NULL,
    PRIMARY KEY (run_id, customer_id)
) ${table_options};

-- Orders a run has to build an outcome for (selected by SQL from the exports).
CREATE TABLE kpi_candidate (
    run_id   BIGINT        NOT NULL,
    order_id VARCHAR(100)  NOT NULL,
    PRIMARY KEY (run_id, order_id)
) ${table_options};

CREATE TABLE order_outcome (
    run_id              BIGINT        NOT NULL,
    order_id            VARCHAR(100)  NOT NULL,
    customer_id         VARCHAR(100)  NOT NULL,
    order_time          DATETIME(6)   NOT NULL,
    due_time            DATETIME(6)   NOT NULL,
    due_date            DATE          NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    delivered_at        DATETIME(6),
    delivery_date       DATE,
    on_time             BOOLEAN,
    accurate            BOOLEAN,
    damaged             BOOLEAN,
    documents_ok        BOOLEAN,
    perfect             BOOLEAN,
    is_split            BOOLEAN,
    line_count          INT           NOT NULL,
    accurate_line_count INT           NOT NULL,
    cycle_us            BIGINT,
    dispatch_us         BIGINT,
    late_us             BIGINT,
    within_target       BOOLEAN,
    warehouse           VARCHAR(100)  NOT NULL,
    carrier             VARCHAR(100)  NOT NULL,
    region              VARCHAR(200)  NOT NULL,
    channel             VARCHAR(100)  NOT NULL,
    segment             VARCHAR(16)   NOT NULL,
    due_day             VARCHAR(10)   NOT NULL,
    due_week            VARCHAR(8)    NOT NULL,
    due_month           VARCHAR(7)    NOT NULL,
    del_day             VARCHAR(10),
    del_week            VARCHAR(8),
    del_month           VARCHAR(7),
    PRIMARY KEY (run_id, order_id)
) ${table_options};

-- One row per return (distinct return_id) of the run's orders, attributes from its smallest valid line_no.
CREATE TABLE kpi_return (
    run_id         BIGINT        NOT NULL,
    return_id      VARCHAR(100)  NOT NULL,
    order_id       VARCHAR(100)  NOT NULL,
    reason_code    VARCHAR(32)   NOT NULL,
    requested_time DATETIME(6)   NOT NULL,
    refunded_time  DATETIME(6),
    refund_us      BIGINT,
    req_day        VARCHAR(10)   NOT NULL,
    req_week       VARCHAR(8)    NOT NULL,
    req_month      VARCHAR(7)    NOT NULL,
    ref_day        VARCHAR(10),
    ref_week       VARCHAR(8),
    ref_month      VARCHAR(7),
    PRIMARY KEY (run_id, return_id, order_id)
) ${table_options};
CREATE INDEX ix_kpi_return_order ON kpi_return (run_id, order_id);

-- The ABC segments sum revenue of the order lines ordered in the 90 days up to as_of: an index on order_time keeps
-- that a range scan instead of a scan of the whole history.
CREATE INDEX ix_order_line_order_time ON order_line (order_time);
