package com.logisticskpi.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.KpiException;
import com.logisticskpi.delivery.DeliveryProperties;
import com.logisticskpi.delivery.DeliveryReceipt;
import com.logisticskpi.delivery.DigestCharts;
import com.logisticskpi.delivery.KpiWhy;
import com.logisticskpi.delivery.MailDelivery;
import com.logisticskpi.delivery.MailDigest;
import com.logisticskpi.delivery.MailDigestBuilder;
import com.logisticskpi.delivery.ReportMail;
import com.logisticskpi.delivery.SmtpSettings;
import com.logisticskpi.kpi.engine.KpiEngineProperties;
import com.logisticskpi.kpi.restate.RestatementFinder;
import com.logisticskpi.kpi.service.KpiService;
import com.logisticskpi.kpi.service.ReportKpis;
import com.logisticskpi.report.Messages;
import com.logisticskpi.report.ReportKind;
import com.logisticskpi.report.WhyText;

/**
 * Mails the report with {@link MailDelivery}: the phone-first digest of the run's report kind
 * ({@link MailDigestBuilder}: the same lead period and headline KPIs as the workbook's Summary, in the job's
 * language, a few small charts inline, the "why" of red and amber KPIs from a {@link KpiWhy} bean when there is one),
 * the workbook attached, when an SMTP host is configured ({@code kpi.delivery.host} or the job's {@code smtp.host});
 * otherwise it records "delivery off: no SMTP host configured" and succeeds. An SMTP failure fails the step with
 * {@code DELIVERY_FAILED} (exit 5); the report files stay, and running the same command again resumes here.
 */
@Component
public class DeliverTasklet implements Tasklet {

    public static final String OFF = "delivery off: no SMTP host configured";
    private static final Logger LOG = LoggerFactory.getLogger(DeliverTasklet.class);

    private final DeliveryProperties delivery;
    private final KpiService kpiService;
    private final KpiEngineProperties engine;
    private final ObjectProvider<KpiWhy> why;
    private RestatementFinder restatements;

    public DeliverTasklet(DeliveryProperties delivery, KpiService kpiService, KpiEngineProperties engine,
                          ObjectProvider<KpiWhy> why) {
        this.delivery = delivery;
        this.kpiService = kpiService;
        this.engine = engine;
        this.why = why;
    }

    /** The figures of earlier reports the run changed: the mail says how many ("see the Summary sheet"). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setRestatements(RestatementFinder restatements) {
        this.restatements = restatements;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunParameters.Run run = RunParameters.Run.of(job.getJobParameters());
        SmtpSettings smtp = SmtpSettings.of(delivery).with(run.definition().smtp());
        if (smtp.host() == null || smtp.host().isBlank()) {
            LOG.info(OFF);
            RunState.of(job).delivery(OFF);
            return RepeatStatus.FINISHED;
        }
        RunState state = RunState.of(job);
        long runId = state.finishedRunId();
        ReportKpis kpis = kpiService.reportOfRun(runId, run.period().lastDate());
        Path workbook = state.workbook().orElseThrow(() -> new IllegalStateException("no workbook: the report step did not run"));
        long cap = run.definition().attachmentMaxBytesOr(delivery.attachmentMaxSize().toBytes());
        Messages messages = new Messages(run.definition().locale());
        ReportKind kind = ReportKind.forTemplate(run.definition().template(), run.period().type());
        var request = new MailDigestBuilder.Request(kind, run.period().lastDate(), run.asOf(), run.zone(), messages,
                run.definition().subjectFor(run.period()), runId);
        MailDigest digest = new MailDigestBuilder(why.getIfAvailable(() -> driversWhy(runId, kpis, messages, run)), new DigestCharts())
                .restated(restatements == null ? 0 : restatements.of(runId).size())
                .build(request, kpis, engine.effectiveTargets(), new MailDigestBuilder.Workbook(workbook, Files.size(workbook), cap));
        DeliveryReceipt receipt;
        try {
            receipt = new MailDelivery(smtp).send(
                    ReportMail.fromDigest(run.definition().recipients(),
                            run.definition().attachmentMaxBytesOr(delivery.attachmentMaxSize().toBytes()), digest, workbook,
                            messages.get("mail.sender")));
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
        state.delivery(status);
        contribution.incrementWriteCount(1);
        LOG.info("deliver: {}", status);
        return RepeatStatus.FINISHED;
    }

    /**
     * The mail's "why" line of a red or amber headline KPI: the same {@link WhyText} as the Summary's Why column, from
     * the run's stored drivers (kpis.md section 8) in the mail's language, for the period of the digest row.
     */
    private KpiWhy driversWhy(long runId, ReportKpis kpis, Messages messages, RunParameters.Run run) {
        WhyText text = new WhyText(messages, kpiService.drivers(runId), kpis.values(), engine.effectiveTargets());
        java.time.LocalDate date = run.period().lastDate();
        return (kpi, period, value, status, locale) -> value == null ? java.util.Optional.empty()
                : java.util.Optional.of(text.line(value.periodType(), date, kpi.id()));
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
