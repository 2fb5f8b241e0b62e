package com.logisticskpi.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code kpi.delivery.*}: the SMTP server the reports are mailed through. There is deliberately no password
 * property: the password is read from the environment variable named by {@code password-env}
 * (default {@code KPI_SMTP_PASSWORD}) or from {@code password-file}.
 *
 * @param host               SMTP host (required to send)
 * @param port               SMTP port (default 25)
 * @param username           SMTP user; empty = no authentication
 * @param passwordEnv        environment variable holding the password (default KPI_SMTP_PASSWORD)
 * @param passwordFile       file whose first line is the password (wins over the environment)
 * @param starttls           upgrade the connection with STARTTLS when the server offers it
 * @param starttlsRequired   refuse to send without STARTTLS
 * @param from               sender address
 * @param connectionTimeout  TCP connect timeout (default 10 s)
 * @param readTimeout        socket read timeout (default 30 s)
 * @param writeTimeout       socket write timeout (default 30 s)
 * @param attachmentMaxSize  above this the workbook is not attached, its path is given instead (default 10MB)
 * @param retry              {@code kpi.delivery.retry.*}: how a transient SMTP failure is retried
 */
@ConfigurationProperties("kpi.delivery")
public record DeliveryProperties(String host, Integer port, String username, String passwordEnv, Path passwordFile,
                                 Boolean starttls, Boolean starttlsRequired, String from, Duration connectionTimeout,
                                 Duration readTimeout, Duration writeTimeout, DataSize attachmentMaxSize,
                                 Retry retry) {

    public DeliveryProperties {
        if (port == null) {
            port = 25;
        }
        if (passwordEnv == null || passwordEnv.isBlank()) {
            passwordEnv = "KPI_SMTP_PASSWORD";
        }
        if (starttls == null) {
            starttls = false;
        }
        if (starttlsRequired == null) {
            starttlsRequired = false;
        }
        if (from == null || from.isBlank()) {
            from = "kpi-reports@localhost";
        }
        if (connectionTimeout == null) {
            connectionTimeout = Duration.ofSeconds(10);
        }
        if (readTimeout == null) {
            readTimeout = Duration.ofSeconds(30);
        }
        if (writeTimeout == null) {
            writeTimeout = Duration.ofSeconds(30);
        }
        if (attachmentMaxSize == null) {
            attachmentMaxSize = DataSize.ofMegabytes(10);
        }
        if (retry == null) {
            retry = new Retry(null, null);
        }
    }

    /**
     * {@code kpi.delivery.retry.*}: a transient SMTP failure (connection refused, a timeout, a 4xx reply) is tried
     * again; a permanent one (5xx reply, bad credentials) never is.
     *
     * @param maxAttempts attempts in all, the first included (default 3; 1 = no retry)
     * @param delay       the wait before the second attempt, doubled before each further one (default 5 s)
     */
    public record Retry(Integer maxAttempts, Duration delay) {
        public Retry {
            if (maxAttempts == null) {
                maxAttempts = 3;
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("kpi.delivery.retry.max-attempts must be at least 1, was " + maxAttempts);
            }
            if (delay == null) {
                delay = Duration.ofSeconds(5);
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("kpi.delivery.retry.delay must not be negative, was " + delay);
            }
        }
    }

    /** Everything defaulted, no host: for tests and for building settings by hand. */
    public static DeliveryProperties defaults() {
        return new DeliveryProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
