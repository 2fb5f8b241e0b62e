package com.logisticskpi.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/** Options every command accepts (a picocli mixin). */
public class CommonOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Embedded database, reject files and logs (default: $KPI_DATA_DIR or ./data).")
    Path dataDir;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Business time zone for this run, e.g. Asia/Shanghai (default: configured kpi.zone).")
    String zone;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Spring profile, e.g. mysql (default: mysql when KPI_DB_URL is set, else the embedded database).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Extra application.yml whose values override the bundled ones.")
    Path config;

    @Option(names = "--raw-csv",
            description = "CSV outputs as stored, for machine consumers (default: free text that would start a "
                    + "spreadsheet formula gets a leading apostrophe; kpi.output.raw-csv).")
    boolean rawCsv;

    /** Spring properties implied by these options. */
    public Map<String, Object> toProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        if (dataDir != null) {
            props.put("kpi.data-dir", dataDir.toAbsolutePath().normalize().toString());
        }
        if (zone != null) {
            try {
                props.put("kpi.zone", ZoneId.of(zone).getId());
            } catch (DateTimeException e) {
                throw new KpiException(ExitCode.USAGE, "unknown time zone '" + zone + "'");
            }
        }
        if (rawCsv) {
            props.put("kpi.output.raw-csv", "true");
        }
        if (config != null) {
            props.put("spring.config.additional-location", "file:" + config.toAbsolutePath());
        }
        return props;
    }

    public String profileOrDefault() {
        if (profile != null && !profile.isBlank()) {
            return profile;
        }
        String url = System.getenv("KPI_DB_URL");
        return url != null && !url.isBlank() ? "mysql" : null;
    }
}
