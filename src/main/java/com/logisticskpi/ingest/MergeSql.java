package com.logisticskpi.ingest;

import java.util.stream.Collectors;

/**
 * The set-based SQL that merges one staged file into a stored export table (plain SQL that H2 in MySQL mode and
 * MySQL/MariaDB both run). Statements are built once per kind from the {@link ExportKind} column lists, which are
 * code constants; every value is a bound parameter. Parameters are noted on each statement.
 *
 * <p>"Winner" rows of a file are its last row per natural key (highest src_line). A winner replaces a stored row
 * of the same key only when the stored src_order is not greater than the file's; otherwise it is not applied.
 */
final class MergeSql {

    /** (file_id) number of staged rows. */
    final String countStaged;
    /** (file_id) number of winners (distinct keys in the file). */
    final String countWinners;
    /**
     * (src_order, file_id) delete stored rows that a winner of this file replaces. H2 runs this as a scan of the
     * whole stored table per file (quadratic over a history). A redundant "first key IN (the file's keys)" made H2
     * use the primary key, but failed on H2 2.4.240 with an internal ArrayIndexOutOfBoundsException on the 30th
     * shipments file of the 30x10000 benchmark set (bench/README.md), so it is not used.
     */
    final String deleteReplaced;
    /** (file_id) insert the winners whose key is not stored (anymore). */
    final String insertWinners;
    /** (file_id) delete the file's staging rows. */
    final String deleteStaging;
    /** (file_id) loaded rows of the file whose order (line) is unknown; null for kinds without orphans. */
    final String countOrphans;

    // surveys only
    /** (src_order, file_id) delete the answers of responses this file replaces. */
    static final String DELETE_REPLACED_ANSWERS = """
            DELETE FROM survey_answer WHERE EXISTS (
              SELECT 1 FROM survey_response r
              WHERE r.response_id = survey_answer.response_id AND r.src_order <= ?
                AND EXISTS (SELECT 1 FROM stg_survey_response s WHERE s.file_id = ? AND s.response_id = r.response_id))""";
    /** (file_id) insert the answers of the responses this file just loaded (found through src_file_id/src_line). */
    static final String INSERT_ANSWERS = """
            INSERT INTO survey_answer (response_id, item, score)
            SELECT a.response_id, a.item, a.score
            FROM stg_survey_answer a
            JOIN survey_response r ON r.response_id = a.response_id AND r.src_file_id = a.file_id AND r.src_line = a.src_line
            WHERE a.file_id = ?""";
    /** (file_id) delete the file's staged answers. */
    static final String DELETE_STAGED_ANSWERS = "DELETE FROM stg_survey_answer WHERE file_id = ?";

    // The rows this file loaded are the stored rows with src_file_id = the file; each is found from its staging row
    // (same key, same src_line) through the primary key, instead of scanning the stored table (no src_file_id index).
    static final String ORPHAN_SHIPMENTS = """
            SELECT COUNT(*) FROM stg_shipment_line g
            JOIN shipment_line s ON s.shipment_id = g.shipment_id AND s.order_id = g.order_id AND s.line_no = g.line_no
                                AND s.src_file_id = g.file_id AND s.src_line = g.src_line
            WHERE g.file_id = ?
              AND NOT EXISTS (SELECT 1 FROM order_line o WHERE o.order_id = s.order_id AND o.line_no = s.line_no)""";
    /** A return for line 0 (the whole order) needs any line of its order. */
    static final String ORPHAN_RETURNS = """
            SELECT COUNT(*) FROM stg_return_line g
            JOIN return_line r ON r.return_id = g.return_id AND r.line_no = g.line_no
                              AND r.src_file_id = g.file_id AND r.src_line = g.src_line
            WHERE g.file_id = ?
              AND NOT EXISTS (SELECT 1 FROM order_line o WHERE o.order_id = r.order_id AND (r.line_no = 0 OR o.line_no = r.line_no))""";

    MergeSql(ExportKind kind) {
        String stg = kind.stagingTable();
        String table = kind.table();
        String cols = kind.columns().stream().map(ExportKind.StoredColumn::name).collect(Collectors.joining(", "));
        String stagedCols = kind.columns().stream().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
        String lastInFile = "NOT EXISTS (SELECT 1 FROM " + stg + " d WHERE d.file_id = s.file_id AND "
                + keyEquals("d", "s", kind) + " AND d.src_line > s.src_line)";
        this.countStaged = "SELECT COUNT(*) FROM " + stg + " WHERE file_id = ?";
        this.countWinners = "SELECT COUNT(*) FROM " + stg + " s WHERE s.file_id = ? AND " + lastInFile;
        this.deleteReplaced = "DELETE FROM " + table + " WHERE src_order <= ? AND EXISTS (SELECT 1 FROM " + stg
                + " s WHERE s.file_id = ? AND " + keyEquals("s", table, kind) + ")";
        this.insertWinners = "INSERT INTO " + table + " (" + cols + ", src_order, src_file_id, src_line)"
                + " SELECT " + stagedCols + ", f.file_order, s.file_id, s.src_line"
                + " FROM " + stg + " s JOIN ingest_file f ON f.file_id = s.file_id"
                + " WHERE s.file_id = ? AND " + lastInFile
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " t WHERE " + keyEquals("t", "s", kind) + ")";
        this.deleteStaging = "DELETE FROM " + stg + " WHERE file_id = ?";
        this.countOrphans = switch (kind) {
            case SHIPMENTS -> ORPHAN_SHIPMENTS;
            case RETURNS -> ORPHAN_RETURNS;
            default -> null;
        };
    }

    private static String keyEquals(String a, String b, ExportKind kind) {
        return kind.keyColumns().stream().map(k -> a + "." + k + " = " + b + "." + k)
                .collect(Collectors.joining(" AND "));
    }
}
