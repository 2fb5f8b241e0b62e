package com.logisticskpi.base.partition;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps RabbitMQ out of every process that does not use remote partitioning: unless {@code kpi.partitioning.mode}
 * is {@code remote} (from any source: --config file, --set, environment), Spring Boot's RabbitMQ auto-configuration
 * is excluded, so no connection factory exists and nothing can try to reach a broker. Runs after the configuration
 * files are loaded; its exclusion has the lowest precedence (an explicit {@code spring.autoconfigure.exclude} wins).
 */
public class RabbitOnlyWhenRemote implements EnvironmentPostProcessor, Ordered {

    static final String RABBIT_AUTO_CONFIGURATIONS = String.join(",",
            "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
            "org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
            "org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("kpi.partitioning.mode", PartitioningProperties.LOCAL);
        if (!PartitioningProperties.REMOTE.equals(mode.trim().toLowerCase(Locale.ROOT))) {
            environment.getPropertySources().addLast(new MapPropertySource("kpiRabbitOnlyWhenRemote",
                    Map.of("spring.autoconfigure.exclude", RABBIT_AUTO_CONFIGURATIONS)));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
