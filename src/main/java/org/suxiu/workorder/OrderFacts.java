package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * What other modules may read of an order without seeing the aggregate: the one read
 * record of the module. Phone numbers are in full; whoever shows them masks them for
 * their audience.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param grade current grade
 * @param status current status
 * @param reportedAt when the fault was reported; clocks start here
 * @param createdAt when the order was recorded
 * @param appointmentFrom start of the agreed window, or {@code null}
 * @param appointmentTo end of the agreed window, or {@code null}
 * @param holdReason why work is paused, when ON_HOLD
 * @param category repair type
 * @param building the building of the site (of a home, or of a common area that belongs
 * to one)
 * @param area the common area, or {@code null} for a home
 * @param place where, as people write it ({@code 示范花园 1-1-101})
 * @param description the fault as reported
 * @param reporterName who reported it
 * @param reporterPhone their number
 * @param reporterOwnerId the registered owner who reported it (or for whom staff reported
 * it), or {@code null}
 * @param assignee the technician, or {@code null}
 * @param arriveBy the promised arrival, or {@code null}
 * @param completeBy the completion promise, or {@code null}
 */
public record OrderFacts(String number, long tenantId, long projectId, Grade grade, Status status, Instant reportedAt,
		Instant createdAt, Instant appointmentFrom, Instant appointmentTo, String holdReason, Category category,
		String building, String area, String place, String description, String reporterName, String reporterPhone,
		Long reporterOwnerId, Assignee assignee, Instant arriveBy, Instant completeBy) {

	/** The technician's id, or {@code null}. */
	public Long assigneeId() {
		return assignee == null ? null : assignee.id();
	}

	/** The technician's name, or {@code null}. */
	public String assigneeName() {
		return assignee == null ? null : assignee.name();
	}

	/** The technician's number, or {@code null}. */
	public String assigneePhone() {
		return assignee == null ? null : assignee.phone();
	}

}
