package org.suxiu.aftercare;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An accepted order's follow-up as the call list shows it; the reporter's number is in
 * full for agents (they call), masked for everybody else.
 *
 * @param number the order
 * @param projectCode its project
 * @param place where the repair was
 * @param grade the order's grade
 * @param category repair type
 * @param technicianId who did the repair, or {@code null}
 * @param technicianName their name
 * @param reporterName whom to call
 * @param reporterPhone their number
 * @param rating the owner's stars, or {@code null} when the system accepted
 * @param acceptedAt when the work was accepted
 * @param reason why the order gets a call, or {@code null} when it needs none
 * @param status where it stands
 * @param dueAt when the call is due (or, without a call, when the order closes)
 * @param attempts calls made that did not reach the owner
 * @param maxTries how many tries close the order as not reached
 * @param lastTryAt the last call, or {@code null}
 * @param outcome what the call found, once made
 * @param outcomeReason why the owner was unsatisfied
 * @param note the agent's words
 * @param doneAt when the follow-up was done
 * @param doneBy who did it
 * @param version pass back when recording a call; another one answers 409
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpView(String number, String projectCode, String place, Grade grade, Category category,
		Long technicianId, String technicianName, String reporterName, String reporterPhone, Integer rating,
		OffsetDateTime acceptedAt, CallReason reason, FollowUpStatus status, OffsetDateTime dueAt, int attempts,
		int maxTries, OffsetDateTime lastTryAt, FollowUpOutcome outcome, String outcomeReason, String note,
		OffsetDateTime doneAt, String doneBy, int version) {
}
