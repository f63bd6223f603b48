package org.suxiu.complaint;

/**
 * Where a complaint stands: opened, answered by the supervisor, resolved (waiting for the
 * owner's confirmation), closed.
 */
public enum ComplaintStatus {

	OPEN, RESPONDED, RESOLVED, CLOSED

}
