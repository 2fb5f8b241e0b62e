package com.logisticskpi.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.ingest.inbox.*}: which files of an inbox are taken.
 *
 * @param minAge               a file modified less than this ago is still being written: skipped with a warning and
 *                             loaded by the next run (default 60s; not checked in an inbox holding {@code .kpi-keep},
 *                             a fixed set such as sample-data/inbox)
 * @param requireFinalNewline  a file whose last line has no line break is cut off: skipped with a warning (default true)
 * @param links                {@code skip} (default): symbolic links are never followed; {@code inside}: a link is
 *                             followed when its target is a regular file inside the inbox itself
 */
@ConfigurationProperties("kpi.ingest.inbox")
public record InboxProperties(Duration minAge, Boolean requireFinalNewline, String links) {

    public InboxProperties {
        minAge = minAge == null ? Duration.ofSeconds(60) : minAge;
        requireFinalNewline = requireFinalNewline == null ? Boolean.TRUE : requireFinalNewline;
        links = links == null || links.isBlank() ? "skip" : links.trim().toLowerCase(java.util.Locale.ROOT);
        if (!links.equals("skip") && !links.equals("inside")) {
            throw new IllegalArgumentException("kpi.ingest.inbox.links must be skip or inside, was '" + links + "'");
        }
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("kpi.ingest.inbox.min-age must not be negative, was " + minAge);
        }
    }

    public static InboxProperties defaults() {
        return new InboxProperties(null, null, null);
    }
}
