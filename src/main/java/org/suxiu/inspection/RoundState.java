package org.suxiu.inspection;

/** Where a round stands. */
public enum RoundState {

	PLANNED, IN_PROGRESS, DONE, LATE, MISSED

}
