package org.suxiu.workorder;

import java.time.Instant;

/**
 * The technician is on site (到场).
 *
 * @param number order number
 * @param tenantId property company
 * @param technicianId the technician
 * @param at when
 */
public record TechnicianArrived(String number, long tenantId, long technicianId, Instant at) implements WorkOrderEvent {
}
