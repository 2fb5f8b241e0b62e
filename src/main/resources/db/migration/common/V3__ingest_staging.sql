-- Staging tables of the ingest: the parsed rows of one file (file_id = ingest_file.file_id, src_line = the
-- physical line where the record starts). A file is staged first, then merged into the stored export tables
-- in one transaction, then its staging rows are deleted. The stored tables never see a half-loaded file.
-- The primary key (file_id, natural key, src_line) is the only index: it serves "last row of the file per key"
-- (a range probe) and the clean-up by file_id, and keeps the staging insert cheap.

CREATE TABLE stg_order_line (
    file_id            BIGINT        NOT NULL,
    src_line           BIGINT        NOT NULL,
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
    PRIMARY KEY (file_id, order_id, line_no, src_line)
) ${table_options};

CREATE TABLE stg_shipment_line (
    file_id        BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL,
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
    PRIMARY KEY (file_id, shipment_id, order_id, line_no, src_line)
) ${table_options};

CREATE TABLE stg_return_line (
    file_id        BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL,
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
    PRIMARY KEY (file_id, return_id, line_no, src_line)
) ${table_options};

CREATE TABLE stg_survey_response (
    file_id        BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL,
    response_id    VARCHAR(100)  NOT NULL,
    order_id       VARCHAR(100),
    customer_id    VARCHAR(100),
    response_time  DATETIME(6)   NOT NULL,
    q_overall      INT,
    q_recommend    INT,
    comment_text   VARCHAR(4000),
    PRIMARY KEY (file_id, response_id, src_line)
) ${table_options};

CREATE TABLE stg_survey_answer (
    file_id     BIGINT       NOT NULL,
    src_line    BIGINT       NOT NULL,
    response_id VARCHAR(100) NOT NULL,
    item        VARCHAR(64)  NOT NULL,
    score       INT          NOT NULL,
    PRIMARY KEY (file_id, src_line, item)
) ${table_options};
