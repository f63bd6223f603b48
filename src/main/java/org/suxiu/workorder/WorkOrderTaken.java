package org.suxiu.workorder;

import java.time.Instant;

/**
 * The technician accepted the job (接单).
 *
 * @param number order number
 * @param tenantId property company
 * @param technicianId the technician
 * @param at when
 */
public record WorkOrderTaken(String number, long tenantId, long technicianId, Instant at) implements WorkOrderEvent {
}
