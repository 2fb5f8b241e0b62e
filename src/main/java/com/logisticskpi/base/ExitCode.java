package com.logisticskpi.base;

/** Process exit codes; documented in the README. */
public enum ExitCode {
    OK(0),
    FAILED(1),
    USAGE(2),
    ALREADY_COMPLETE(3),
    LOCKED(4),
    DELIVERY_FAILED(5),
    BAD_CONFIG(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
