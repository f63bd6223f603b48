package org.suxiu.workorder;

import java.time.Instant;

/**
 * Paused work went on.
 *
 * @param number order number
 * @param tenantId property company
 * @param at when
 */
public record WorkOrderResumed(String number, long tenantId, Instant at) implements WorkOrderEvent {
}
