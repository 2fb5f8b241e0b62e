package com.logisticskpi.ingest;

import com.logisticskpi.cli.ExitCode;
import com.logisticskpi.cli.KpiException;

/** A whole file (or the whole run) cannot be ingested; the message names the file or inbox and the cause. */
public class IngestException extends KpiException {

    public IngestException(String message) {
        super(ExitCode.FAILED, message);
    }

    public IngestException(String message, Throwable cause) {
        super(ExitCode.FAILED, message, cause);
    }
}
