package com.logisticskpi.report.template;

/** The report template is missing, unreadable, unsafe or lacks a defined name the writer needs. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
