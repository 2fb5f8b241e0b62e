package com.logisticskpi.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * Sends a report mail through SMTP (Spring's JavaMailSender on Jakarta Mail): a text/plain and an HTML alternative,
 * inline images by content id (each part named by its file name), the sender's display name when {@code from} has
 * none, and the workbook as an attachment, unless it is above the size cap, in which case the body says where the file is.
 * Connect, read and write timeouts are always set, so an unreachable or stuck server fails the delivery in bounded
 * time. A transient failure (connection refused, a timeout, a 4xx reply) is tried again, {@code kpi.delivery.retry.*}
 * bounds how often. Any failure is a {@link KpiException} with {@link ExitCode#DELIVERY_FAILED} and a one-line message naming
 * the SMTP server.
 */
public class MailDelivery {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final SmtpSettings smtp;

    public MailDelivery(SmtpSettings smtp) {
        this.smtp = smtp;
    }

    public DeliveryReceipt send(ReportMail mail) {
        smtp.requireHost();
        JavaMailSenderImpl sender = sender();
        long size = 0;
        boolean attach = false;
        if (mail.attachment() != null) {
            try {
                size = Files.size(mail.attachment());
            } catch (IOException e) {
                throw new KpiException(ExitCode.DELIVERY_FAILED, "cannot read the attachment " + mail.attachment() + ": " + e.getMessage(), e);
            }
            attach = size <= mail.attachmentMaxBytes();
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            InternetAddress from = new InternetAddress(smtp.from(), true);
            if ((from.getPersonal() == null || from.getPersonal().isBlank()) && mail.senderName() != null) {
                from.setPersonal(mail.senderName(), "UTF-8");
            }
            helper.setFrom(from);
            helper.setTo(mail.recipients().toArray(String[]::new));
            helper.setSubject(mail.subject());
            String html = mail.html();
            if (mail.attachment() != null && !attach && !html.contains("data-workbook-note")) {
                html = withNote(html, tooBigNote(mail, size));
            }
            if (mail.text() != null) {
                helper.setText(mail.text(), html);           // multipart/alternative: text/plain, then text/html
            } else {
                helper.setText(html, true);                  // the text must be set before the inline parts
            }
            for (ReportMail.InlineImage image : mail.images()) {
                helper.addInline(image.contentId(), image.fileName(), new ByteArrayResource(image.bytes()), image.contentType());
            }
            if (attach) {
                helper.addAttachment(mail.attachment().getFileName().toString(), new FileSystemResource(mail.attachment()), XLSX);
            }
            int attempts = sendWithRetry(sender, message);
            LOG.info("mailed '{}' to {} via {} ({}{})", mail.subject(), mail.recipients(), smtp.server(),
                    mail.attachment() == null ? "no attachment" : attach ? "attached " + size + " bytes" : "path only, " + size + " bytes",
                    attempts > 1 ? ", at attempt " + attempts : "");
            return new DeliveryReceipt(mail.recipients(), smtp.server(), attach, size, message.getMessageID());
        } catch (MailException | MessagingException | java.io.UnsupportedEncodingException e) {
            throw new KpiException(ExitCode.DELIVERY_FAILED, "mail to " + mail.recipients().size() + " recipient(s) via SMTP "
                    + smtp.server() + " failed: " + rootMessage(e), e);
        } catch (RetryException e) {
            Throwable last = e.getLastException();
            int tried = e.getRetryCount() + 1;
            throw new KpiException(ExitCode.DELIVERY_FAILED, "mail to " + mail.recipients().size() + " recipient(s) via SMTP "
                    + smtp.server() + " failed" + (tried > 1 ? " after " + tried + " attempts" : "") + ": "
                    + rootMessage(last == null ? e : last), last == null ? e : last);
        }
    }

    /**
     * Sends with Spring's {@link RetryTemplate}: a transient failure ({@link SmtpFailures}) is tried again up to
     * {@code kpi.delivery.retry.max-attempts} attempts in all, waiting {@code delay}, then twice as long each time;
     * each retry is logged. A permanent failure ends at once. Returns the number of attempts made.
     */
    private int sendWithRetry(JavaMailSenderImpl sender, MimeMessage message) throws RetryException {
        DeliveryProperties.Retry retry = smtp.retry();
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(retry.maxAttempts() - 1)
                .delay(retry.delay())
                .multiplier(2)
                .predicate(SmtpFailures::isTransient)
                .build();
        RetryTemplate template = new RetryTemplate(policy);
        int[] attempts = {0};
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy p, Retryable<?> r, RetryState state) {
                LOG.warn("mail via {}: attempt {} of {} failed ({}), a transient failure: trying again", smtp.server(),
                        state.getRetryCount(), retry.maxAttempts(), rootMessage(state.getLastException()));
            }
        });
        template.execute(() -> {
            attempts[0]++;
            sender.send(message);
            return null;
        });
        return attempts[0];
    }

    JavaMailSenderImpl sender() {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(smtp.host());
        s.setPort(smtp.port());
        s.setDefaultEncoding("UTF-8");
        Properties p = new Properties();
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(smtp.connectionTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(smtp.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(smtp.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls() || smtp.starttlsRequired()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.starttlsRequired()));
        if (smtp.username() != null) {
            s.setUsername(smtp.username());
            s.setPassword(smtp.password() == null ? null : smtp.password().value());
            p.setProperty("mail.smtp.auth", "true");
        }
        s.setJavaMailProperties(p);
        return s;
    }

    private static String tooBigNote(ReportMail mail, long size) {
        return "<p style=\"font-family:sans-serif\">The workbook <b>" + Html.escape(mail.attachment().getFileName().toString())
                + "</b> (" + megabytes(size) + ") is larger than the mail limit of " + megabytes(mail.attachmentMaxBytes())
                + " and is not attached. It is stored at: <code>" + Html.escape(mail.attachment().toAbsolutePath().toString())
                + "</code></p>";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String withNote(String html, String note) {
        int body = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return body < 0 ? html + note : html.substring(0, body) + note + html.substring(body);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return m.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
