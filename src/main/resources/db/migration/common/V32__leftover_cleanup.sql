-- What the next writing command cleaned up after a process that died (docs/operations.md "Left-over runs"): an
-- ingest_file row left RUNNING by a killed load, a kpi_run left RUNNING that no restartable execution can resume.
-- ./kpi history shows each row under the execution that left the item.
CREATE TABLE leftover_cleanup (
    cleanup_id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    cleaned_at       DATETIME(6)   NOT NULL,
    cleaned_by       VARCHAR(200)  NOT NULL,
    job_execution_id BIGINT,
    item             VARCHAR(16)   NOT NULL,
    item_id          BIGINT        NOT NULL,
    detail           VARCHAR(1000) NOT NULL
) ${table_options};
CREATE INDEX ix_leftover_cleanup_job ON leftover_cleanup (job_execution_id);
