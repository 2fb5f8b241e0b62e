package com.logisticskpi.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.PropertyPlaceholderHelper;
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
 * Reads and validates a job file ({@code jobs/nightly.yml} ...): SnakeYAML reads it, Spring Boot's {@link Binder}
 * binds it to a {@link JobFile} record (conversion of numbers, sizes, booleans and lists; {@code ${ENV_VAR}} and
 * {@code ${ENV_VAR:default}} in every value, resolved from the environment by Spring's
 * {@link PropertyPlaceholderHelper}), and {@link JobFile#validate} checks the rest; {@code --set key=value} overrides one value for one run (dotted keys for the
 * {@code smtp} block). Passwords come only from an environment variable ({@code password: ${VAR}}) or a file
 * ({@code password-file:}); a literal password or a password on the command line is refused.
 * Every problem is a {@link KpiException} with {@link ExitCode#BAD_CONFIG} (a password in {@code --set}:
 * {@link ExitCode#USAGE}) and a one-line message naming the file and the key.
 */
public class JobDefinitionLoader {

    static final Set<String> KEYS = Set.of("name", "schedule", "business-date", "zone", "inbox", "archive-dir", "out-dir",
            "template", "locale", "recipients", "subject", "attachment-max-size", "retention-days", "smtp");
    static final Set<String> SMTP_KEYS = Set.of("host", "port", "username", "password", "password-file", "starttls", "from");
    private static final Pattern ONLY_ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

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
        if (job == null || !JobFile.NAME.matcher(job).matches()) {
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
        return bind(file, raw);
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

    /** Binds one raw document to a {@link JobFile} and validates it; every failure names the file and the key. */
    private JobDefinition bind(Path file, Map<String, Object> raw) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (!KEYS.contains(key) || !ConfigurationPropertyName.isValid(key)) {
                throw fail(file, key, "unknown key (expected one of " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
            if (key.equals("smtp")) {
                if (!(v instanceof Map<?, ?> smtp)) {
                    throw fail(file, "smtp", "must be a mapping of host, port, username, password / password-file, starttls, from");
                }
                for (Map.Entry<?, ?> s : smtp.entrySet()) {
                    String k = String.valueOf(s.getKey());
                    if (!SMTP_KEYS.contains(k)) {
                        throw fail(file, "smtp." + k, "unknown key (expected one of " + String.join(", ", new TreeSet<>(SMTP_KEYS)) + ")");
                    }
                    if (s.getValue() instanceof Map<?, ?> || s.getValue() instanceof List<?>) {
                        throw fail(file, "smtp." + k, "must be a single value");
                    }
                    if (s.getValue() != null) {
                        flat.put("job.smtp." + k, String.valueOf(s.getValue()));
                    }
                }
            } else if (v instanceof List<?> list && key.equals("recipients")) {
                for (int i = 0; i < list.size(); i++) {
                    flat.put("job.recipients[" + i + "]", String.valueOf(list.get(i)));
                }
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw fail(file, key, "must be a single value");
            } else if (v != null) {
                flat.put("job." + key, String.valueOf(v));
            }
        }
        Secret envPassword = password(file, flat.remove("job.smtp.password"), flat.containsKey("job.smtp.password-file"));
        EnvironmentPlaceholders placeholders = new EnvironmentPlaceholders(env);
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(flat)), placeholders);
        JobFile bound;
        try {
            bound = binder.bindOrCreate("job", Bindable.of(JobFile.class));
        } catch (BindException e) {
            throw bindFailure(file, e);
        }
        String fileName = file.getFileName().toString();
        String defaultName = fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : fileName;
        Secret password = envPassword;
        if (bound.smtp() != null && bound.smtp().passwordFile() != null) {
            try {
                password = Secret.fromFile(Path.of(bound.smtp().passwordFile()));
            } catch (KpiException e) {
                throw fail(file, "smtp.password-file", e.getMessage());
            }
        }
        return bound.validate(defaultName, password, (key, reason) -> fail(file, key, reason));
    }

    /** {@code password: ${VAR}} only: the variable must be set and not empty; never a literal. */
    private Secret password(Path file, Object literal, boolean hasFile) {
        if (literal == null) {
            return null;
        }
        if (hasFile) {
            throw fail(file, "smtp.password", "give either password (${ENV_VAR}) or password-file, not both");
        }
        Matcher ref = ONLY_ENV_REF.matcher(String.valueOf(literal).trim());
        if (!ref.matches()) {
            throw fail(file, "smtp.password", "a literal password is not accepted; use ${ENV_VAR} or password-file");
        }
        String value = env.apply(ref.group(1));
        if (value == null || value.isEmpty()) {
            throw fail(file, "smtp.password", "environment variable " + ref.group(1) + " is not set");
        }
        return Secret.fromEnvironment(ref.group(1), value);
    }

    /** The binder's failure as one line: an unset variable, or a value of the wrong kind for its key. */
    private static KpiException bindFailure(Path file, BindException e) {
        String key = e.getName().toString().replaceFirst("^job\\.?", "").replaceAll("\\[\\d+]$", "");
        Object value = e.getProperty() == null ? null : e.getProperty().getValue();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof EnvironmentPlaceholders.Unset u) {
                return fail(file, key, "environment variable " + u.variable + " is not set");
            }
        }
        String what = switch (key) {
            case "attachment-max-size" -> "is not a size such as 10MB, 512KB or 1048576";
            case "retention-days" -> "is not a whole number of at least 1";
            case "smtp.port" -> "is not a port number";
            case "smtp.starttls" -> "is not true or false";
            default -> "is not a valid value";
        };
        return fail(file, key, "'" + value + "' " + what);
    }

    private static KpiException fail(Path file, String key, String reason) {
        return new KpiException(ExitCode.BAD_CONFIG, file + ": " + key + ": " + reason);
    }

    /**
     * Resolves {@code ${VAR}} and {@code ${VAR:default}} from the environment with Spring's
     * {@link PropertyPlaceholderHelper}; an unset variable without a default is an {@link Unset} failure.
     */
    private static final class EnvironmentPlaceholders implements PlaceholdersResolver {
        private final PropertyPlaceholderHelper helper = new PropertyPlaceholderHelper("${", "}", ":", null, false);
        private final Function<String, String> env;

        EnvironmentPlaceholders(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public Object resolvePlaceholders(Object value) {
            if (!(value instanceof String text)) {
                return value;
            }
            String[] lastUnset = {null};
            try {
                return helper.replacePlaceholders(text, name -> {
                    String v = env.apply(name);
                    if (v == null) {
                        lastUnset[0] = name;                // a default may still apply
                    }
                    return v;
                });
            } catch (IllegalArgumentException e) {
                throw new Unset(lastUnset[0] != null ? lastUnset[0] : "?", e);
            }
        }

        static final class Unset extends IllegalArgumentException {
            final String variable;

            Unset(String variable, Throwable cause) {
                super("environment variable " + variable + " is not set", cause);
                this.variable = variable;
            }
        }
    }
}
