package com.logisticskpi.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a big file loads in bounded transactions on the embedded H2, H2's {@code RETENTION_TIME} (600 s in
 * application.yml, for the engine's long streaming reads) is set to 0, so that the store reuses the space of the pages
 * each committed chunk replaced instead of keeping every old version for 10 minutes; the previous value is set again
 * when the last such load ends. Measured on 500,000 orders rows (bench/README.md, issue 11): the store grew to 995 MB
 * with 600 s and to 356 MB with 0 (the CSV: 45 MB). No long read runs during an ingest (the writer lock keeps the
 * engine out; the parallel loads of other kinds only read a chunk's keys). Not on MySQL/MariaDB (nothing to do).
 */
final class LoadRetention {

    private static final Logger log = LoggerFactory.getLogger(LoadRetention.class);

    private final DataSource dataSource;
    private int active;
    private String saved;

    LoadRetention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Lowers the retention time until the returned handle is closed (nested and parallel loads: the last one restores it). */
    synchronized Lowered lower() {
        if (active++ == 0) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                if (!c.getMetaData().getURL().startsWith("jdbc:h2:")) {
                    saved = null;
                } else {
                    try (ResultSet rs = s.executeQuery("SELECT setting_value FROM information_schema.settings"
                            + " WHERE setting_name = 'RETENTION_TIME'")) {
                        saved = rs.next() ? rs.getString(1) : null;
                    }
                    if (saved != null && saved.matches("\\d+")) {
                        s.execute("SET RETENTION_TIME 0");
                    } else {
                        saved = null;
                    }
                }
            } catch (SQLException e) {
                saved = null;
                log.info("cannot lower H2's retention time for a big load: {}", e.getMessage());
            }
        }
        return this::release;
    }

    private synchronized void release() {
        if (--active == 0 && saved != null) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET RETENTION_TIME " + Long.parseLong(saved)); // digits read from the database above
            } catch (SQLException e) {
                log.info("cannot set H2's retention time back to {}: {}", saved, e.getMessage());
            }
            saved = null;
        }
    }

    /** Restores the retention time when closed. */
    interface Lowered extends AutoCloseable {
        @Override
        void close();
    }
}
