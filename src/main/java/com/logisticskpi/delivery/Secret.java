package com.logisticskpi.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * A password read from an environment variable or a file, never from the command line or a literal in a file.
 * {@link #toString()} never shows the value.
 */
public final class Secret {

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    public static Secret fromEnvironment(String variable, String value) {
        return new Secret(value, "environment variable " + variable);
    }

    /** Reads the first line of {@code file} (a trailing newline is not part of the password). */
    public static Secret fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String first = (nl >= 0 ? text.substring(0, nl) : text).replace("\r", "");
            if (first.isEmpty()) {
                throw new KpiException(ExitCode.BAD_CONFIG, "password file " + file + " is empty");
            }
            return new Secret(first, "file " + file);
        } catch (IOException e) {
            throw new KpiException(ExitCode.BAD_CONFIG, "cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }

    public String value() {
        return value;
    }

    /** Where the value came from, for messages (never the value itself). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "***(" + source + ")";
    }
}
