package org.suxiu.workorder;

/**
 * Where a work order stands, from intake (受理) to closing after the follow-up call (回访).
 */
public enum Status {

	NEW, DISPATCHED, TAKEN, ARRIVED, IN_PROGRESS, ON_HOLD, COMPLETED, ACCEPTED, CLOSED, CANCELLED;

	public boolean isOpen() {
		return this != CLOSED && this != CANCELLED;
	}

}
