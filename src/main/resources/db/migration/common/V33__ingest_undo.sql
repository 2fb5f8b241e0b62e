-- The undo log of a big file's load (docs/operations.md "Sizing", FileUndo). A file of more rows than
-- kpi.ingest.commit-rows is written in chunks that each commit; before a chunk replaces a stored row that another file
-- wrote, it copies that row here in full (src_order, src_file_id and src_line included), keyed by the loading file
-- (undo_file_id = ingest_file.file_id). The rows the load inserted carry src_file_id = the file. A failed or killed
-- load is taken back from this: its rows deleted, the copies put back. The transaction that marks the file LOADED
-- deletes its copies, so the tables are empty between loads. Same columns as the stored tables, no other index.

CREATE TABLE ingest_undo_order_line (
    undo_file_id       BIGINT        NOT NULL,
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
    PRIMARY KEY (undo_file_id, order_id, line_no)
) ${table_options};

CREATE TABLE ingest_undo_shipment_line (
    undo_file_id   BIGINT        NOT NULL,
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
    PRIMARY KEY (undo_file_id, shipment_id, order_id, line_no)
) ${table_options};

CREATE TABLE ingest_undo_return_line (
    undo_file_id   BIGINT        NOT NULL,
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
    PRIMARY KEY (undo_file_id, return_id, line_no)
) ${table_options};

CREATE TABLE ingest_undo_survey_response (
    undo_file_id   BIGINT        NOT NULL,
    response_id    VARCHAR(100)  NOT NULL,
    order_id       VARCHAR(100),
    customer_id    VARCHAR(100),
    response_time  DATETIME(6)   NOT NULL,
    q_overall      INT,
    q_recommend    INT,
    comment_text   VARCHAR(4000),
    src_order      VARCHAR(300)  NOT NULL,
    src_file_id    BIGINT        NOT NULL,
    src_line       BIGINT        NOT NULL,
    PRIMARY KEY (undo_file_id, response_id)
) ${table_options};

-- the answers a replaced survey response had (the load deletes them and writes the file's own)
CREATE TABLE ingest_undo_survey_answer (
    undo_file_id BIGINT       NOT NULL,
    response_id  VARCHAR(100) NOT NULL,
    item         VARCHAR(64)  NOT NULL,
    score        INT          NOT NULL,
    PRIMARY KEY (undo_file_id, response_id, item)
) ${table_options};

CREATE TABLE ingest_undo_service_ticket (
    undo_file_id        BIGINT        NOT NULL,
    ticket_id           VARCHAR(100)  NOT NULL,
    order_id            VARCHAR(100),
    customer_id         VARCHAR(100),
    opened_time         DATETIME(6)   NOT NULL,
    ticket_type         VARCHAR(16)   NOT NULL,
    category            VARCHAR(32),
    contact_channel     VARCHAR(100),
    first_response_time DATETIME(6),
    resolved_time       DATETIME(6),
    reopened            BOOLEAN       NOT NULL,
    comment_text        VARCHAR(4000),
    first_response_us   BIGINT,
    resolution_us       BIGINT,
    src_order           VARCHAR(300)  NOT NULL,
    src_file_id         BIGINT        NOT NULL,
    src_line            BIGINT        NOT NULL,
    PRIMARY KEY (undo_file_id, ticket_id)
) ${table_options};
