package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

import com.logisticskpi.base.db.Jdbc;

/**
 * Keeps kpi_store_survey and kpi_store_ticket: the local day(s) of every survey response and ticket the outcome store
 * has seen. A survey or ticket row loaded since the store's watermark puts its day on the run's dirty days, and the
 * day it had before when a re-exported row moved it (the stored export row itself no longer knows).
 */
final class SeenRecords {

    private static final String SURVEYS = "SELECT s.response_id, s.response_time, ss.resp_day FROM survey_response s"
            + " LEFT JOIN kpi_store_survey ss ON ss.response_id = s.response_id WHERE s.src_file_id > ? AND s.src_file_id <= ?";
    private static final String TICKETS = "SELECT t.ticket_id, t.opened_time, t.resolved_time, st.opened_day, st.resolved_day,"
            + " st.ticket_id FROM service_ticket t LEFT JOIN kpi_store_ticket st ON st.ticket_id = t.ticket_id"
            + " WHERE t.src_file_id > ? AND t.src_file_id <= ?";

    private SeenRecords() {
    }

    /** Survey responses written by files in (low, high]; {@code days} (null: not wanted) gets their old and new day. */
    static void survey(Connection c, long low, long high, ZoneId zone, Set<String> days, int batchSize) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(SURVEYS);
             PreparedStatement insert = c.prepareStatement("INSERT INTO kpi_store_survey (resp_day, response_id) VALUES (?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE kpi_store_survey SET resp_day = ? WHERE response_id = ?")) {
            JdbcBatch inserts = new JdbcBatch(insert, batchSize);
            JdbcBatch updates = new JdbcBatch(update, batchSize);
            read.setLong(1, low);
            read.setLong(2, high);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String day = day(Jdbc.getInstant(rs, 2), zone);
                    String before = rs.getString(3);
                    add(days, day);
                    add(days, before);
                    if (before == null) {
                        bind(insert, day, rs.getString(1));
                        inserts.add();
                    } else if (!before.equals(day)) {
                        bind(update, day, rs.getString(1));
                        updates.add();
                    }
                }
            }
            inserts.flush();
            updates.flush();
        }
    }

    /** Tickets written by files in (low, high]; {@code days} (null: not wanted) gets their old and new days. */
    static void tickets(Connection c, long low, long high, ZoneId zone, Set<String> days, int batchSize) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(TICKETS);
             PreparedStatement insert = c.prepareStatement("INSERT INTO kpi_store_ticket (opened_day, resolved_day, ticket_id)"
                     + " VALUES (?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE kpi_store_ticket SET opened_day = ?, resolved_day = ?"
                     + " WHERE ticket_id = ?")) {
            JdbcBatch inserts = new JdbcBatch(insert, batchSize);
            JdbcBatch updates = new JdbcBatch(update, batchSize);
            read.setLong(1, low);
            read.setLong(2, high);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String opened = day(Jdbc.getInstant(rs, 2), zone);
                    Instant resolvedAt = Jdbc.getInstant(rs, 3);
                    String resolved = resolvedAt == null ? null : day(resolvedAt, zone);
                    boolean seen = rs.getString(6) != null;
                    String openedBefore = rs.getString(4);
                    String resolvedBefore = rs.getString(5);
                    add(days, opened);
                    add(days, resolved);
                    add(days, openedBefore);
                    add(days, resolvedBefore);
                    PreparedStatement ps = seen ? update : insert;
                    if (!seen || !opened.equals(openedBefore) || !Objects.equals(resolved, resolvedBefore)) {
                        ps.setString(1, opened);
                        ps.setString(2, resolved);
                        ps.setString(3, rs.getString(1));
                        (seen ? updates : inserts).add();
                    }
                }
            }
            inserts.flush();
            updates.flush();
        }
    }

    private static void bind(PreparedStatement ps, String day, String id) throws SQLException {
        ps.setString(1, day);
        ps.setString(2, id);
    }

    private static String day(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone).toString();
    }

    private static void add(Set<String> days, String day) {
        if (days != null && day != null) {
            days.add(day);
        }
    }
}
