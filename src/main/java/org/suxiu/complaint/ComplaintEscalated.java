package org.suxiu.complaint;

import java.time.Instant;

/**
 * A complaint's clock ran out before its step was taken (投诉超时升级): the supervisor and the
 * project's managers are told, as for an L2 breach.
 *
 * @param complaintId the complaint
 * @param tenantId property company
 * @param projectId project
 * @param number the order it is about, or {@code null}
 * @param technicianId the order's technician, or {@code null}
 * @param clock {@code respond} or {@code resolve}
 * @param deadline the deadline that passed
 * @param supervisorId the supervisor in charge, or {@code null}
 * @param at when
 */
public record ComplaintEscalated(long complaintId, long tenantId, long projectId, String number, Long technicianId,
		String clock, Instant deadline, Long supervisorId, Instant at) {
}
