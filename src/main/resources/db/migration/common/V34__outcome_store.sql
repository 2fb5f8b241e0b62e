-- The incremental nightly (docs/kpi-engine.md "What a night recomputes"): the outcome store keeps one outcome per
-- order between runs, under the reserved run id 0 of order_outcome / kpi_return (no kpi_run row has id 0), and only
-- orders whose rows changed, or whose outcome depends on time passing, are rebuilt.

-- The store's state: what its outcomes and the figures of its last run were computed from. One row (store_id 1).
CREATE TABLE kpi_store (
    store_id        INT           NOT NULL PRIMARY KEY,
    zone_id         VARCHAR(64)   NOT NULL,
    fingerprint     VARCHAR(4000) NOT NULL,
    as_of           DATETIME(6)   NOT NULL,
    report_date     DATE          NOT NULL,
    file_watermark  BIGINT        NOT NULL,
    last_run_id     BIGINT        NOT NULL,
    updated_at      DATETIME(6)   NOT NULL
) ${table_options};

-- The local day of every survey response and ticket the store has seen: when a re-exported row moves one to another
-- day, the day it left is recomputed too.
CREATE TABLE kpi_store_survey (
    response_id VARCHAR(100) NOT NULL PRIMARY KEY,
    resp_day    VARCHAR(10)  NOT NULL
) ${table_options};

CREATE TABLE kpi_store_ticket (
    ticket_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    opened_day   VARCHAR(10)  NOT NULL,
    resolved_day VARCHAR(10)
) ${table_options};

-- The local days whose figures a run found changed (before and after its rebuilt outcomes); kept until a later run
-- completes the store, so that a run that died half-way is covered by the next one.
CREATE TABLE kpi_dirty_day (
    run_id    BIGINT      NOT NULL,
    day_label VARCHAR(10) NOT NULL,
    PRIMARY KEY (run_id, day_label)
) ${table_options};

-- kpi_run.run_mode: FULL (every candidate built for the run), INCREMENTAL (the store updated with what changed, the
-- run's figures from it) or REBUILD (the store built again from scratch, e.g. the first nightly or after a settings change);
-- outcomes_rebuilt: how many order outcomes the run built.
ALTER TABLE kpi_run ADD COLUMN run_mode VARCHAR(16);
ALTER TABLE kpi_run ADD COLUMN outcomes_rebuilt BIGINT;
-- the highest ingest_file id when the run was prepared: the rows it saw (INCREMENTAL and REBUILD runs)
ALTER TABLE kpi_run ADD COLUMN file_watermark BIGINT;

-- The store is read by day: the orders of the days a night recomputes.
CREATE INDEX ix_order_outcome_due_day ON order_outcome (run_id, due_day);
CREATE INDEX ix_order_outcome_del_day ON order_outcome (run_id, del_day);
CREATE INDEX ix_kpi_return_req_day ON kpi_return (run_id, req_day);
CREATE INDEX ix_kpi_return_ref_day ON kpi_return (run_id, ref_day);

-- The rows a load wrote carry its file id: a night finds what changed since the store's watermark through these.
CREATE INDEX ix_order_line_src_file ON order_line (src_file_id);
CREATE INDEX ix_shipment_line_src_file ON shipment_line (src_file_id);
CREATE INDEX ix_return_line_src_file ON return_line (src_file_id);
CREATE INDEX ix_survey_response_src_file ON survey_response (src_file_id);
CREATE INDEX ix_service_ticket_src_file ON service_ticket (src_file_id);

-- The ABC segments of a nightly run without scanning 90 days of order lines (kpis.md section 6): the revenue of every
-- priced OK line ordered from the segment window's first day on (kpi_line_revenue, to take a re-exported line's old
-- value back), summed per customer and local day (kpi_customer_day), and per customer over the window of the store's
-- as_of (kpi_customer_window: the 90 local days ending on as_of's date). A night adds the lines loaded since the last
-- run and moves the window by the days it gained and lost.
CREATE TABLE kpi_line_revenue (
    order_id    VARCHAR(100)  NOT NULL,
    line_no     INT           NOT NULL,
    customer_id VARCHAR(100)  NOT NULL,
    day_label   VARCHAR(10)   NOT NULL,
    revenue     DECIMAL(30,4) NOT NULL,
    PRIMARY KEY (order_id, line_no)
) ${table_options};
CREATE INDEX ix_kpi_line_revenue_day ON kpi_line_revenue (day_label);

CREATE TABLE kpi_customer_day (
    customer_id VARCHAR(100)  NOT NULL,
    day_label   VARCHAR(10)   NOT NULL,
    revenue     DECIMAL(30,4) NOT NULL,
    PRIMARY KEY (customer_id, day_label)
) ${table_options};
CREATE INDEX ix_kpi_customer_day_day ON kpi_customer_day (day_label);

CREATE TABLE kpi_customer_window (
    customer_id VARCHAR(100)  NOT NULL PRIMARY KEY,
    revenue     DECIMAL(30,4) NOT NULL
) ${table_options};
