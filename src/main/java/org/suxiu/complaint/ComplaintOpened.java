package org.suxiu.complaint;

import java.time.Instant;

import org.suxiu.shared.Category;

/**
 * A complaint was opened (投诉已受理). Carries no phone number.
 *
 * @param complaintId the complaint
 * @param tenantId property company
 * @param projectId project
 * @param number the order it is about, or {@code null}
 * @param technicianId the order's technician, or {@code null}
 * @param category the order's repair type, or {@code null}
 * @param channel where it came from
 * @param supervisorId the supervisor it was assigned to, or {@code null} when the project
 * has none
 * @param respondBy the respond clock's deadline
 * @param resolveBy the resolve clock's deadline
 * @param at when
 */
public record ComplaintOpened(long complaintId, long tenantId, long projectId, String number, Long technicianId,
		Category category, ComplaintChannel channel, Long supervisorId, Instant respondBy, Instant resolveBy,
		Instant at) {
}
