package com.logisticskpi.delivery.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.logisticskpi.base.KpiException;
import com.logisticskpi.base.TaskletSteps;
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
 * The deliver step of a report job: mails the report with {@link MailDelivery}: the phone-first digest of the run's
 * report kind ({@link MailDigestBuilder}: the same lead period and headline KPIs as the workbook's Summary, in the
 * job's language, a few small charts inline, the "why" of red and amber KPIs from a {@link KpiWhy} bean when there is
 * one), the workbook the report step recorded ({@link DeliveryRunState#workbook}) attached, when an SMTP host is
 * configured ({@code kpi.delivery.host} or the job's {@code smtp.host}); otherwise it records {@value #OFF} and
 * succeeds. An SMTP failure fails the step with {@code DELIVERY_FAILED} (exit 5); the report files stay, and running
 * the same command again resumes here.
 */
@Component
public class DeliverStep {

    public static final String OFF = "delivery off: no SMTP host configured";
    private static final Logger LOG = LoggerFactory.getLogger(DeliverStep.class);

    private final JobRepository jobRepository;
    private final DeliveryProperties delivery;
    private final KpiService kpiService;
    private final KpiEngineProperties engine;
    private final ObjectProvider<KpiWhy> why;
    private RestatementFinder restatements;

    public DeliverStep(JobRepository jobRepository, DeliveryProperties delivery, KpiService kpiService,
                       KpiEngineProperties engine, ObjectProvider<KpiWhy> why) {
        this.jobRepository = jobRepository;
        this.delivery = delivery;
        this.kpiService = kpiService;
        this.engine = engine;
        this.why = why;
    }

    /** The figures of earlier reports the run changed: the mail says how many ("see the Summary sheet"). */
    @Autowired(required = false)
    public void setRestatements(RestatementFinder restatements) {
        this.restatements = restatements;
    }

    /** The step {@code name}, reading its {@link DeliveryOrder} from the job execution through {@code orderOf}. */
    public org.springframework.batch.core.step.Step step(String name, Function<JobExecution, DeliveryOrder> orderOf,
                                                          StepExecutionListener... listeners) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            StepExecution step = chunkContext.getStepContext().getStepExecution();
            JobExecution job = step.getJobExecution();
            deliver(orderOf.apply(job), DeliveryRunState.of(job), step, contribution);
            return RepeatStatus.FINISHED;
        };
        return TaskletSteps.of(name, jobRepository, tasklet, listeners);
    }

    private void deliver(DeliveryOrder order, DeliveryRunState state, StepExecution step, StepContribution contribution)
            throws IOException {
        SmtpSettings smtp = SmtpSettings.of(delivery).with(order.smtp());
        if (smtp.host() == null || smtp.host().isBlank()) {
            LOG.info(OFF);
            state.delivery(OFF);
            return;
        }
        long runId = state.finishedRunId();
        ReportKpis kpis = kpiService.reportOfRun(runId, order.date());
        Path workbook = state.workbook().orElseThrow(() -> new IllegalStateException("no workbook: the report step did not run"));
        long cap = order.attachmentMaxBytesOr(delivery.attachmentMaxSize().toBytes());
        Messages messages = new Messages(order.locale());
        ReportKind kind = ReportKind.forTemplate(order.template(), order.periodType());
        var request = new MailDigestBuilder.Request(kind, order.date(), order.asOf(), order.zone(), messages,
                order.subject(), runId);
        MailDigest digest = new MailDigestBuilder(why.getIfAvailable(() -> driversWhy(runId, kpis, messages, order.date())),
                new DigestCharts())
                .restated(restatements == null ? 0 : restatements.of(runId).size())
                .build(request, kpis, engine.effectiveTargets(), new MailDigestBuilder.Workbook(workbook, Files.size(workbook), cap));
        DeliveryReceipt receipt;
        try {
            receipt = new MailDelivery(smtp).send(
                    ReportMail.fromDigest(order.recipients(), cap, digest, workbook, messages.get("mail.sender")));
        } catch (KpiException e) {
            // An expected failure (server down, refused, bad settings): the step ends FAILED with the exit code as its
            // exit status and the one-line reason, without a stack trace on the console; a restart resumes here.
            LOG.info("deliver failed: {}", e.getMessage(), e);
            step.setStatus(BatchStatus.FAILED);
            contribution.setExitStatus(new ExitStatus(e.exitCode().name(), e.getMessage()));
            return;
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
    }

    /**
     * The mail's "why" line of a red or amber headline KPI: the same {@link WhyText} as the Summary's Why column, from
     * the run's stored drivers (kpis.md section 8) in the mail's language, for the period of the digest row.
     */
    private KpiWhy driversWhy(long runId, ReportKpis kpis, Messages messages, LocalDate date) {
        WhyText text = new WhyText(messages, kpiService.drivers(runId), kpis.values(), engine.effectiveTargets());
        return (kpi, period, value, status, locale) -> value == null ? Optional.empty()
                : Optional.of(text.line(value.periodType(), date, kpi.id()));
    }

    /**
     * A warning when the SMTP password may have gone out in clear text: authentication without required STARTTLS (the
     * delivery has no implicit-TLS mode). Null when there is no password or STARTTLS is required.
     */
    public static String clearTextWarning(SmtpSettings smtp) {
        if (smtp.password() == null || smtp.starttlsRequired()) {
            return null;
        }
        return "the SMTP password for " + smtp.host() + ":" + smtp.port() + " may go in clear text ("
                + (smtp.starttls() ? "STARTTLS only when the server offers it" : "STARTTLS off")
                + "): set kpi.delivery.starttls-required: true (or starttls in the job's smtp block)";
    }
}
