package org.suxiu.workorder;

import java.time.Instant;

/**
 * A job being worked was put on hold because its technician was sent to an emergency; its
 * owner should hear why the technician left and that the job will be finished.
 *
 * @param number the interrupted order
 * @param tenantId property company
 * @param technicianId the technician called away
 * @param emergency the emergency order they were sent to
 * @param at when
 */
public record WorkOrderInterrupted(String number, long tenantId, long technicianId, String emergency,
		Instant at) implements WorkOrderEvent {
}
