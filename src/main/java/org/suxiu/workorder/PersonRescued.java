package org.suxiu.workorder;

import java.time.Instant;

/**
 * The people trapped in a lift are out (被困人员已解救): the milestone that matters most on an
 * entrapment call, recorded once, before the repair itself is done.
 *
 * @param number order number
 * @param tenantId property company
 * @param technicianId the technician who freed them
 * @param reportedAt when the entrapment was reported, to measure the time to rescue
 * @param at when they were freed
 */
public record PersonRescued(String number, long tenantId, long technicianId, Instant reportedAt,
		Instant at) implements WorkOrderEvent {
}
