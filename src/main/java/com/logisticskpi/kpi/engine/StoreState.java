package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TreeMap;

import com.logisticskpi.config.SurveyProperties;

import com.logisticskpi.base.db.Jdbc;

/**
 * What the outcome store's outcomes and its last run's figures were computed from (table kpi_store, one row): the
 * zone, the settings that change an outcome or a figure ({@link #fingerprint}), as_of, the report date, the highest
 * ingest file id whose rows it has seen and the run whose figures it may reuse.
 */
record StoreState(ZoneId zone, String fingerprint, Instant asOf, LocalDate reportDate, long fileWatermark,
                  long lastRunId) {

    /** The reserved run id of the store's order_outcome and kpi_return rows (kpi_run ids start at 1). */
    static final long STORE_RUN = 0;

    /**
     * Bumped whenever a change of the engine changes an outcome or a figure: a store built by another version is
     * built again (REBUILD) instead of reused.
     */
    static final String ENGINE_VERSION = "engine-1";

    /** The settings an outcome or a figure depends on, in a stable text (maps sorted by key). */
    static String fingerprint(KpiEngineProperties engine, SurveyProperties survey, TicketProperties tickets,
                              boolean ticketsLoaded) {
        return ENGINE_VERSION + "|damage-window=" + engine.damageReturnWindow() + "|cycle-target=" + engine.cycleTargetHours()
                + "|targets=" + new TreeMap<>(engine.targets()) + "|survey=" + survey.scaleMin() + ".." + survey.scaleMax()
                + new TreeMap<>(survey.dimensions()) + "|" + tickets + "|tickets-loaded=" + ticketsLoaded;
    }

    static Optional<StoreState> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_id, fingerprint, as_of, report_date, file_watermark,"
                + " last_run_id FROM kpi_store WHERE store_id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoreState(ZoneId.of(rs.getString(1)), rs.getString(2), Jdbc.getInstant(rs, 3),
                    Jdbc.getDate(rs, "report_date"), rs.getLong(5), rs.getLong(6)));
        }
    }

    void write(Connection c, Instant now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM kpi_store WHERE store_id = 1")) {
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kpi_store (store_id, zone_id, fingerprint, as_of,"
                + " report_date, file_watermark, last_run_id, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, zone.getId());
            ps.setString(2, fingerprint);
            Jdbc.setInstant(ps, 3, asOf);
            Jdbc.setDate(ps, 4, reportDate);
            ps.setLong(5, fileWatermark);
            ps.setLong(6, lastRunId);
            Jdbc.setInstant(ps, 7, now);
            ps.executeUpdate();
        }
    }

    /** The highest ingest file id: every stored export row was written by a file up to it. */
    static long fileWatermark(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(file_id), 0) FROM ingest_file");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Empties the store (before a REBUILD): its outcomes and returns (and the snapshots of runs that died), seen surveys
     * and tickets, recorded days and its state.
     */
    static void clear(Connection c) throws SQLException {
        for (String sql : new String[] {"DELETE FROM order_outcome WHERE run_id <= 0", "DELETE FROM kpi_return WHERE run_id <= 0",
                "DELETE FROM kpi_candidate WHERE run_id < 0",
                "DELETE FROM kpi_store_survey", "DELETE FROM kpi_store_ticket", "DELETE FROM kpi_store",
                "DELETE FROM kpi_dirty_day"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }
}
