package com.logisticskpi.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.logisticskpi.cli.KpiException;
import com.logisticskpi.delivery.DeliveryProperties;
import com.logisticskpi.delivery.DeliveryReceipt;
import com.logisticskpi.delivery.MailDelivery;
import com.logisticskpi.delivery.ReportMail;
import com.logisticskpi.delivery.SmtpSettings;
import com.logisticskpi.delivery.SummaryHtmlRenderer;
import com.logisticskpi.kpi.KpiService;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.ReportKpis;
import com.logisticskpi.kpi.engine.KpiEngineProperties;

/**
 * Mails the report (summary table of the run's period and the charts inline, workbook attached) with
 * {@link MailDelivery}, when an SMTP host is configured ({@code kpi.delivery.host} or the job's {@code smtp.host});
 * otherwise it records "delivery off: no SMTP host configured" and succeeds. An SMTP failure fails the step with
 * {@code DELIVERY_FAILED} (exit 5); the report files stay, and running the same command again resumes here.
 */
@Component
public class DeliverTasklet implements Tasklet {

    /** Job execution context key: one line saying what delivery did. */
    public static final String STATUS = "delivery.status";
    public static final String OFF = "delivery off: no SMTP host configured";
    private static final Logger LOG = LoggerFactory.getLogger(DeliverTasklet.class);

    private final DeliveryProperties delivery;
    private final KpiService kpiService;
    private final KpiEngineProperties engine;

    public DeliverTasklet(DeliveryProperties delivery, KpiService kpiService, KpiEngineProperties engine) {
        this.delivery = delivery;
        this.kpiService = kpiService;
        this.engine = engine;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
        SmtpSettings smtp = SmtpSettings.of(delivery).with(run.definition().smtp());
        if (smtp.host() == null || smtp.host().isBlank()) {
            LOG.info(OFF);
            job.getExecutionContext().putString(STATUS, OFF);
            return RepeatStatus.FINISHED;
        }
        long runId = job.getExecutionContext().getLong(ComputeTasklet.RUN_ID);
        PeriodType type = run.period().type();
        ReportKpis kpis = kpiService.reportOfRun(runId, run.period().lastDate());
        List<ReportMail.InlineImage> images = new ArrayList<>();
        String charts = job.getExecutionContext().getString(ReportTasklet.CHARTS, "");
        for (String c : charts.isEmpty() ? new String[0] : charts.split("\n")) {
            Path png = Path.of(c);
            images.add(new ReportMail.InlineImage(contentId(png), Files.readAllBytes(png), "image/png"));
        }
        String subject = run.definition().subjectFor(run.period());
        String html = new SummaryHtmlRenderer().render(subject, run.period().label(),
                kpis.ofPeriod(type, kpis.period(type)), kpis.ofPeriod(type, kpis.previousPeriod(type, 1)),
                engine.effectiveTargets(), images.stream().map(ReportMail.InlineImage::contentId).toList());
        Path workbook = Path.of(job.getExecutionContext().getString(ReportTasklet.WORKBOOK));
        DeliveryReceipt receipt;
        try {
            receipt = new MailDelivery(smtp).send(
                    ReportMail.forJob(run.definition(), run.period(), delivery, html, images, workbook));
        } catch (KpiException e) {
            // An expected failure (server down, refused, bad settings): the step ends FAILED with the exit code as its
            // exit status and the one-line reason, without a stack trace on the console; a restart resumes here.
            LOG.info("deliver failed: {}", e.getMessage(), e);
            var step = chunkContext.getStepContext().getStepExecution();
            step.setStatus(BatchStatus.FAILED);
            contribution.setExitStatus(new ExitStatus(e.exitCode().name(), e.getMessage()));
            return RepeatStatus.FINISHED;
        }
        String status = "mailed to " + receipt.recipients().size() + " recipient(s) via " + receipt.server()
                + (receipt.attached() ? ", workbook attached" : ", workbook too big to attach (path in the mail)");
        String clearText = clearTextWarning(smtp);
        if (clearText != null) {
            LOG.warn("deliver: {}", clearText);
            status += "; WARNING: " + clearText;
        }
        job.getExecutionContext().putString(STATUS, status);
        contribution.incrementWriteCount(1);
        LOG.info("deliver: {}", status);
        return RepeatStatus.FINISHED;
    }

    /**
     * A warning when the SMTP password may have gone out in clear text: authentication without required STARTTLS (the
     * delivery has no implicit-TLS mode). Null when there is no password or STARTTLS is required.
     */
    static String clearTextWarning(SmtpSettings smtp) {
        if (smtp.password() == null || smtp.starttlsRequired()) {
            return null;
        }
        return "the SMTP password for " + smtp.host() + ":" + smtp.port() + " may go in clear text ("
                + (smtp.starttls() ? "STARTTLS only when the server offers it" : "STARTTLS off")
                + "): set kpi.delivery.starttls-required: true (or starttls in the job's smtp block)";
    }

    /** {@code charts/on_time_trend.png} -> {@code on_time_trend}, restricted to the characters a content id allows. */
    static String contentId(Path png) {
        String n = png.getFileName().toString();
        if (n.endsWith(".png")) {
            n = n.substring(0, n.length() - 4);
        }
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.length() > 64 ? n.substring(0, 64) : n;
    }
}
