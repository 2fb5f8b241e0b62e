package com.logisticskpi.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.logisticskpi.base.db.DbTime;

/**
 * Writes one file's parsed rows straight into the stored export table, inside the file's transaction (the caller
 * commits or rolls back; a failed file leaves the stored tables as they were). Rows are handled in chunks of at most
 * {@value #CHUNK} rows, so memory does not grow with the file:
 *
 * <ol>
 *   <li>Within a chunk the last row per natural key wins (the chunk keeps one pending row per key).</li>
 *   <li>The stored rows of the chunk's keys are read through the primary key
 *       ({@code first key column IN (?, ?, ...)}, matched on the whole key in Java), with the database's own answer
 *       to {@code src_order <= ?} (so string ordering is the database's, as before).</li>
 *   <li>A pending row whose key is not stored is INSERTed; a stored row with {@code src_order <=} the file's is
 *       replaced by an UPDATE of all its columns (that includes this file's own row from an earlier chunk: the later
 *       row of the file wins); a stored row with a greater {@code src_order} (a later file) is kept and the pending
 *       row is not applied.</li>
 * </ol>
 *
 * The counts equal those of the former set-based merge: {@code superseded = staged - loaded + replaced}, where
 * replaced counts the stored rows of other files (or an earlier version of the same file) this file replaced, and
 * orphans are counted over the rows of this file that end up stored. No statement scans a stored table.
 *
 * <p>Big files ({@code commitRows > 0}, see {@link FileLoader}): every {@code commitRows} rows the writer commits the
 * connection's transaction after a chunk, and before a chunk replaces a stored row that another file wrote it copies
 * that row (and a survey response's answers) into the undo log ({@link FileUndo#saveSql}), in the same transaction as
 * the UPDATE. A row of this file from an earlier chunk is not copied: it carries the file's id and goes with the load.
 *
 * <p>Why one class of about 500 lines: the four stages of a chunk (dedupe, look up, insert/update, count orphans) share
 * the chunk's pending rows and the prepared statements of one file's transaction; split apart they would pass that
 * state around and the counting rule above would no longer read in one place. The SQL text is built by the static
 * methods near the top.
 */
final class StoredRowWriter implements AutoCloseable {

    /** Rows per chunk; also the size of the IN lists (padded with a repeated value, so one statement per kind). */
    static final int CHUNK = 1000;

    private final ExportKind kind;
    private final long fileId;
    private final String sourceOrder;
    private final Connection connection;
    private final int keyCount;
    private final int[] keyIndexes;   // positions of the key columns in ExportKind.columns()
    private final int[] valueIndexes; // positions of the non-key columns
    private final int orderIdIndex;   // position of order_id (shipments, returns, tickets), else -1
    private final int lineNoIndex;    // position of line_no (shipments, returns), else -1

    private final PreparedStatement lookup;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement orderLines;   // shipments, returns, tickets
    private final PreparedStatement deleteAnswers; // surveys
    private final PreparedStatement insertAnswer;  // surveys
    private final PreparedStatement save;          // undo log (big files only)
    private final PreparedStatement saveAnswers;   // undo log of surveys (big files only)
    private final int commitRows;                  // 0: never commits (one transaction per file)
    private long committedAt;                      // staged rows at the last commit
    private int commits;

    private final LinkedHashMap<Key, Pending> chunk = new LinkedHashMap<>();

    private long staged;
    private long loaded;
    private long replaced;
    private long orphans;

