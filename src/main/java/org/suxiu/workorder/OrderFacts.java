package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * What other modules may read of an order without seeing the aggregate.
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
 * @param assigneeId the technician, or {@code null}
 * @param arriveBy the promised arrival, or {@code null}
 */
public record OrderFacts(String number, long tenantId, long projectId, Grade grade, Status status, Instant reportedAt,
		Instant createdAt, Instant appointmentFrom, Instant appointmentTo, String holdReason, Category category,
		String building, String area, Long assigneeId, Instant arriveBy) {
}
