package org.suxiu.workorder;

import java.time.Instant;

/**
 * The technician handed the order back before taking it.
 *
 * @param number order number
 * @param tenantId property company
 * @param technicianId the technician
 * @param reason why
 * @param at when
 */
public record WorkOrderDeclined(String number, long tenantId, long technicianId, String reason,
		Instant at) implements WorkOrderEvent {
}
