package org.suxiu.aftercare;

/** What a follow-up call found: the owner satisfied, unsatisfied, or not reached. */
public enum FollowUpOutcome {

	SATISFIED, UNSATISFIED, NOT_REACHED

}
