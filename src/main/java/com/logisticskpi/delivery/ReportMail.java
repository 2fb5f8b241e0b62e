package com.logisticskpi.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One report mail.
 *
 * @param recipients         To addresses (a job's recipients)
 * @param subject            subject line
 * @param html               the HTML body (e.g. from {@link SummaryHtmlRenderer}); it may reference the images as
 *                           {@code <img src="cid:ID">}
 * @param images             inline images (charts) referenced from the body by content id
 * @param attachment         the workbook, or null
 * @param attachmentMaxBytes above this size the attachment is replaced by its path in the body
 */
public record ReportMail(List<String> recipients, String subject, String html, List<InlineImage> images, Path attachment,
                         long attachmentMaxBytes) {

    private static final Pattern CID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A picture shown inside the body: {@code contentId} is referenced as {@code cid:contentId}. */
    public record InlineImage(String contentId, byte[] bytes, String contentType) {
        public InlineImage {
            if (contentId == null || !CID.matcher(contentId).matches()) {
                throw new IllegalArgumentException("inline image id '" + contentId + "' must be letters, digits, '.', '_', '-'");
            }
        }
    }

    /**
     * The mail of one job run: the job's recipients, its subject for the period, and its attachment cap (else
     * {@code kpi.delivery.attachment-max-size}).
     */
    public static ReportMail forJob(com.logisticskpi.jobs.JobDefinition job, com.logisticskpi.jobs.BusinessPeriod period,
                                    DeliveryProperties delivery, String html, List<InlineImage> images, Path workbook) {
        return new ReportMail(job.recipients(), job.subjectFor(period), html, images, workbook,
                job.attachmentMaxBytesOr(delivery.attachmentMaxSize().toBytes()));
    }

    public ReportMail {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("a report mail needs at least one recipient");
        }
        recipients = List.copyOf(recipients);
        images = images == null ? List.of() : List.copyOf(images);
    }
}
