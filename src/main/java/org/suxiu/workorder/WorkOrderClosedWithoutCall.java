package org.suxiu.workorder;

import java.time.Instant;

/**
 * An accepted order closed without a follow-up call: it was not chosen for one, or the
 * owner could not be reached.
 *
 * @param number order number
 * @param tenantId property company
 * @param why {@code NOT_SAMPLED} or {@code NOT_REACHED}
 * @param at when
 */
public record WorkOrderClosedWithoutCall(String number, long tenantId, String why,
		Instant at) implements WorkOrderEvent {
}
