package org.suxiu.workorder;

import java.time.Instant;

/**
 * The owner did not accept within the set days of completion, so the system accepted the
 * work (自动验收), without a rating.
 *
 * @param number order number
 * @param tenantId property company
 * @param at when
 */
public record WorkOrderAutoAccepted(String number, long tenantId, Instant at) implements WorkOrderEvent {
}
