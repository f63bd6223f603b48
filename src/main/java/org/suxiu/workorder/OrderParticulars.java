package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Grade;

/**
 * What a notice about an order tells people: where, what, who reported it and who is
 * coming. Phone numbers are in full; whoever shows them masks them for their audience.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param grade current grade
 * @param status current status
 * @param description the fault as reported
 * @param place where, as people write it ({@code 示范花园 1-1-101})
 * @param reporterName who reported it
 * @param reporterPhone their number
 * @param reporterOwnerId the reporter's owner account, or {@code null} for a caller
 * without one
 * @param assigneeId the technician, or {@code null}
 * @param assigneeName the technician's name, or {@code null}
 * @param assigneePhone the technician's number, or {@code null}
 * @param appointmentFrom start of the agreed visit window, or {@code null}
 * @param appointmentTo end of the agreed visit window, or {@code null}
 * @param arriveBy the promised arrival, or {@code null}
 */
public record OrderParticulars(String number, long tenantId, long projectId, Grade grade, Status status,
		String description, String place, String reporterName, String reporterPhone, Long reporterOwnerId,
		Long assigneeId, String assigneeName, String assigneePhone, Instant appointmentFrom, Instant appointmentTo,
		Instant arriveBy) {
}
