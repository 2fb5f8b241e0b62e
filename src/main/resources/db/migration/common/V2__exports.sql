-- Stored exports (snapshot semantics, one row per natural key) and the ingest bookkeeping.
-- Every DATETIME(6) column holds a UTC instant (bound as a UTC LocalDateTime by the code);
-- local business dates are derived in Java with the configured zone, never by the database.
-- ${table_options} is '' on H2 and the InnoDB/utf8mb4 clause on MySQL/MariaDB.

CREATE TABLE ingest_file (
    file_id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_execution_id BIGINT,
    kind             VARCHAR(16)   NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    file_order       VARCHAR(300)  NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    rows_read        BIGINT        NOT NULL DEFAULT 0,
    rows_loaded      BIGINT        NOT NULL DEFAULT 0,
    rows_superseded  BIGINT        NOT NULL DEFAULT 0,
    rows_rejected    BIGINT        NOT NULL DEFAULT 0,
    orphans          BIGINT        NOT NULL DEFAULT 0,
    message          VARCHAR(2000),
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)
) ${table_options};
CREATE INDEX ix_ingest_file_name ON ingest_file (file_name, sha256);
CREATE INDEX ix_ingest_file_job ON ingest_file (job_execution_id);

CREATE TABLE ingest_reject_count (
    file_id  BIGINT       NOT NULL,
    reason   VARCHAR(64)  NOT NULL,
    row_count BIGINT      NOT NULL,
    PRIMARY KEY (file_id, reason)
) ${table_options};

CREATE TABLE order_line (
    order_id           VARCHAR(100)  NOT NULL,
    line_no            INT           NOT NULL,
    customer_id        VARCHAR(100)  NOT NULL,
    order_time         DATETIME(6)   NOT NULL,
    promised_time      DATETIME(6)   NOT NULL,
    promised_date_only BOOLEAN       NOT NULL,
    sku                VARCHAR(100)  NOT NULL,
    category           VARCHAR(200),
    quantity           INT           NOT NULL,
    unit_price         DECIMAL(19,4),
    warehouse_id       VARCHAR(100),
    region             VARCHAR(200),
    channel            VARCHAR(100),
    status             VARCHAR(16)   NOT NULL,
    src_order          VARCHAR(300)  NOT NULL,
    src_file_id        BIGINT        NOT NULL,
    src_line           BIGINT        NOT NULL,
    PRIMARY KEY (order_id, line_no)
) ${table_options};
CREATE INDEX ix_order_line_promised ON order_line (promised_time);
CREATE INDEX ix_order_line_customer ON order_line (customer_id, order_time);

CREATE TABLE shipment_line (
    shipment_id    VARCHAR(100)  NOT NULL,
    order_id       VARCHAR(100)  NOT NULL,
    line_no        INT           NOT NULL,
    sku            VARCHAR(100)  NOT NULL,
    quantity       INT           NOT NULL,
    warehouse_id   VARCHAR(100),
    carrier        VARCHAR(100)  NOT NULL,
    ship_time      DATETIME(6)   NOT NULL,
    delivered_time DATETIME(6),
    status         VARCHAR(16)   NOT NULL,
    damaged        BOOLEAN       NOT NULL,
    documents_ok   BOOLEAN       NOT NULL,
    src_order      VARCHAR(300)  NOT NULL,
    src_file_id    BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL,
    PRIMARY KEY (shipment_id, order_id, line_no)
) ${table_options};
CREATE INDEX ix_shipment_order ON shipment_line (order_id, line_no);
CREATE INDEX ix_shipment_delivered ON shipment_line (delivered_time);

-- line_no 0 = the return is for the whole order (empty line_no in the export).
CREATE TABLE return_line (
    return_id      VARCHAR(100)  NOT NULL,
    line_no        INT           NOT NULL,
    order_id       VARCHAR(100)  NOT NULL,
    sku            VARCHAR(100),
    quantity       INT,
    requested_time DATETIME(6)   NOT NULL,
    received_time  DATETIME(6),
    refunded_time  DATETIME(6),
    reason_code    VARCHAR(32)   NOT NULL,
    comment_text   VARCHAR(4000),
    src_order      VARCHAR(300)  NOT NULL,
    src_file_id    BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL,
    PRIMARY KEY (return_id, line_no)
) ${table_options};
CREATE INDEX ix_return_order ON return_line (order_id);
CREATE INDEX ix_return_requested ON return_line (requested_time);
CREATE INDEX ix_return_refunded ON return_line (refunded_time);

CREATE TABLE survey_response (
    response_id    VARCHAR(100)  NOT NULL PRIMARY KEY,
    order_id       VARCHAR(100),
    customer_id    VARCHAR(100),
    response_time  DATETIME(6)   NOT NULL,
    q_overall      INT,
    q_recommend    INT,
    comment_text   VARCHAR(4000),
    src_order      VARCHAR(300)  NOT NULL,
    src_file_id    BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL
) ${table_options};
CREATE INDEX ix_survey_time ON survey_response (response_time);
CREATE INDEX ix_survey_order ON survey_response (order_id);

-- One row per answered dimension item (q_timeliness, ...); the item -> dimension mapping is configuration.
CREATE TABLE survey_answer (
    response_id VARCHAR(100) NOT NULL,
    item        VARCHAR(64)  NOT NULL,
    score       INT          NOT NULL,
    PRIMARY KEY (response_id, item)
) ${table_options};
