package com.logisticskpi.ingest;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import com.logisticskpi.base.db.DbTime;

/** The ingest bookkeeping tables ingest_file and ingest_reject_count. */
final class IngestFileStore {

    static final String FIND_LOADED =
            "SELECT COUNT(*) FROM ingest_file WHERE file_name = ? AND sha256 = ? AND status = 'LOADED'";
    static final String INSERT_FILE = """
            INSERT INTO ingest_file (job_execution_id, kind, file_name, file_order, sha256, size_bytes, status,
                                     message, started_at, finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String FINISH_FILE = """
            UPDATE ingest_file SET status = ?, rows_read = ?, rows_loaded = ?, rows_superseded = ?, rows_rejected = ?,
                                   orphans = ?, message = ?, finished_at = ?
            WHERE file_id = ?""";
    static final String INSERT_REJECT_COUNT = "INSERT INTO ingest_reject_count (file_id, reason, row_count) VALUES (?, ?, ?)";
    static final int MESSAGE_LENGTH = 2000;

    private final JdbcTemplate jdbc;

    IngestFileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean alreadyLoaded(String fileName, String sha256) {
        Long n = jdbc.queryForObject(FIND_LOADED, Long.class, fileName, sha256);
        return n != null && n > 0;
    }

    /** Inserts the file's row and returns its id. */
    long insert(Long jobExecutionId, InboxFile file, String sha256, long size, String status, String message,
                Instant startedAt, Instant finishedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT_FILE, Statement.RETURN_GENERATED_KEYS);
            if (jobExecutionId == null) {
                ps.setNull(1, java.sql.Types.BIGINT);
            } else {
                ps.setLong(1, jobExecutionId);
            }
            ps.setString(2, file.kind().label());
            ps.setString(3, file.fileName());
            ps.setString(4, file.sourceOrder());
            ps.setString(5, sha256);
            ps.setLong(6, size);
            ps.setString(7, status);
            ps.setString(8, clip(message));
            DbTime.bind(ps, 9, startedAt);
            DbTime.bind(ps, 10, finishedAt);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void finish(long fileId, String status, long read, long loaded, long superseded, long rejected, long orphans,
                String message, Instant finishedAt, Map<String, Long> rejectsByReason) {
        jdbc.update(FINISH_FILE, status, read, loaded, superseded, rejected, orphans, clip(message), DbTime.literal(finishedAt), fileId);
        jdbc.update("DELETE FROM ingest_reject_count WHERE file_id = ?", fileId);
        for (Map.Entry<String, Long> e : rejectsByReason.entrySet()) {
            jdbc.update(INSERT_REJECT_COUNT, fileId, e.getKey(), e.getValue());
        }
    }

    static String clip(String message) {
        if (message == null || message.length() <= MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MESSAGE_LENGTH - 3) + "...";
    }
}
