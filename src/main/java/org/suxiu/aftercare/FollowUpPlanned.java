package org.suxiu.aftercare;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.WorkOrderEvent;

/**
 * An accepted order's follow-up was decided: a call due by {@code dueAt} for a reason, or
 * ({@code reason} null) no call and the order closes by itself at {@code dueAt}.
 *
 * @param number the order
 * @param tenantId property company
 * @param projectId project
 * @param grade the order's grade
 * @param category repair type
 * @param technicianId who did the repair, or {@code null}
 * @param reason why it gets a call, or {@code null}
 * @param acceptedAt when the work was accepted
 * @param dueAt when the call is due, or when the order closes without one
 * @param at when
 */
public record FollowUpPlanned(String number, long tenantId, long projectId, Grade grade, Category category,
		Long technicianId, CallReason reason, Instant acceptedAt, Instant dueAt, Instant at) implements WorkOrderEvent {
}
