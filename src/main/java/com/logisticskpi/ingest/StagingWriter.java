package com.logisticskpi.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Inserts one file's parsed rows into its kind's staging table with JDBC batches of {@value #BATCH_SIZE},
 * committing after each batch (staging rows are private to the file's load: the stored tables only change in the
 * merge). Not thread-safe; one instance per file load.
 */
final class StagingWriter implements AutoCloseable {

    static final int BATCH_SIZE = 1000;
    static final String INSERT_ANSWER =
            "INSERT INTO stg_survey_answer (file_id, src_line, response_id, item, score) VALUES (?, ?, ?, ?, ?)";

    private final ExportKind kind;
    private final long fileId;
    private final Connection connection;
    private final PreparedStatement insertRow;
    private final PreparedStatement insertAnswer;
    private int pending;

    StagingWriter(DataSource dataSource, ExportKind kind, long fileId) throws SQLException {
        this.kind = kind;
        this.fileId = fileId;
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            this.insertRow = connection.prepareStatement(insertSql(kind));
            this.insertAnswer = kind == ExportKind.SURVEYS ? connection.prepareStatement(INSERT_ANSWER) : null;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    static String insertSql(ExportKind kind) {
        String cols = kind.columns().stream().map(ExportKind.StoredColumn::name).collect(Collectors.joining(", "));
        String marks = kind.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + kind.stagingTable() + " (file_id, src_line, " + cols + ") VALUES (?, ?, " + marks + ")";
    }

    void add(long line, StagedRow row) throws SQLException {
        insertRow.setLong(1, fileId);
        insertRow.setLong(2, line);
        List<ExportKind.StoredColumn> columns = kind.columns();
        for (int i = 0; i < columns.size(); i++) {
            bind(insertRow, i + 3, columns.get(i).sqlType(), row.values()[i]);
        }
        insertRow.addBatch();
        if (insertAnswer != null) {
            String responseId = (String) row.values()[0];
            for (StagedRow.SurveyAnswer a : row.answers()) {
                insertAnswer.setLong(1, fileId);
                insertAnswer.setLong(2, line);
                insertAnswer.setString(3, responseId);
                insertAnswer.setString(4, a.item());
                insertAnswer.setInt(5, a.score());
                insertAnswer.addBatch();
            }
        }
        if (++pending >= BATCH_SIZE) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        insertRow.executeBatch();
        if (insertAnswer != null) {
            insertAnswer.executeBatch();
        }
        connection.commit();
        pending = 0;
    }

    static void bind(PreparedStatement ps, int index, int sqlType, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else if (value instanceof Instant instant) {
            DbTime.bind(ps, index, instant);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else {
            ps.setObject(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            try {
                if (insertAnswer != null) {
                    insertAnswer.close();
                }
            } finally {
                insertRow.close();
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }
}
