package com.logisticskpi.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The undo log of a big file's load (V33__ingest_undo.sql). A file of more rows than {@code kpi.ingest.commit-rows} is
 * written in chunks that each commit ({@link StoredRowWriter}); before a chunk replaces a stored row that another file
 * wrote, it copies the row's full content (with src_order, src_file_id, src_line, and a survey response's answers)
 * into {@code ingest_undo_<table>} under the loading file's id, and every row the load writes carries
 * {@code src_file_id} = the file. {@link #undo} takes such a load back: it deletes the file's rows, then puts the copies
 * back, so every stored row is exactly as before the load (same content, same src_file_id). It works in chunks of
 * {@value #CHUNK} rows that each commit, and is idempotent: when it is itself interrupted, running it again finishes
 * the job (a restored row never carries the file's id, so the first stage never deletes it).
 *
 * <p>Call it only while no other load of the kind runs (the kind's merge lock, or the writer lock for left-overs).
 */
final class FileUndo {

    /** Rows per committed undo chunk. */
    static final int CHUNK = 20_000;

    static final String ANSWERS_TABLE = "ingest_undo_survey_answer";

    private FileUndo() {
    }

    /** The undo table of a kind's stored table. */
    static String undoTable(ExportKind kind) {
        return "ingest_undo_" + kind.table();
    }

    private static String columns(ExportKind kind) {
        return kind.columns().stream().map(ExportKind.StoredColumn::name).collect(Collectors.joining(", "))
                + ", src_order, src_file_id, src_line";
    }

    private static String keyMatch(ExportKind kind) {
        return kind.keyColumns().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
    }

    /** (file id, key values): copies the stored row of the key into the undo table. */
    static String saveSql(ExportKind kind) {
        return "INSERT INTO " + undoTable(kind) + " (undo_file_id, " + columns(kind) + ") SELECT ?, " + columns(kind)
                + " FROM " + kind.table() + " WHERE " + keyMatch(kind);
    }

    /** (file id, response_id): copies a survey response's stored answers. */
    static final String SAVE_ANSWERS = "INSERT INTO " + ANSWERS_TABLE + " (undo_file_id, response_id, item, score)"
            + " SELECT ?, response_id, item, score FROM survey_answer WHERE response_id = ?";

    /** Deletes the copies of a load that completed (in the transaction that marks it LOADED). */
    static void discard(Connection c, ExportKind kind, long fileId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + undoTable(kind) + " WHERE undo_file_id = ?")) {
            ps.setLong(1, fileId);
            ps.executeUpdate();
        }
        if (kind == ExportKind.SURVEYS) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ANSWERS_TABLE + " WHERE undo_file_id = ?")) {
                ps.setLong(1, fileId);
                ps.executeUpdate();
            }
        }
    }

    /** What an undo did. */
    record Result(long deleted, long restored) {
        boolean any() {
            return deleted > 0 || restored > 0;
        }
    }

    /** Takes back the load of file {@code fileId} on a connection of its own (committing chunk by chunk). */
    static Result undo(DataSource dataSource, ExportKind kind, long fileId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return undo(c, kind, fileId);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static Result undo(Connection c, ExportKind kind, long fileId) throws SQLException {
        String keys = String.join(", ", kind.keyColumns());
        boolean surveys = kind == ExportKind.SURVEYS;
        long deleted = 0;
        // 1. the rows the load wrote (inserted, or replaced: a replaced row now carries the file's id too)
        try (PreparedStatement own = c.prepareStatement("SELECT " + keys + " FROM " + kind.table()
                + " WHERE src_file_id = ? LIMIT " + CHUNK);
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + kind.table() + " WHERE " + keyMatch(kind));
             PreparedStatement deleteAnswers = surveys ? c.prepareStatement(StoredRowWriter.DELETE_ANSWERS) : null) {
            own.setLong(1, fileId);
            for (List<Object[]> batch = keys(own, kind); !batch.isEmpty(); batch = keys(own, kind)) {
                for (Object[] key : batch) {
                    if (deleteAnswers != null) {
                        deleteAnswers.setString(1, (String) key[0]);
                        deleteAnswers.addBatch();
                    }
                    bindKey(delete, 1, kind, key);
                    delete.addBatch();
                }
                if (deleteAnswers != null) {
                    deleteAnswers.executeBatch();
                }
                delete.executeBatch();
                c.commit();
                deleted += batch.size();
            }
        }
        // 2. the rows it replaced, as they were
        long restored = 0;
        String undo = undoTable(kind);
        try (PreparedStatement saved = c.prepareStatement("SELECT " + keys + " FROM " + undo
                + " WHERE undo_file_id = ? LIMIT " + CHUNK);
             PreparedStatement restore = c.prepareStatement("INSERT INTO " + kind.table() + " (" + columns(kind)
                     + ") SELECT " + columns(kind) + " FROM " + undo + " WHERE undo_file_id = ? AND " + keyMatch(kind));
             PreparedStatement forget = c.prepareStatement("DELETE FROM " + undo + " WHERE undo_file_id = ? AND "
                     + keyMatch(kind));
             PreparedStatement restoreAnswers = surveys ? c.prepareStatement("INSERT INTO survey_answer (response_id,"
                     + " item, score) SELECT response_id, item, score FROM " + ANSWERS_TABLE
                     + " WHERE undo_file_id = ? AND response_id = ?") : null;
             PreparedStatement forgetAnswers = surveys ? c.prepareStatement("DELETE FROM " + ANSWERS_TABLE
                     + " WHERE undo_file_id = ? AND response_id = ?") : null) {
            saved.setLong(1, fileId);
            for (List<Object[]> batch = keys(saved, kind); !batch.isEmpty(); batch = keys(saved, kind)) {
                for (Object[] key : batch) {
                    restore.setLong(1, fileId);
                    bindKey(restore, 2, kind, key);
                    restore.addBatch();
                    forget.setLong(1, fileId);
                    bindKey(forget, 2, kind, key);
                    forget.addBatch();
                    if (restoreAnswers != null) {
                        restoreAnswers.setLong(1, fileId);
                        restoreAnswers.setString(2, (String) key[0]);
                        restoreAnswers.addBatch();
                        forgetAnswers.setLong(1, fileId);
                        forgetAnswers.setString(2, (String) key[0]);
                        forgetAnswers.addBatch();
                    }
                }
                restore.executeBatch();
                if (restoreAnswers != null) {
                    restoreAnswers.executeBatch();
                    forgetAnswers.executeBatch();
                }
                forget.executeBatch();
                c.commit();
                restored += batch.size();
            }
        }
        discard(c, kind, fileId); // nothing should be left; answers copies of a response that had none
        c.commit();
        return new Result(deleted, restored);
    }

    private static List<Object[]> keys(PreparedStatement select, ExportKind kind) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        int n = kind.keyColumns().size();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Object[] key = new Object[n];
                for (int i = 0; i < n; i++) {
                    key[i] = keyType(kind, i) == java.sql.Types.INTEGER ? (Object) rs.getInt(i + 1) : rs.getString(i + 1);
                }
                out.add(key);
            }
        }
        return out;
    }

    private static int keyType(ExportKind kind, int i) {
        String name = kind.keyColumns().get(i);
        return kind.columns().stream().filter(col -> col.name().equals(name)).findFirst().orElseThrow().sqlType();
    }

    private static void bindKey(PreparedStatement ps, int first, ExportKind kind, Object[] key) throws SQLException {
        for (int i = 0; i < key.length; i++) {
            StoredRowWriter.bind(ps, first + i, keyType(kind, i), key[i]);
        }
    }
}