    /** A natural key (values compared exactly, as the database compares trimmed ids). */
    private record Key(Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    private record Pending(long line, ParsedRow row) {
    }

    /** A stored row of a pending key: may this file replace it, which file wrote it, its order_id (returns). */
    private record Stored(boolean replaceable, long srcFileId, String orderId, int lineNo) {
    }

    StoredRowWriter(Connection connection, ExportKind kind, long fileId, String sourceOrder) throws SQLException {
        this(connection, kind, fileId, sourceOrder, 0);
    }

    /**
     * With {@code commitRows > 0}: commits the connection's transaction after the chunk that reaches every
     * {@code commitRows} rows and keeps the undo log of the rows it replaces (a big file's bounded transactions).
     */
    StoredRowWriter(Connection connection, ExportKind kind, long fileId, String sourceOrder, int commitRows)
            throws SQLException {
        this.connection = connection;
        this.commitRows = commitRows;
        this.kind = kind;
        this.fileId = fileId;
        this.sourceOrder = sourceOrder;
        List<String> names = kind.columns().stream().map(ExportKind.StoredColumn::name).toList();
        this.keyCount = kind.keyColumns().size();
        this.keyIndexes = kind.keyColumns().stream().mapToInt(names::indexOf).toArray();
        this.valueIndexes = java.util.stream.IntStream.range(0, names.size())
                .filter(i -> !kind.keyColumns().contains(names.get(i))).toArray();
        boolean orphanKind = kind == ExportKind.SHIPMENTS || kind == ExportKind.RETURNS || kind == ExportKind.TICKETS;
        this.orderIdIndex = orphanKind ? names.indexOf("order_id") : -1;
        this.lineNoIndex = orphanKind ? names.indexOf("line_no") : -1;
        List<PreparedStatement> opened = new ArrayList<>();
        try {
            this.lookup = prepare(opened, lookupSql(kind));
            this.insert = prepare(opened, insertSql(kind));
            this.update = prepare(opened, updateSql(kind));
            this.orderLines = orphanKind ? prepare(opened, ORDER_LINES) : null;
            this.deleteAnswers = kind == ExportKind.SURVEYS ? prepare(opened, DELETE_ANSWERS) : null;
            this.insertAnswer = kind == ExportKind.SURVEYS ? prepare(opened, INSERT_ANSWER) : null;
            this.save = commitRows > 0 ? prepare(opened, FileUndo.saveSql(kind)) : null;
            this.saveAnswers = commitRows > 0 && kind == ExportKind.SURVEYS ? prepare(opened, FileUndo.SAVE_ANSWERS) : null;
        } catch (SQLException e) {
            for (PreparedStatement ps : opened) {
                try {
                    ps.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private PreparedStatement prepare(List<PreparedStatement> opened, String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        opened.add(ps);
        return ps;
    }

    // --- SQL (plain SQL that H2 in MySQL mode and MySQL/MariaDB both run; built from code constants) ---

    static final String ORDER_LINES = "SELECT order_id, line_no FROM order_line WHERE order_id IN (" + marks(CHUNK) + ")";
    static final String DELETE_ANSWERS = "DELETE FROM survey_answer WHERE response_id = ?";
    static final String INSERT_ANSWER = "INSERT INTO survey_answer (response_id, item, score) VALUES (?, ?, ?)";

    /** (src_order, CHUNK x first key value): the stored rows whose first key column is one of the values. */
    static String lookupSql(ExportKind kind) {
        String keys = String.join(", ", kind.keyColumns());
        String orderId = storesOrderIdOutsideKey(kind) ? ", order_id" : "";
        return "SELECT " + keys + ", src_file_id, CASE WHEN src_order <= ? THEN 1 ELSE 0 END" + orderId
                + " FROM " + kind.table() + " WHERE " + kind.keyColumns().get(0) + " IN (" + marks(CHUNK) + ")";
    }

    /** Returns and tickets carry their order_id outside the key: the orphan count reads it from the stored row. */
    private static boolean storesOrderIdOutsideKey(ExportKind kind) {
        return kind == ExportKind.RETURNS || kind == ExportKind.TICKETS;
    }

    static String insertSql(ExportKind kind) {
        String cols = kind.columns().stream().map(ExportKind.StoredColumn::name).collect(Collectors.joining(", "));
        return "INSERT INTO " + kind.table() + " (" + cols + ", src_order, src_file_id, src_line) VALUES ("
                + marks(kind.columns().size() + 3) + ")";
    }

    static String updateSql(ExportKind kind) {
        String set = kind.columns().stream().map(ExportKind.StoredColumn::name)
                .filter(c -> !kind.keyColumns().contains(c)).map(c -> c + " = ?").collect(Collectors.joining(", "));
        String where = kind.keyColumns().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        return "UPDATE " + kind.table() + " SET " + set + ", src_order = ?, src_file_id = ?, src_line = ? WHERE " + where;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    // --- writing ---

    /** Adds a valid row of the file (rows come in line order); writes a chunk when it is full. */
    void add(long line, ParsedRow row) throws SQLException {
        staged++;
        Object[] v = row.values();
        Object[] key = new Object[keyCount];
        for (int i = 0; i < keyCount; i++) {
            key[i] = v[keyIndexes[i]];
        }
        Key k = new Key(key);
        chunk.remove(k); // a later row of the same key replaces the pending one
        chunk.put(k, new Pending(line, row));
        if (chunk.size() >= CHUNK) {
            flush();
            if (commitRows > 0 && staged - committedAt >= commitRows) {
                connection.commit(); // a bounded transaction: the undo log can take it back
                committedAt = staged;
                commits++;
            }
        }
    }

    /** How many times this writer committed (0 for a file written in one transaction). */
    int commits() {
        return commits;
    }

    /** Writes the pending chunk (call once more after the last row). */
    void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Map<Key, Stored> stored = lookupStored();
        List<Pending> inserts = new ArrayList<>();
        List<Pending> updates = new ArrayList<>();
        List<Stored> ownOverwritten = new ArrayList<>();
        for (Map.Entry<Key, Pending> e : chunk.entrySet()) {
            Stored s = stored.get(e.getKey());
            if (s == null) {
                inserts.add(e.getValue());
            } else if (s.replaceable()) {
                updates.add(e.getValue());
                if (s.srcFileId() == fileId) {
                    ownOverwritten.add(s); // this file's row of an earlier chunk: the later row wins
                } else {
                    replaced++;
                }
            } // else a later file holds the key: not applied (superseded)
        }
        if (orderLines != null) {
            countOrphans(inserts, updates, ownOverwritten);
        }
        if (save != null) {
            saveReplaced(stored);
        }
        if (deleteAnswers != null && !updates.isEmpty()) {
            for (Pending p : updates) {
                deleteAnswers.setString(1, (String) p.row().values()[0]);
                deleteAnswers.addBatch();
            }
            deleteAnswers.executeBatch();
        }
        if (!updates.isEmpty()) {
            for (Pending p : updates) {
                bindUpdate(p);
                update.addBatch();
            }
            update.executeBatch();
        }
        if (!inserts.isEmpty()) {
            for (Pending p : inserts) {
                bindInsert(p);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (insertAnswer != null) {
            int n = 0;
            for (Pending p : inserts) {
                n += addAnswers(p);
            }
            for (Pending p : updates) {
                n += addAnswers(p);
            }
            if (n > 0) {
                insertAnswer.executeBatch();
            }
        }
        loaded += inserts.size() + updates.size() - ownOverwritten.size();
        chunk.clear();
    }

    /** Copies the stored rows of other files this chunk replaces into the undo log (before they change). */
    private void saveReplaced(Map<Key, Stored> stored) throws SQLException {
        int n = 0;
        for (Map.Entry<Key, Stored> e : stored.entrySet()) {
            Stored s = e.getValue();
            if (!s.replaceable() || s.srcFileId() == fileId) {
                continue;
            }
            Object[] key = e.getKey().values();
            save.setLong(1, fileId);
            for (int i = 0; i < keyCount; i++) {
                bind(save, i + 2, kind.columns().get(keyIndexes[i]).sqlType(), key[i]);
            }
            save.addBatch();
            if (saveAnswers != null) {
                saveAnswers.setLong(1, fileId);
                saveAnswers.setString(2, (String) key[0]);
                saveAnswers.addBatch();
            }
            n++;
        }
        if (n > 0) {
            save.executeBatch();
            if (saveAnswers != null) {
                saveAnswers.executeBatch();
            }
        }
    }

    private Map<Key, Stored> lookupStored() throws SQLException {
        Set<String> firstKeys = new LinkedHashSet<>();
        for (Key k : chunk.keySet()) {
            firstKeys.add((String) k.values()[0]);
        }
        Map<Key, Stored> out = new HashMap<>();
        lookup.setString(1, sourceOrder);
        List<String> values = new ArrayList<>(firstKeys);
        for (int from = 0; from < values.size(); from += CHUNK) {
            bindPadded(lookup, 2, values.subList(from, Math.min(values.size(), from + CHUNK)));
            try (ResultSet rs = lookup.executeQuery()) {
                while (rs.next()) {
                    Object[] key = new Object[keyCount];
                    for (int i = 0; i < keyCount; i++) {
                        int sqlType = kind.columns().get(keyIndexes[i]).sqlType();
                        key[i] = sqlType == java.sql.Types.INTEGER ? (Object) rs.getInt(i + 1) : rs.getString(i + 1);
                    }
                    Key k = new Key(key);
                    if (!chunk.containsKey(k)) {
                        continue; // another key with the same first column
                    }
                    long srcFileId = rs.getLong(keyCount + 1);
                    boolean replaceable = rs.getInt(keyCount + 2) == 1;
                    String orderId = storesOrderIdOutsideKey(kind) ? rs.getString(keyCount + 3)
                            : orderIdIndex >= 0 ? (String) key[kind.keyColumns().indexOf("order_id")] : null;
                    int lineNo = lineNoIndex >= 0 ? (Integer) key[kind.keyColumns().indexOf("line_no")] : 0;
                    out.put(k, new Stored(replaceable, srcFileId, orderId, lineNo));
                }
            }
        }
        return out;
    }

    /**
     * Orphans (exports.md): a shipment row whose order line is not stored, a return row whose order line is not stored
     * (line 0, a whole-order return: whose order has no line), a ticket naming an order that has no stored line (a
     * ticket without an order_id is no orphan). Counted for the rows this chunk writes, minus this
     * file's own rows of earlier chunks that they overwrite, so the total covers exactly the file's stored rows.
     */
    private void countOrphans(List<Pending> inserts, List<Pending> updates, List<Stored> ownOverwritten)
            throws SQLException {
        Set<String> orderIds = new LinkedHashSet<>();
        for (Pending p : inserts) {
            orderIds.add((String) p.row().values()[orderIdIndex]);
        }
        for (Pending p : updates) {
            orderIds.add((String) p.row().values()[orderIdIndex]);
        }
        for (Stored s : ownOverwritten) {
            orderIds.add(s.orderId());
        }
        orderIds.remove(null); // tickets without an order
        Set<String> ordersWithLines = new HashSet<>();
        Set<String> lines = new HashSet<>(); // order_id + '\0' + line_no
        List<String> values = new ArrayList<>(orderIds);
        for (int from = 0; from < values.size(); from += CHUNK) {
            bindPadded(orderLines, 1, values.subList(from, Math.min(values.size(), from + CHUNK)));
            try (ResultSet rs = orderLines.executeQuery()) {
                while (rs.next()) {
                    String orderId = rs.getString(1);
                    ordersWithLines.add(orderId);
                    lines.add(orderId + '\0' + rs.getInt(2));
                }
            }
        }
        for (Pending p : inserts) {
            orphans += orphan(p, ordersWithLines, lines) ? 1 : 0;
        }
        for (Pending p : updates) {
            orphans += orphan(p, ordersWithLines, lines) ? 1 : 0;
        }
        for (Stored s : ownOverwritten) {
            orphans -= orphan(s.orderId(), s.lineNo(), ordersWithLines, lines) ? 1 : 0;
        }
    }

    private boolean orphan(Pending p, Set<String> ordersWithLines, Set<String> lines) {
        Object[] v = p.row().values();
        int lineNo = lineNoIndex >= 0 ? (Integer) v[lineNoIndex] : 0;
        return orphan((String) v[orderIdIndex], lineNo, ordersWithLines, lines);
    }

    private boolean orphan(String orderId, int lineNo, Set<String> ordersWithLines, Set<String> lines) {
        if (kind == ExportKind.TICKETS) {
            return orderId != null && !ordersWithLines.contains(orderId);
        }
        if (kind == ExportKind.RETURNS && lineNo == 0) {
            return !ordersWithLines.contains(orderId);
        }
        return !lines.contains(orderId + '\0' + lineNo);
    }

    private static void bindPadded(PreparedStatement ps, int first, List<String> values) throws SQLException {
        for (int i = 0; i < CHUNK; i++) {
            ps.setString(first + i, values.get(Math.min(i, values.size() - 1)));
        }
    }

    private void bindInsert(Pending p) throws SQLException {
        List<ExportKind.StoredColumn> columns = kind.columns();
        Object[] v = p.row().values();
        int i = 1;
        for (int c = 0; c < columns.size(); c++) {
            bind(insert, i++, columns.get(c).sqlType(), v[c]);
        }
        insert.setString(i++, sourceOrder);
        insert.setLong(i++, fileId);
        insert.setLong(i, p.line());
    }

    private void bindUpdate(Pending p) throws SQLException {
        List<ExportKind.StoredColumn> columns = kind.columns();
        Object[] v = p.row().values();
        int i = 1;
        for (int c : valueIndexes) {
            bind(update, i++, columns.get(c).sqlType(), v[c]);
        }
        update.setString(i++, sourceOrder);
        update.setLong(i++, fileId);
        update.setLong(i++, p.line());
        for (int c : keyIndexes) {
            bind(update, i++, columns.get(c).sqlType(), v[c]);
        }
    }

    private int addAnswers(Pending p) throws SQLException {
        String responseId = (String) p.row().values()[0];
        for (ParsedRow.SurveyAnswer a : p.row().answers()) {
            insertAnswer.setString(1, responseId);
            insertAnswer.setString(2, a.item());
            insertAnswer.setInt(3, a.score());
            insertAnswer.addBatch();
        }
        return p.row().answers().size();
    }

    static void bind(PreparedStatement ps, int index, int sqlType, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else if (value instanceof java.time.Instant instant) {
            DbTime.bind(ps, index, instant);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Long n) {
            ps.setLong(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof java.math.BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else {
            ps.setObject(index, value);
        }
    }

    // --- counts (valid after the last flush) ---

    /** Valid rows of the file handed to {@link #add}. */
    long staged() {
        return staged;
    }

    /** Rows of this file now stored. */
    long loaded() {
        return loaded;
    }

    /** In-file duplicates + stored rows replaced + rows not applied because a later file holds the key. */
    long superseded() {
        return staged - loaded + replaced;
    }

    long orphans() {
        return orphans;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : new PreparedStatement[] {lookup, insert, update, orderLines, deleteAnswers, insertAnswer,
                save, saveAnswers}) {
            if (ps == null) {
                continue;
            }
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
