package org.suxiu.workorder;

import java.time.Instant;

/**
 * The reporting owner hurried the order (催单): dispatchers are told, and from the second
 * hurry on supervisors as well.
 *
 * @param number order number
 * @param tenantId property company
 * @param nth which hurry of the owner's on this order, from 1
 * @param at when
 */
public record WorkOrderHurried(String number, long tenantId, int nth, Instant at) implements WorkOrderEvent {

	/** From the second hurry on the order is escalated to supervisors. */
	public boolean escalates() {
		return nth >= 2;
	}

}
