package org.suxiu.complaint;

/**
 * How a complaint was closed: the owner confirmed (signed in, or to an agent on a call),
 * or a manager overrode with a reason.
 */
public enum ClosedHow {

	OWNER_CONFIRMED, CONFIRMED_ON_CALL, MANAGER_OVERRIDE

}
