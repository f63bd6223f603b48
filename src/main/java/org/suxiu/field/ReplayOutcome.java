package org.suxiu.field;

import org.suxiu.workorder.Status;

/**
 * What became of one queued action.
 *
 * @param key its idempotency key
 * @param number the order
 * @param action what it was
 * @param result done now, done before (the same key came again), or refused
 * @param reason why it was refused, or {@code null}
 * @param detail the refusal in technical words (for logs and API clients), or
 * {@code null}
 * @param status the order's status now, when the technician may still see it
 */
public record ReplayOutcome(String key, String number, QueuedAction.Step action, Result result, Reason reason,
		String detail, Status status) {

	/** Done now, done before, or refused. */
	public enum Result {

		APPLIED, ALREADY_APPLIED, CONFLICT

	}

	/** Why a queued action was refused. */
	public enum Reason {

		/** The job was given to someone else (or taken away) meanwhile. */
		REASSIGNED,
		/** The order moved on meanwhile; the action no longer fits its status. */
		STATUS_CHANGED,
		/** Someone changed the order after the phone last saw it. */
		CHANGED_MEANWHILE,
		/**
		 * A business rule refused it (a quote waits for the owner, the order is closed).
		 */
		REFUSED,
		/** The action itself is malformed. */
		INVALID,
		/** The key was used before for a different action. */
		KEY_REUSED

	}

}
