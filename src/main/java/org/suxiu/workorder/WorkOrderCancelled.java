package org.suxiu.workorder;

import java.time.Instant;

/**
 * The order was withdrawn before work began.
 *
 * @param number order number
 * @param tenantId property company
 * @param reason why
 * @param at when
 */
public record WorkOrderCancelled(String number, long tenantId, String reason, Instant at) implements WorkOrderEvent {
}
