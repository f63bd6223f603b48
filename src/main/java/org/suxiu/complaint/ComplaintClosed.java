package org.suxiu.complaint;

import java.time.Instant;

import org.suxiu.shared.Category;

/**
 * A complaint was closed (投诉已关闭), with what a KPI needs. Carries no phone number.
 *
 * @param complaintId the complaint
 * @param tenantId property company
 * @param projectId project
 * @param number the order it is about, or {@code null}
 * @param technicianId the order's technician, or {@code null}
 * @param category the order's repair type, or {@code null}
 * @param channel where it came from
 * @param how the owner's confirmation or a manager's override
 * @param openedAt when it was opened
 * @param respondedAt when it was answered, or {@code null}
 * @param resolvedAt when it was resolved, or {@code null}
 * @param respondedInTime whether the answer came by the respond deadline
 * @param resolvedInTime whether it was resolved by the resolve deadline
 * @param at when
 */
public record ComplaintClosed(long complaintId, long tenantId, long projectId, String number, Long technicianId,
		Category category, ComplaintChannel channel, ClosedHow how, Instant openedAt, Instant respondedAt,
		Instant resolvedAt, boolean respondedInTime, boolean resolvedInTime, Instant at) {
}
