package com.logisticskpi.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.logisticskpi.KpiApplication;
import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/** Starts the Spring context for one command, with the command's options applied as properties. */
public final class AppContext {

    private AppContext() {
    }

    public static ConfigurableApplicationContext start(CommonOptions options, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(options.toProperties());
        props.putAll(extra);
        // Passed as command-line properties: they must win over application.yml (default properties would not).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(KpiApplication.class)
                .logStartupInfo(false);
        String profile = options.profileOrDefault();
        if (profile != null) {
            builder.profiles(profile.split(","));
        }
        String[] datasource = {null, null};
        builder.listeners((org.springframework.context.ApplicationListener<
                org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent>) e -> {
            datasource[0] = e.getEnvironment().getProperty("spring.datasource.url");
            datasource[1] = e.getEnvironment().getProperty("kpi.data-dir");
        });
        try {
            return builder.run(args);
        } catch (RuntimeException e) {
            KpiException known = startFailure(e, datasource[0], datasource[1]);
            if (known == null) {
                throw e;
            }
            org.slf4j.LoggerFactory.getLogger(AppContext.class).error("start failed: {}", known.getMessage(), e);
            throw known;
        }
    }

    /**
     * The usual reasons a command cannot start, as one line: the embedded database is open in another process, or the
     * database server does not answer (naming the URL's host and port). Null for anything else.
     */
    static KpiException startFailure(Throwable e, String url, String dataDir) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("The file is locked") || m.contains("Database may be already in use")) {
                return new KpiException(ExitCode.LOCKED, "the embedded database is in use by another kpi process (data dir "
                        + dataDir + ": a run, ingest or recompute); wait until it ends" + holder(dataDir));
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t.getClass().getSimpleName().equals("CommunicationsException")) {
                return new KpiException(ExitCode.FAILED, "cannot connect to the database " + hostPart(url) + " ("
                        + t.getClass().getSimpleName() + ": " + m.lines().findFirst().orElse("") + "); check that the server"
                        + " runs and KPI_DB_URL / spring.datasource.url");
            }
        }
        return null;
    }

    private static String holder(String dataDir) {
        if (dataDir == null) {
            return "";
        }
        try {
            java.nio.file.Path f = java.nio.file.Path.of(dataDir).resolve("locks").resolve("writes.lock");
            String h = java.nio.file.Files.exists(f) ? java.nio.file.Files.readString(f).strip() : "";
            return h.isEmpty() ? "" : " (last writer: " + h + ")";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@code jdbc:mysql://db:3307/kpi?x} -> {@code db:3307/kpi}; credentials and parameters never shown. */
    static String hostPart(String url) {
        if (url == null) {
            return "(no URL)";
        }
        String u = url.replaceFirst("^jdbc:[a-z0-9]+:(//)?", "");
        int q = u.indexOf('?');
        u = q >= 0 ? u.substring(0, q) : u;
        int at = u.lastIndexOf('@');
        return at >= 0 ? u.substring(at + 1) : u;
    }

    public static ConfigurableApplicationContext start(CommonOptions options) {
        return start(options, Map.of());
    }
}
