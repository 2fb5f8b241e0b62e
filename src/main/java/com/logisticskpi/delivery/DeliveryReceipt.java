package com.logisticskpi.delivery;

import java.util.List;

/**
 * What was sent.
 *
 * @param recipients      the To addresses
 * @param server          host:port of the SMTP server
 * @param attached        whether the workbook went as an attachment (false: too big, its path is in the body)
 * @param attachmentBytes the workbook's size (0 without one)
 * @param messageId       the Message-ID header
 */
public record DeliveryReceipt(List<String> recipients, String server, boolean attached, long attachmentBytes,
                              String messageId) {
}
