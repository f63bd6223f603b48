package org.suxiu.analytics;

/**
 * Why an order broke its promise, read from its first broken clock: nobody took it in
 * time, the way there took too long, the work waited (for parts or the owner), its
 * technician was called away to an emergency, or the repair itself took too long.
 */
public enum BreachCause {

	DISPATCH, TRAVEL, WAITING, EMERGENCY, REPAIR

}
