package org.suxiu.workorder;

import org.suxiu.shared.Grade;

/**
 * What a person gives with a transition; each action reads the fields it needs, as in the
 * API's request body.
 *
 * @param note free text for the history
 * @param technicianId dispatch: the technician's id or username
 * @param reason decline, hold, reopen, cancel, regrade, reschedule
 * @param resolution complete: what was done
 * @param rating accept: 1 to 5
 * @param comment accept: the owner's words
 * @param satisfied follow-up: whether the owner was satisfied
 * @param grade regrade: the new grade
 * @param version the version the person read, or {@code null}
 * @param appointment reschedule: the new window
 */
public record ActionInput(String note, String technicianId, String reason, String resolution, Integer rating,
		String comment, Boolean satisfied, Grade grade, Integer version, Appointment appointment) {

	public static ActionInput none() {
		return new ActionInput(null, null, null, null, null, null, null, null, null, null);
	}

	public static ActionInput note(String note) {
		return new ActionInput(note, null, null, null, null, null, null, null, null, null);
	}

	public static ActionInput reason(String reason) {
		return new ActionInput(null, null, reason, null, null, null, null, null, null, null);
	}

}
