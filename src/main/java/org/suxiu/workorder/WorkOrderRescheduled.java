package org.suxiu.workorder;

import java.time.Instant;

/**
 * A new visit window was agreed with the owner (R7: warn in advance, apologise, agree a
 * new time).
 *
 * @param number order number
 * @param tenantId property company
 * @param from start of the new window
 * @param to end of the new window
 * @param reason why
 * @param at when
 */
public record WorkOrderRescheduled(String number, long tenantId, Instant from, Instant to, String reason,
		Instant at) implements WorkOrderEvent {
}
