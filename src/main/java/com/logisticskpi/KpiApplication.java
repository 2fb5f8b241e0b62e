package com.logisticskpi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring configuration root. The process entry point is {@link com.logisticskpi.cli.KpiCli}: it parses the
 * command line first (so that {@code --help} needs no database) and then starts this context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KpiApplication {
}
