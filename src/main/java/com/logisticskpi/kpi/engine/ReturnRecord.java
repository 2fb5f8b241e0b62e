package com.logisticskpi.kpi.engine;

import java.time.Instant;

/** One return (a distinct return_id) with the reason, request and refund time of its row with the smallest valid line_no. */
public record ReturnRecord(String returnId, String orderId, String reasonCode, Instant requestedTime, Instant refundedTime) {
}
