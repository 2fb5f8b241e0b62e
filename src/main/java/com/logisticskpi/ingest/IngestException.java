package com.logisticskpi.ingest;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/** A whole file (or the whole run) cannot be ingested; the message names the file or inbox and the cause. */
public class IngestException extends KpiException {

    public IngestException(String message) {
        super(ExitCode.FAILED, message);
    }

    public IngestException(String message, Throwable cause) {
        super(ExitCode.FAILED, message, cause);
    }
}
