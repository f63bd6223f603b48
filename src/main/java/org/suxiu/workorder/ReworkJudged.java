package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;

/**
 * A person confirmed or dismissed a probable rework (确认返修 / 不是返修).
 *
 * @param number the new order
 * @param tenantId property company
 * @param projectId project
 * @param reworkOf the earlier order it was linked to
 * @param category repair type
 * @param confirmed whether it is rework (counted against the earlier repair's first-time
 * fix)
 * @param by who judged
 * @param at when
 */
public record ReworkJudged(String number, long tenantId, long projectId, String reworkOf, Category category,
		boolean confirmed, String by, Instant at) implements WorkOrderEvent {
}
