package org.suxiu.aftercare;

/**
 * Why an accepted order gets a follow-up call: its grade, a charge, a low rating, or the
 * sample of the rest.
 */
public enum CallReason {

	GRADE, CHARGED, LOW_RATING, SAMPLED

}
