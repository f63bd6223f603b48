package org.suxiu.aftercare;

/**
 * Where an accepted order's follow-up stands: a call due, made, not needed (the order
 * closes by itself), closed without a call, or withdrawn because the order was reopened.
 */
public enum FollowUpStatus {

	DUE, DONE, NO_CALL, CLOSED_WITHOUT_CALL, REOPENED

}
