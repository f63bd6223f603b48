package org.suxiu.workorder;

/**
 * The transitions of the contract, as a front end names them.
 */
public enum OrderAction {

	DISPATCH, TAKE, DECLINE, ARRIVE, START, HOLD, RESUME, COMPLETE, ACCEPT, REOPEN, FOLLOW_UP, CANCEL, REGRADE,
	RESCHEDULE

}
