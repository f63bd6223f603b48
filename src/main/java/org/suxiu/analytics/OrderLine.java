package org.suxiu.analytics;

import java.time.Instant;

/**
 * One order behind a figure, as analytics counted it.
 *
 * @param number order number
 * @param reportedAt when it was reported
 * @param grade grade
 * @param category repair type
 * @param channel how it came in
 * @param status status
 * @param technicianName the technician, or {@code null}
 * @param responseMinutes report to take, or {@code null}
 * @param arrivalMinutes report to arrival, or {@code null}
 * @param completionMinutes report to completion, or {@code null}
 * @param kept completed with every promise kept
 * @param breached a promise broken
 * @param cause the cause of the first breach, or {@code null}
 * @param rating the owner's stars, or {@code null}
 */
public record OrderLine(String number, Instant reportedAt, String grade, String category, String channel, String status,
		String technicianName, Integer responseMinutes, Integer arrivalMinutes, Integer completionMinutes, boolean kept,
		boolean breached, BreachCause cause, Integer rating) {
}
