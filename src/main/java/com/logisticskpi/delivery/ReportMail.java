package com.logisticskpi.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One report mail.
 *
 * @param recipients         To addresses (a job's recipients)
 * @param subject            subject line
 * @param html               the HTML body (e.g. from {@link DigestHtml}); it may reference the images as
 *                           {@code <img src="cid:ID">}
 * @param text               the text/plain alternative (e.g. from {@link DigestText}); null = HTML only
 * @param images             inline images (charts) referenced from the body by content id
 * @param attachment         the workbook, or null
 * @param attachmentMaxBytes above this size the attachment is replaced by its path in the body
 * @param senderName         display name of the sender when the configured {@code from} has none; may be null
 */
public record ReportMail(List<String> recipients, String subject, String html, String text, List<InlineImage> images,
                         Path attachment, long attachmentMaxBytes, String senderName) {

    private static final Pattern CID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * A picture shown inside the body: {@code contentId} is referenced as {@code cid:contentId}; {@code fileName}
     * names the part (a mail client that lists the pictures shows it).
     */
    public record InlineImage(String contentId, String fileName, byte[] bytes, String contentType) {
        public InlineImage {
            if (contentId == null || !CID.matcher(contentId).matches()) {
                throw new IllegalArgumentException("inline image id '" + contentId + "' must be letters, digits, '.', '_', '-'");
            }
            if (fileName == null || !CID.matcher(fileName).matches()) {
                fileName = contentId;
            }
        }

        public InlineImage(String contentId, byte[] bytes, String contentType) {
            this(contentId, contentId, bytes, contentType);
        }
    }

    /** An HTML-only mail without a sender name. */
    public ReportMail(List<String> recipients, String subject, String html, List<InlineImage> images, Path attachment,
                      long attachmentMaxBytes) {
        this(recipients, subject, html, null, images, attachment, attachmentMaxBytes, null);
    }

    /**
     * The mail of one job run: the job's recipients, the digest's subject, HTML and text, its charts inline, the
     * workbook and the attachment cap (the job's own, else {@code kpi.delivery.attachment-max-size}).
     */
    public static ReportMail fromDigest(List<String> recipients, long attachmentMaxBytes, MailDigest digest,
                                        Path workbook, String senderName) {
        List<InlineImage> images = digest.charts().stream()
                .map(c -> new InlineImage(c.contentId(), c.fileName(), c.png(), "image/png")).toList();
        return new ReportMail(recipients, digest.subject(), new DigestHtml().render(digest),
                new DigestText().render(digest), images, workbook, attachmentMaxBytes, senderName);
    }

    public ReportMail {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("a report mail needs at least one recipient");
        }
        recipients = List.copyOf(recipients);
        images = images == null ? List.of() : List.copyOf(images);
    }
}
