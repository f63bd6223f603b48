package org.suxiu.workorder;

import java.time.Instant;

/**
 * Work paused (挂起), e.g. waiting for parts or for the owner.
 *
 * @param number order number
 * @param tenantId property company
 * @param reason why
 * @param at when
 */
public record WorkOrderHeld(String number, long tenantId, String reason, Instant at) implements WorkOrderEvent {
}
