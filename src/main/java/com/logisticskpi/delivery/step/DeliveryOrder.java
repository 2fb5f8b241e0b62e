package com.logisticskpi.delivery.step;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.logisticskpi.delivery.SmtpOverride;
import com.logisticskpi.kpi.PeriodType;

/**
 * What the deliver step needs of its job: the report (date, period type, {@code as_of}, zone, language, template name
 * or file, which with the period type picks the report kind), and the mail (recipients, the subject with its
 * placeholders filled in, the job's own SMTP settings or null for {@code kpi.delivery.*}, and the job's attachment cap
 * or null for {@code kpi.delivery.attachment-max-size}).
 */
public record DeliveryOrder(LocalDate date, PeriodType periodType, Instant asOf, ZoneId zone, Locale locale,
                            String template, List<String> recipients, String subject, SmtpOverride smtp,
                            Long attachmentMaxBytes) {

    public DeliveryOrder {
        recipients = List.copyOf(recipients);
    }

    /** This order's attachment cap, else {@code deliveryDefault} (kpi.delivery.attachment-max-size). */
    public long attachmentMaxBytesOr(long deliveryDefault) {
        return attachmentMaxBytes != null ? attachmentMaxBytes : deliveryDefault;
    }
}
