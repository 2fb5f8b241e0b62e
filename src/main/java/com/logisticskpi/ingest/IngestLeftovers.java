package com.logisticskpi.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.Leftover;
import com.logisticskpi.base.db.DbTime;

/**
 * Recovers the ingest_file rows a killed load left RUNNING. A file of up to {@code kpi.ingest.commit-rows} lines loads
 * in one transaction, so the process that died took its rows with it (rolled back); a bigger file commits chunk by
 * chunk, so its committed rows are taken back here from the undo log ({@link FileUndo}): the rows it inserted deleted,
 * the rows it replaced restored exactly. Then the row is marked {@link FileStatus#INTERRUPTED} and the file is loaded
 * again by the next ingest (only LOADED files count as already loaded). Call it only while holding the writer lock:
 * then no other process is loading a file.
 */
@Component
public class IngestLeftovers {

    static final String MESSAGE = "the process ended during the load; nothing of it was stored";

    private final JdbcTemplate jdbc;
    private final BigLoadCompaction compaction;

    public IngestLeftovers(JdbcTemplate jdbc, BigLoadCompaction compaction) {
        this.jdbc = jdbc;
        this.compaction = compaction;
    }

    /** Takes back and marks every RUNNING ingest_file row INTERRUPTED, and returns them. */
    public List<Leftover> recover(Instant now) {
        record Running(long fileId, Long execution, String name, String kind) {
        }
        List<Running> running = jdbc.query("SELECT file_id, job_execution_id, file_name, kind FROM ingest_file"
                + " WHERE status = ? ORDER BY file_id", (rs, i) -> {
                    long executionId = rs.getLong(2);
                    return new Running(rs.getLong(1), rs.wasNull() ? null : executionId, rs.getString(3),
                            rs.getString(4));
                }, FileStatus.RUNNING);
        List<Leftover> recovered = new ArrayList<>();
        for (Running r : running) {
            FileUndo.Result undone;
            try {
                undone = FileUndo.undo(jdbc.getDataSource(), ExportKind.fromLabel(r.kind()), r.fileId());
            } catch (SQLException e) {
                throw new IngestException("file " + r.name() + " (left RUNNING): taking back its committed rows failed: "
                        + e.getMessage(), e);
            }
            if (undone.any()) {
                compaction.request();
            }
            String message = undone.any()
                    ? "the process ended during the load; its " + undone.deleted() + " committed rows were taken back ("
                            + undone.restored() + " replaced rows restored)"
                    : MESSAGE;
            if (jdbc.update("UPDATE ingest_file SET status = ?, message = ?, finished_at = ? WHERE file_id = ?"
                    + " AND status = ?", FileStatus.INTERRUPTED, message, DbTime.literal(now), r.fileId(),
                    FileStatus.RUNNING) == 1) {
                recovered.add(new Leftover("ingest_file", r.fileId(), r.execution(), "file " + r.name()
                        + " left RUNNING, now " + FileStatus.INTERRUPTED + ": " + message
                        + " (the next ingest loads it again)"));
            }
        }
        return recovered;
    }
}
