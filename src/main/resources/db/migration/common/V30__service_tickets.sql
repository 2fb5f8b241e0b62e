-- The optional tickets export (exports.md "tickets", kpis.md section 10): one row per customer-service ticket,
-- snapshot semantics like the other stored exports (latest file wins per ticket_id). Times are UTC instants.
CREATE TABLE service_ticket (
    ticket_id           VARCHAR(100)  NOT NULL PRIMARY KEY,
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
    first_response_us   BIGINT,        -- first_response_time - opened_time in micro-seconds (computed at ingest)
    resolution_us       BIGINT,        -- resolved_time - opened_time in micro-seconds (computed at ingest)
    src_order           VARCHAR(300)  NOT NULL,
    src_file_id         BIGINT        NOT NULL,
    src_line            BIGINT        NOT NULL
) ${table_options};
-- the engine selects the contact cohort by opened_time and the resolved cohort by resolved_time
CREATE INDEX ix_ticket_opened ON service_ticket (opened_time);
CREATE INDEX ix_ticket_resolved ON service_ticket (resolved_time);
CREATE INDEX ix_ticket_order ON service_ticket (order_id);
