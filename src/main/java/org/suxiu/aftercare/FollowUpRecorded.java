package org.suxiu.aftercare;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.WorkOrderEvent;

/**
 * A follow-up call was made (回访): the owner satisfied, unsatisfied (with the reason), or
 * not reached ({@code closed} once the last try failed). An unsatisfied call opens a
 * complaint.
 *
 * @param number the order
 * @param tenantId property company
 * @param projectId project
 * @param grade the order's grade
 * @param category repair type
 * @param technicianId who did the repair, or {@code null}
 * @param outcome what the call found
 * @param reason why the owner was unsatisfied, or {@code null}
 * @param attempt which try this was (1 for the first)
 * @param closed whether the follow-up is finished (and the order closed)
 * @param acceptedAt when the work was accepted
 * @param dueAt when the call was due
 * @param by the agent
 * @param at when
 */
public record FollowUpRecorded(String number, long tenantId, long projectId, Grade grade, Category category,
		Long technicianId, FollowUpOutcome outcome, String reason, int attempt, boolean closed, Instant acceptedAt,
		Instant dueAt, String by, Instant at) implements WorkOrderEvent {
}
