package org.suxiu.analytics;

/**
 * A figure of the KPI tables that can be opened into the orders behind it (drill-down).
 */
public enum Figure {

	/** Every order reported. */
	ORDERS,
	/** Withdrawn before work began. */
	CANCELLED,
	/** Work completed. */
	COMPLETED,
	/** Completed with every promise kept. */
	KEPT,
	/** At least one promise broken. */
	BREACHED,
	/** Completed and not reworked. */
	FIRST_FIX,
	/** A rework was opened on it. */
	REWORKED,
	/** Rated 1 to 3 stars by the owner. */
	POORLY_RATED,
	/** The owner said on the follow-up call they were not satisfied. */
	UNSATISFIED,
	/** Flagged as a probable rework that nobody has confirmed or dismissed yet. */
	PROBABLE_REWORK

}
