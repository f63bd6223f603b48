package org.suxiu.workorder;

import java.time.Instant;

/**
 * Customer service made the follow-up call (回访) and closed the order.
 *
 * @param number order number
 * @param tenantId property company
 * @param satisfied whether the owner was satisfied
 * @param at when
 */
public record WorkOrderClosed(String number, long tenantId, boolean satisfied, Instant at) implements WorkOrderEvent {
}
