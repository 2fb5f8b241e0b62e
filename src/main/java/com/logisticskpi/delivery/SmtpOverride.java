package com.logisticskpi.delivery;

/**
 * A job's own SMTP settings, replacing {@code kpi.delivery.*} for that job. Any field may be null (= use kpi.delivery).
 * The password comes only from an environment variable ({@code password: ${VAR}}) or a file ({@code password-file:}).
 */
public record SmtpOverride(String host, Integer port, String username, Secret password, Boolean starttls, String from) {

    @Override
    public String toString() {
        return "SmtpOverride[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", starttls=" + starttls + ", from=" + from + "]";
    }
}
