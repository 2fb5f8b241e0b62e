package com.logisticskpi.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.logisticskpi.KpiApplication;

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
        return builder.run(args);
    }

    public static ConfigurableApplicationContext start(CommonOptions options) {
        return start(options, Map.of());
    }
}
