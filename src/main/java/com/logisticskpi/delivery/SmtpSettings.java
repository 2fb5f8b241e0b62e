package com.logisticskpi.delivery;

import java.time.Duration;
import java.util.function.Function;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * Resolved SMTP settings for one delivery: {@code kpi.delivery.*}, the password looked up, a job's own
 * {@code smtp:} block applied on top (the retry settings stay the application's). {@link #toString()} never shows the password.
 */
public record SmtpSettings(String host, int port, String username, Secret password, boolean starttls,
                           boolean starttlsRequired, String from, Duration connectionTimeout, Duration readTimeout,
                           Duration writeTimeout, DeliveryProperties.Retry retry) {

    /** With the default retry settings ({@code kpi.delivery.retry.*} unset). */
    public SmtpSettings(String host, int port, String username, Secret password, boolean starttls, boolean starttlsRequired,
                        String from, Duration connectionTimeout, Duration readTimeout, Duration writeTimeout) {
        this(host, port, username, password, starttls, starttlsRequired, from, connectionTimeout, readTimeout, writeTimeout,
                new DeliveryProperties.Retry(null, null));
    }

    /** From the application settings; {@code env} looks up the password variable. */
    public static SmtpSettings of(DeliveryProperties p, Function<String, String> env) {
        Secret password = null;
        if (p.passwordFile() != null) {
            password = Secret.fromFile(p.passwordFile());
        } else {
            String v = env.apply(p.passwordEnv());
            if (v != null && !v.isEmpty()) {
                password = Secret.fromEnvironment(p.passwordEnv(), v);
            }
        }
        return new SmtpSettings(p.host(), p.port(), blankToNull(p.username()), password, p.starttls(),
                p.starttlsRequired(), p.from(), p.connectionTimeout(), p.readTimeout(), p.writeTimeout(), p.retry());
    }

    public static SmtpSettings of(DeliveryProperties p) {
        return of(p, System::getenv);
    }

    /** These settings with a job's {@code smtp:} values (non-null ones) on top. */
    public SmtpSettings with(SmtpOverride o) {
        if (o == null) {
            return this;
        }
        return new SmtpSettings(o.host() != null ? o.host() : host, o.port() != null ? o.port() : port,
                o.username() != null ? blankToNull(o.username()) : username, o.password() != null ? o.password() : password,
                o.starttls() != null ? o.starttls() : starttls, starttlsRequired, o.from() != null ? o.from() : from,
                connectionTimeout, readTimeout, writeTimeout, retry);
    }

    /** Fails with BAD_CONFIG when there is nothing to send through. */
    public void requireHost() {
        if (host == null || host.isBlank()) {
            throw new KpiException(ExitCode.BAD_CONFIG, "kpi.delivery.host is not set: no SMTP server to mail the report through");
        }
        if (username != null && password == null) {
            throw new KpiException(ExitCode.BAD_CONFIG, "kpi.delivery.username is set but no SMTP password was found"
                    + " (environment variable or kpi.delivery.password-file)");
        }
    }

    public String server() {
        return host + ":" + port;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + server() + ", user=" + username + ", password=" + (password == null ? "none" : "***")
                + ", starttls=" + starttls + (starttlsRequired ? " (required)" : "") + ", from=" + from + "]";
    }
}
