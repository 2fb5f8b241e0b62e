package com.logisticskpi.config;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every feature shares.
 *
 * @param dataDir where the embedded database, reject files and run logs live ({@code --data-dir} / {@code KPI_DATA_DIR})
 * @param zone    the business time zone: every local date, ISO week and month is taken in it ({@code --zone})
 */
@ConfigurationProperties("kpi")
public record AppProperties(Path dataDir, ZoneId zone) {

    public AppProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
    }

    public Path rejectsDir() {
        return dataDir.resolve("rejects");
    }
}
