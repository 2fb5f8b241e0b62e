package com.logisticskpi.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;
import com.logisticskpi.delivery.Secret;
import com.logisticskpi.delivery.SmtpOverride;

/**
 * Reads and validates a job file ({@code jobs/nightly.yml} ...). String values may use {@code ${ENV_VAR}} or
 * {@code ${ENV_VAR:default}}; {@code --set key=value} overrides one value for one run (dotted keys for the
 * {@code smtp} block). Passwords come only from an environment variable ({@code password: ${VAR}}) or a file
 * ({@code password-file:}); a literal password or a password on the command line is refused.
 * Every problem is a {@link KpiException} with {@link ExitCode#BAD_CONFIG} (a password in {@code --set}:
 * {@link ExitCode#USAGE}) and a one-line message naming the file and the key.
 */
public class JobDefinitionLoader {

    static final Set<String> KEYS = Set.of("name", "schedule", "business-date", "zone", "inbox", "archive-dir", "out-dir",
            "template", "locale", "recipients", "subject", "attachment-max-size", "retention-days", "smtp");
    static final Set<String> SMTP_KEYS = Set.of("host", "port", "username", "password", "password-file", "starttls", "from");
    static final int DEFAULT_RETENTION_DAYS = 90;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern ONLY_ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+)\\s*(B|KB|K|MB|M|GB|G)?\\s*");

    private final Function<String, String> env;

    public JobDefinitionLoader() {
        this(System::getenv);
    }

    /** @param env environment lookup (tests pass a map) */
    public JobDefinitionLoader(Function<String, String> env) {
        this.env = env;
    }

    /** {@code <jobsDir>/<job>.yml}, after checking that the job name is a plain name (never a path). */
    public static Path fileFor(Path jobsDir, String job) {
        if (job == null || !NAME.matcher(job).matches()) {
            throw new KpiException(ExitCode.USAGE, "job name '" + job + "' is not valid (letters, digits, '-', '_')");
        }
        return jobsDir.resolve(job + ".yml");
    }

    public JobDefinition load(Path file) {
        return load(file, List.of());
    }

    /** Loads {@code file}, applies the {@code key=value} overrides, substitutes the environment and validates. */
    public JobDefinition load(Path file, List<String> overrides) {
        Map<String, Object> raw = read(file);
        for (String o : overrides) {
            applyOverride(file, raw, o);
        }
        return new Validator(file, raw).definition();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KpiException(ExitCode.BAD_CONFIG, "job file " + file + " does not exist");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(doc instanceof Map<?, ?> map)) {
                throw new KpiException(ExitCode.BAD_CONFIG, file + ": not a YAML mapping of job settings");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : v));
            return copy;
        } catch (MarkedYAMLException e) {
            throw new KpiException(ExitCode.BAD_CONFIG, file + ": YAML error at line " + (e.getProblemMark().getLine() + 1)
                    + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new KpiException(ExitCode.BAD_CONFIG, file + ": YAML error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new KpiException(ExitCode.BAD_CONFIG, "cannot read job file " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyOverride(Path file, Map<String, Object> raw, String override) {
        for (int i = 0; i < override.length(); i++) {
            char c = override.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                // refused before anything runs or is stored; the value is not echoed (it may hold a secret)
                int eq = override.indexOf('=');
                String key = (eq > 0 ? override.substring(0, eq) : "").replaceAll("[\\p{Cntrl}\u2028\u2029]", "?");
                throw new KpiException(ExitCode.USAGE, "--set " + (key.isEmpty() ? "" : key + " ")
                        + "holds a line break or control character (U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + "): a setting is one line of text");
            }
        }
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new KpiException(ExitCode.USAGE, "--set '" + override + "' is not key=value");
        }
        String key = override.substring(0, eq).trim();
        String value = override.substring(eq + 1);
        if (key.toLowerCase(Locale.ROOT).endsWith("password")) {
            throw new KpiException(ExitCode.USAGE, "--set " + key + ": passwords are never taken from the command line"
                    + " (use ${ENV_VAR} or password-file in " + file.getFileName() + ")");
        }
        String[] path = key.split("\\.");
        if (path.length == 1) {
            if (!KEYS.contains(key) || key.equals("smtp")) {
                throw new KpiException(ExitCode.BAD_CONFIG, "--set " + key + ": unknown job setting");
            }
            raw.put(key, key.equals("recipients") ? List.of(value.split(",")) : value);
        } else if (path.length == 2 && path[0].equals("smtp") && SMTP_KEYS.contains(path[1])) {
            Object smtp = raw.computeIfAbsent("smtp", k -> new LinkedHashMap<String, Object>());
            if (!(smtp instanceof Map<?, ?>)) {
                throw new KpiException(ExitCode.BAD_CONFIG, file + ": smtp: must be a mapping");
            }
            ((Map<String, Object>) smtp).put(path[1], value);
        } else {
            throw new KpiException(ExitCode.BAD_CONFIG, "--set " + key + ": unknown job setting");
        }
    }

    /** Validates one raw document; every failure names the file and the key. */
    private final class Validator {
        private final Path file;
        private final Map<String, Object> raw;

        Validator(Path file, Map<String, Object> raw) {
            this.file = file;
            this.raw = raw;
        }

        JobDefinition definition() {
            for (String k : raw.keySet()) {
                if (!KEYS.contains(k)) {
                    throw fail(k, "unknown key (expected one of " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
                }
            }
            String fileName = file.getFileName().toString();
            String name = text("name", fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : fileName);
            if (!NAME.matcher(name).matches()) {
                throw fail("name", "'" + name + "' is not valid (letters, digits, '-', '_', at most 64)");
            }
            String schedule = required("schedule");
            try {
                JobDefinition.cron(schedule);
            } catch (IllegalArgumentException e) {
                throw fail("schedule", e.getMessage());
            }
            BusinessDateRule rule;
            try {
                rule = BusinessDateRule.fromKey(required("business-date"));
            } catch (IllegalArgumentException e) {
                throw fail("business-date", e.getMessage());
            }
            ZoneId zone = null;
            String zoneText = text("zone", null);
            if (zoneText != null) {
                try {
                    zone = ZoneId.of(zoneText);
                } catch (DateTimeException e) {
                    throw fail("zone", "unknown time zone '" + zoneText + "'");
                }
            }
            Path inbox = Path.of(required("inbox"));
            Path archive = Path.of(required("archive-dir"));
            Path out = Path.of(required("out-dir"));
            String template = text("template", "default");
            if (!template.equalsIgnoreCase("default") && com.logisticskpi.report.ReportKind.ofKey(template) == null
                    && !template.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw fail("template", "'" + template + "' is not daily, weekly, monthly, default or an .xlsx template file");
            }
            String localeText = text("locale", "zh-CN");
            Locale locale = Locale.forLanguageTag(localeText);
            if (locale.getLanguage().isEmpty()) {
                throw fail("locale", "'" + localeText + "' is not a language tag such as zh-CN or en");
            }
            List<String> recipients = recipients();
            String subject = text("subject", "Logistics KPI {period}");
            Long maxBytes = size("attachment-max-size");
            int retention = positiveInt("retention-days", DEFAULT_RETENTION_DAYS);
            return new JobDefinition(name, schedule, rule, zone, inbox, archive, out, template, locale, recipients,
                    subject, maxBytes, retention, smtp());
        }

        private List<String> recipients() {
            Object v = raw.get("recipients");
            List<String> list = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.forEach(x -> list.add(substitute("recipients", String.valueOf(x))));
            } else if (v != null) {
                for (String s : substitute("recipients", String.valueOf(v)).split(",")) {
                    list.add(s);
                }
            }
            List<String> out = new ArrayList<>();
            for (String s : list) {
                String a = s.trim();
                if (a.isEmpty()) {
                    continue;
                }
                try {
                    new InternetAddress(a, true).validate();
                } catch (AddressException e) {
                    throw fail("recipients", "'" + a + "' is not a mail address");
                }
                out.add(a);
            }
            if (out.isEmpty()) {
                throw fail("recipients", "at least one mail address is required");
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private SmtpOverride smtp() {
            Object v = raw.get("smtp");
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw fail("smtp", "must be a mapping of host, port, username, password / password-file, starttls, from");
            }
            Map<String, Object> smtp = (Map<String, Object>) m;
            for (String k : smtp.keySet()) {
                if (!SMTP_KEYS.contains(k)) {
                    throw fail("smtp." + k, "unknown key (expected one of " + String.join(", ", new java.util.TreeSet<>(SMTP_KEYS)) + ")");
                }
            }
            String host = sub(smtp, "host");
            String portText = sub(smtp, "port");
            Integer port = null;
            if (portText != null) {
                try {
                    port = Integer.parseInt(portText.trim());
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw fail("smtp.port", "'" + portText + "' is not a port number");
                }
            }
            Secret password = null;
            Object literal = smtp.get("password");
            String passwordFile = sub(smtp, "password-file");
            if (literal != null && passwordFile != null) {
                throw fail("smtp.password", "give either password (${ENV_VAR}) or password-file, not both");
            }
            if (literal != null) {
                Matcher ref = ONLY_ENV_REF.matcher(String.valueOf(literal).trim());
                if (!ref.matches()) {
                    throw fail("smtp.password", "a literal password is not accepted; use ${ENV_VAR} or password-file");
                }
                String value = env.apply(ref.group(1));
                if (value == null || value.isEmpty()) {
                    throw fail("smtp.password", "environment variable " + ref.group(1) + " is not set");
                }
                password = Secret.fromEnvironment(ref.group(1), value);
            } else if (passwordFile != null) {
                try {
                    password = Secret.fromFile(Path.of(passwordFile));
                } catch (KpiException e) {
                    throw fail("smtp.password-file", e.getMessage());
                }
            }
            String starttls = sub(smtp, "starttls");
            Boolean tls = null;
            if (starttls != null) {
                String t = starttls.trim().toLowerCase(Locale.ROOT);
                if (!t.equals("true") && !t.equals("false")) {
                    throw fail("smtp.starttls", "'" + starttls + "' is not true or false");
                }
                tls = Boolean.valueOf(t);
            }
            String from = sub(smtp, "from");
            if (from != null) {
                try {
                    new InternetAddress(from, true).validate();
                } catch (AddressException e) {
                    throw fail("smtp.from", "'" + from + "' is not a mail address");
                }
            }
            return new SmtpOverride(host, port, sub(smtp, "username"), password, tls, from);
        }

        private String sub(Map<String, Object> smtp, String key) {
            Object v = smtp.get(key);
            return v == null ? null : substitute("smtp." + key, String.valueOf(v));
        }

        private Long size(String key) {
            Object v = raw.get(key);
            if (v == null) {
                return null;                                // kpi.delivery.attachment-max-size
            }
            String s = substitute(key, String.valueOf(v));
            Matcher m = SIZE.matcher(s);
            if (!m.matches()) {
                throw fail(key, "'" + s + "' is not a size such as 10MB, 512KB or 1048576");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
            long bytes = switch (unit) {
                case "K", "KB" -> n * 1024;
                case "M", "MB" -> n * 1024 * 1024;
                case "G", "GB" -> n * 1024 * 1024 * 1024;
                default -> n;
            };
            if (bytes <= 0) {
                throw fail(key, "must be above 0");
            }
            return bytes;
        }

        private int positiveInt(String key, int dflt) {
            Object v = raw.get(key);
            if (v == null) {
                return dflt;
            }
            String s = substitute(key, String.valueOf(v)).trim();
            try {
                int n = Integer.parseInt(s);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw fail(key, "'" + s + "' is not a whole number of at least 1");
        }

        private String required(String key) {
            String v = text(key, null);
            if (v == null || v.isBlank()) {
                throw fail(key, "is required");
            }
            return v.trim();
        }

        private String text(String key, String dflt) {
            Object v = raw.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw fail(key, "must be a single value");
            }
            return substitute(key, String.valueOf(v));
        }

        private String substitute(String key, String value) {
            Matcher m = ENV_REF.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = env.apply(m.group(1));
                if (v == null) {
                    if (m.group(2) == null) {
                        throw fail(key, "environment variable " + m.group(1) + " is not set");
                    }
                    v = m.group(2);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private KpiException fail(String key, String reason) {
            return new KpiException(ExitCode.BAD_CONFIG, file + ": " + key + ": " + reason);
        }
    }
}
