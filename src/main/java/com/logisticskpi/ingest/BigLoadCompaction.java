package com.logisticskpi.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 store when the process ends after a big file was written in bounded transactions or a
 * load was taken back ({@link FileUndo}): H2's store only grows while it is open (each committed chunk writes new
 * pages; the old ones are reused only in part), and {@code SHUTDOWN COMPACT} rewrites it to its live content
 * (measured: 500,000 orders rows, 356 MB after the load, 37 MB compacted in 9 s; bench/README.md issue 11). Runs as
 * the application context closes, before the connection pool (this bean depends on the data source), so nothing else
 * uses the database then. {@code kpi.ingest.compact-after-big-load: false} switches it off. Nothing on MySQL/MariaDB.
 */
@Component
public class BigLoadCompaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BigLoadCompaction.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final AtomicBoolean wanted = new AtomicBoolean();

    public BigLoadCompaction(DataSource dataSource,
                             @Value("${kpi.ingest.compact-after-big-load:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    /** A big file was written in committed chunks, or a load was taken back: compact at the end. */
    public void request() {
        wanted.set(true);
    }

    @Override
    public void destroy() {
        if (!enabled || !wanted.getAndSet(false)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
                return;
            }
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            log.info("H2 store compacted after a big load in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            log.info("compacting the H2 store after a big load failed: {}", e.getMessage());
        }
    }
}
