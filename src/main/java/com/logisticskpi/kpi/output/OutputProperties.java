package com.logisticskpi.kpi.output;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.output.*}: how the CSV outputs are written.
 *
 * @param rawCsv false (default): free-text values that would start a spreadsheet formula get a leading apostrophe
 *               ({@link CsvText}); true: every value as stored, for machine consumers ({@code --raw-csv})
 */
@ConfigurationProperties(prefix = "kpi.output")
public record OutputProperties(boolean rawCsv) {
}
