package org.suxiu.workorder;

import java.time.Instant;

/**
 * Repair work began (维修中).
 *
 * @param number order number
 * @param tenantId property company
 * @param technicianId the technician
 * @param at when
 */
public record WorkStarted(String number, long tenantId, long technicianId, Instant at) implements WorkOrderEvent {
}
