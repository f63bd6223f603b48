package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;

/**
 * A new order repeats an earlier repair at the same place within its warranty window: it
 * is probably rework (疑似返修) and waits for the agent to confirm or dismiss it.
 *
 * @param number the new order
 * @param tenantId property company
 * @param projectId project
 * @param reworkOf the earlier order
 * @param category repair type
 * @param at when
 */
public record ReworkFlagged(String number, long tenantId, long projectId, String reworkOf, Category category,
		Instant at) implements WorkOrderEvent {
}
