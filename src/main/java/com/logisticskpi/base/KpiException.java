package com.logisticskpi.base;

/**
 * A failure the user can act on: the CLI prints its message as the one-line reason and exits with its code.
 * Features throw it (or a subclass) with a message that names the file, date or setting at fault.
 */
public class KpiException extends RuntimeException {

    private final ExitCode exitCode;

    public KpiException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public KpiException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
