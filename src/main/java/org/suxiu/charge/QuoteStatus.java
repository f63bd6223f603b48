package org.suxiu.charge;

/** Where a quote stands: waiting for the owner, approved, or refused. */
public enum QuoteStatus {

	PROPOSED, APPROVED, REFUSED

}
