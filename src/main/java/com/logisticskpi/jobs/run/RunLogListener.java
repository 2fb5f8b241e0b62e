package com.logisticskpi.jobs.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import com.logisticskpi.config.AppProperties;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * A log file per run: {@code <data-dir>/logs/<job>-<date>-<execution id>.log} receives everything the application logs
 * while that job execution runs (same levels as {@code kpi.log}, which still gets every line too).
 */
@Component
public class RunLogListener implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunLogListener.class);
    private final AppProperties app;
    private final Map<Long, FileAppender<ILoggingEvent>> appenders = new ConcurrentHashMap<>();

    public RunLogListener(AppProperties app) {
        this.app = app;
    }

    /** {@code <data-dir>/logs/<job>-<date>[-rerun<n>]-<execution id>.log}. */
    public static Path file(Path dataDir, JobExecution execution) {
        var p = execution.getJobParameters();
        Long rerun = p.getLong(RunParameters.RERUN);
        return dataDir.resolve("logs").resolve(p.getString(RunParameters.JOB) + "-" + p.getString(RunParameters.DATE)
                + (rerun == null ? "" : "-rerun" + rerun) + "-" + execution.getId() + ".log");
    }

    @Override
    public void beforeJob(JobExecution execution) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext lc)) {
            return;
        }
        Path file = file(app.dataDir(), execution).toAbsolutePath();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(lc);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(lc);
        appender.setName("run-" + execution.getId());
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        appenders.put(execution.getId(), appender);
        LOG.info("job {} for {} (execution {}) started; as of {}, inbox {}, out {}",
                execution.getJobParameters().getString(RunParameters.JOB),
                execution.getJobParameters().getString(RunParameters.DATE), execution.getId(),
                execution.getJobParameters().getString(RunParameters.AS_OF),
                execution.getJobParameters().getString(RunParameters.INBOX),
                execution.getJobParameters().getString(RunParameters.OUT));
    }

    @Override
    public void afterJob(JobExecution execution) {
        LOG.info("job execution {} ended {} ({})", execution.getId(), execution.getStatus(),
                execution.getExitStatus().getExitCode());
        FileAppender<ILoggingEvent> appender = appenders.remove(execution.getId());
        if (appender != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) {
            lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
