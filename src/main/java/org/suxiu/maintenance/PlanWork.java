package org.suxiu.maintenance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One piece of work a plan generated.
 *
 * @param dueOn the nominal due day (the key: one work per plan and day)
 * @param workOn the day it is planned for, moved off days off
 * @param number its order
 * @param generatedAt when the order was raised
 * @param completedAt when the order was completed, or {@code null}
 * @param escalatedAt when it was escalated as overdue, or {@code null}
 */
public record PlanWork(LocalDate dueOn, LocalDate workOn, String number, Instant generatedAt, Instant completedAt,
		Instant escalatedAt) {
}
