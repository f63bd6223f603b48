package org.suxiu.workorder;

import java.time.Instant;

/**
 * The technician finished the repair (完工).
 *
 * @param number order number
 * @param tenantId property company
 * @param technicianId the technician
 * @param at when
 */
public record WorkCompleted(String number, long tenantId, long technicianId, Instant at) implements WorkOrderEvent {
}
