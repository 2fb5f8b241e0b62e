package com.logisticskpi.bench;

import java.util.List;

/**
 * The DuckDB store spike's tables: the product's stored exports (db/migration/common/V2__exports.sql) with DuckDB
 * types, each with a staging twin {@code stg_<table>} (no key) that one file is appended to before its merge. With
 * {@code keys} the stored tables keep their primary key (DuckDB builds an ART index for it, which INSERT OR REPLACE
 * needs); without, they are plain append-only column tables and a reader takes the latest row per key.
 */
final class DuckDbStoreSchema {

    /** One stored export table: its name, its columns (DDL) and its natural key. */
    record Table(String name, String columns, List<String> key) {

        String ddl(boolean withKey) {
            return "CREATE TABLE " + name + " (" + columns
                    + (withKey ? ", PRIMARY KEY (" + String.join(", ", key) + ")" : "") + ")";
        }

        String stagingDdl() {
            return "CREATE TABLE stg_" + name + " (" + columns + ")";
        }

        /** Latest row per key of the staged file into the stored table (same transaction as the staging). */
        String merge(boolean withKey) {
            return "INSERT " + (withKey ? "OR REPLACE " : "") + "INTO " + name + " SELECT * FROM stg_" + name
                    + " QUALIFY row_number() OVER (PARTITION BY " + String.join(", ", key) + " ORDER BY src_line DESC) = 1";
        }
    }

    private static final String SRC = ", src_order VARCHAR NOT NULL, src_file_id BIGINT NOT NULL, src_line BIGINT NOT NULL";

    static final Table ORDER_LINE = new Table("order_line", """
            order_id VARCHAR NOT NULL, line_no INTEGER NOT NULL, customer_id VARCHAR NOT NULL,
            order_time TIMESTAMP NOT NULL, promised_time TIMESTAMP NOT NULL, promised_date_only BOOLEAN NOT NULL,
            sku VARCHAR NOT NULL, category VARCHAR, quantity INTEGER NOT NULL, unit_price DECIMAL(19,4),
            warehouse_id VARCHAR, region VARCHAR, channel VARCHAR, status VARCHAR NOT NULL""" + SRC,
            List.of("order_id", "line_no"));

    static final Table SHIPMENT_LINE = new Table("shipment_line", """
            shipment_id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, line_no INTEGER NOT NULL, sku VARCHAR NOT NULL,
            quantity INTEGER NOT NULL, warehouse_id VARCHAR, carrier VARCHAR NOT NULL, ship_time TIMESTAMP NOT NULL,
            delivered_time TIMESTAMP, status VARCHAR NOT NULL, damaged BOOLEAN NOT NULL,
            documents_ok BOOLEAN NOT NULL""" + SRC,
            List.of("shipment_id", "order_id", "line_no"));

    static final Table RETURN_LINE = new Table("return_line", """
            return_id VARCHAR NOT NULL, line_no INTEGER NOT NULL, order_id VARCHAR NOT NULL, sku VARCHAR,
            quantity INTEGER, requested_time TIMESTAMP NOT NULL, received_time TIMESTAMP, refunded_time TIMESTAMP,
            reason_code VARCHAR NOT NULL, comment_text VARCHAR""" + SRC,
            List.of("return_id", "line_no"));

    static final Table SURVEY_RESPONSE = new Table("survey_response", """
            response_id VARCHAR NOT NULL, order_id VARCHAR, customer_id VARCHAR, response_time TIMESTAMP NOT NULL,
            q_overall INTEGER, q_recommend INTEGER, comment_text VARCHAR""" + SRC,
            List.of("response_id"));

    static final List<Table> ALL = List.of(ORDER_LINE, SHIPMENT_LINE, RETURN_LINE, SURVEY_RESPONSE);

    /** {@link OnTimeAndCycleSql}'s two views over the stored tables (UTC TIMESTAMPs become TIMESTAMPTZ). */
    static String views(boolean withKey) {
        String orders = withKey ? "order_line" : "(SELECT * FROM order_line QUALIFY row_number() OVER "
                + "(PARTITION BY order_id, line_no ORDER BY src_order DESC, src_line DESC) = 1)";
        String shipments = withKey ? "shipment_line" : "(SELECT * FROM shipment_line QUALIFY row_number() OVER "
                + "(PARTITION BY shipment_id, order_id, line_no ORDER BY src_order DESC, src_line DESC) = 1)";
        return "CREATE OR REPLACE TEMP VIEW v_order_line AS SELECT order_id, line_no, timezone('UTC', order_time) AS"
                + " order_time, timezone('UTC', promised_time) AS promised_time, quantity FROM " + orders
                + " WHERE status = 'OK';\n"
                + "CREATE OR REPLACE TEMP VIEW v_delivered AS SELECT order_id, line_no, quantity,"
                + " timezone('UTC', delivered_time) AS delivered_time FROM " + shipments
                + " WHERE status = 'DELIVERED' AND delivered_time IS NOT NULL;";
    }

    private DuckDbStoreSchema() {
    }
}
