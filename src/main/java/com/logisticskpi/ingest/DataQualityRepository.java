package com.logisticskpi.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per-file data-quality figures (ingest_file + ingest_reject_count) for the ingest CLI and the report's Data
 * quality sheet.
 */
@Repository
public class DataQualityRepository {

    static final String SELECT_FILES = """
            SELECT file_id, kind, file_name, file_order, status, rows_read, rows_loaded, rows_superseded,
                   rows_rejected, orphans, message
            FROM ingest_file""";
    static final String BY_JOB = SELECT_FILES + " WHERE job_execution_id = ? ORDER BY file_id";
    /** file_order starts with the business date as yyyyMMdd followed by '/'. */
    static final String LOADED_FOR_DATE = SELECT_FILES
            + " WHERE status = 'LOADED' AND file_order LIKE ? ORDER BY file_order, file_id";
    /** Loaded and failed files of one business date (SKIPPED = an identical file already loaded: nothing new). */
    static final String FILES_FOR_DATE = SELECT_FILES
            + " WHERE status IN ('LOADED', 'FAILED') AND file_order LIKE ? ORDER BY file_order, file_id";
    static final String REJECTS_BY_JOB = """
            SELECT c.file_id, c.reason, c.row_count FROM ingest_reject_count c
            JOIN ingest_file f ON f.file_id = c.file_id WHERE f.job_execution_id = ?""";
    static final String REJECTS_FOR_FILES_OF_DATE = """
            SELECT c.file_id, c.reason, c.row_count FROM ingest_reject_count c
            JOIN ingest_file f ON f.file_id = c.file_id WHERE f.status IN ('LOADED', 'FAILED') AND f.file_order LIKE ?""";
    static final String REJECTS_FOR_DATE = """
            SELECT c.file_id, c.reason, c.row_count FROM ingest_reject_count c
            JOIN ingest_file f ON f.file_id = c.file_id WHERE f.status = 'LOADED' AND f.file_order LIKE ?""";

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    public DataQualityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every file a job execution handled (LOADED, FAILED or SKIPPED), in the order it handled them. */
    public List<FileResult> forJobExecution(long jobExecutionId) {
        return read(BY_JOB, REJECTS_BY_JOB, jobExecutionId);
    }

    /** The LOADED files whose name carries this business date, in snapshot order. */
    public List<FileResult> loadedForBusinessDate(LocalDate businessDate) {
        return read(LOADED_FOR_DATE, REJECTS_FOR_DATE, BASIC.format(businessDate) + "/%");
    }

    /**
     * Every file whose name carries this business date that was loaded or failed (every attempt, in snapshot order;
     * identical re-deliveries, SKIPPED, are left out): the report's Data quality sheet.
     */
    public List<FileResult> forBusinessDate(LocalDate businessDate) {
        return read(FILES_FOR_DATE, REJECTS_FOR_FILES_OF_DATE, BASIC.format(businessDate) + "/%");
    }

    private List<FileResult> read(String filesSql, String rejectsSql, Object param) {
        Map<Long, Map<String, Long>> rejects = new HashMap<>();
        jdbc.query(rejectsSql, rs -> {
            rejects.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        }, param);
        List<FileResult> out = new ArrayList<>();
        jdbc.query(filesSql, rs -> {
            out.add(row(rs, rejects.getOrDefault(rs.getLong("file_id"), Map.of())));
        }, param);
        return out;
    }

    private static FileResult row(ResultSet rs, Map<String, Long> rejects) throws SQLException {
        String order = rs.getString("file_order");
        String fileName = rs.getString("file_name");
        LocalDate date = InboxFile.dateInName(fileName);
        return new FileResult(rs.getLong("file_id"), ExportKind.fromLabel(rs.getString("kind")), fileName,
                order.startsWith("00000000/") ? null : date, rs.getString("status"), rs.getLong("rows_read"),
                rs.getLong("rows_loaded"), rs.getLong("rows_superseded"), rs.getLong("rows_rejected"),
                rs.getLong("orphans"), Map.copyOf(rejects), rs.getString("message"));
    }
}
