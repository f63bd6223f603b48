package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * Who an order concerns and where it stands, for modules that tell people about it (live
 * events, notifications). Phone numbers are full: the reader masks them for its audience.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param status current status
 * @param grade current grade
 * @param category repair type
 * @param reporterOwnerId the registered owner who reported it (or for whom staff reported
 * it), or {@code null}
 * @param assignee the technician, or {@code null}
 * @param arriveBy the promised arrival, or {@code null}
 */
public record OrderParties(String number, long tenantId, long projectId, Status status, Grade grade, Category category,
		Long reporterOwnerId, Assignee assignee, Instant arriveBy) {
}
