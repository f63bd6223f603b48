package org.suxiu.workorder;

import java.time.Instant;
import java.util.List;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An order's life in figures, for the read models that count orders (analytics): its
 * dimensions and the first time it reached each milestone. No names or phone numbers.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param grade current grade
 * @param category repair type
 * @param channel how it came in
 * @param status status now
 * @param reportedAt when the fault was reported
 * @param dispatchedAt first dispatch, or {@code null}
 * @param takenAt first take, or {@code null}
 * @param arrivedAt first arrival, or {@code null}
 * @param completedAt last completion, or {@code null}
 * @param assigneeId the technician now (or the last one), or {@code null}
 * @param assigneeName their name, or {@code null}
 * @param rating the owner's rating 1..5, or {@code null}
 * @param satisfied the follow-up call's answer, or {@code null}
 * @param reworkOf the original order when this one is a rework, or {@code null}
 * @param reworkNumber the rework order opened on this one, or {@code null}
 * @param holdReasons the reasons of every hold, oldest first
 * @param place where, as people write it: {@code 1-1-101}, or the common area's name
 * @param reworkCheck whether this order repeats an earlier repair: {@code PROBABLE} while
 * nobody has judged the system's flag, {@code CONFIRMED} once a person has; {@code null}
 * when it was never flagged (a reopen's rework order included)
 * @param reworked whether this order's repair did not hold: a rework order points at it
 * (a reopen, or a probable rework a person confirmed), as in {@link FixRecord}
 */
public record OrderLife(String number, long tenantId, long projectId, Grade grade, Category category, Channel channel,
		Status status, Instant reportedAt, Instant dispatchedAt, Instant takenAt, Instant arrivedAt,
		Instant completedAt, Long assigneeId, String assigneeName, Integer rating, Boolean satisfied, String reworkOf,
		String reworkNumber, List<String> holdReasons, String place, ReworkCheck reworkCheck, boolean reworked) {
}
