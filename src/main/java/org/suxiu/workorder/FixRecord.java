package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;

/**
 * One completed repair and whether it held: the raw figure of first-time fix.
 *
 * @param number the order
 * @param category repair type
 * @param technicianId who completed it, or {@code null}
 * @param technicianName their name, or {@code null}
 * @param completedAt when it was completed
 * @param reworked whether a rework order points at it (a reopen, or a probable rework a
 * person confirmed)
 */
public record FixRecord(String number, Category category, Long technicianId, String technicianName, Instant completedAt,
		boolean reworked) {
}
