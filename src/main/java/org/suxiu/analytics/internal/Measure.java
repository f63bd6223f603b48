package org.suxiu.analytics.internal;

/**
 * The counters of a roll-up row, each a column of {@code analytics_rollup} named as the
 * constant in lower case.
 */
enum Measure {

	/** Orders reported, cancelled ones included. */
	ORDERS,
	/** Withdrawn before work began. */
	CANCELLED,
	/** Work completed (whatever came after). */
	COMPLETED,
	/** Minutes from report to a technician taking the job: how many, and their sum. */
	RESPONSE_N, RESPONSE_SUM,
	/** Minutes from report to the first arrival on site. */
	ARRIVAL_N, ARRIVAL_SUM,
	/** Minutes from report to completion. */
	COMPLETION_N, COMPLETION_SUM,
	/** Minutes on site, from arrival to completion: the technician's hours on jobs. */
	WORK_N, WORK_SUM,
	/** SLA clocks met and missed. */
	RESPOND_MET, RESPOND_MISSED, ARRIVE_MET, ARRIVE_MISSED, COMPLETE_MET, COMPLETE_MISSED,
	/** Completed orders whose every promise was kept. */
	KEPT,
	/** Orders with at least one promise broken. */
	BREACHED,
	/** Breached orders by the cause of their first breach. */
	CAUSE_DISPATCH, CAUSE_TRAVEL, CAUSE_WAITING, CAUSE_EMERGENCY, CAUSE_REPAIR,
	/** Orders that are the rework (返修) of an earlier one. */
	REWORK,
	/** Orders whose repair did not hold: a rework was opened on them. */
	REWORKED,
	/** Completed orders with no rework opened on them: fixed the first time. */
	FIRST_FIX,
	/** Owner ratings: how many, their sum, and how many were 4 or 5 stars. */
	RATED, RATING_SUM, RATED_GOOD,
	/** Follow-up calls made, and how many owners said they were satisfied. */
	FOLLOWED_UP, SATISFIED,
	/** Payments received and quotes approved, in fen. */
	PAID_FEN, APPROVED_FEN,
	/**
	 * Orders the system flagged as probably repeating an earlier repair that nobody has
	 * confirmed or dismissed yet (疑似返修待确认); once confirmed they count as {@link #REWORK}.
	 */
	PROBABLE_REWORK,
	/** Complaints opened (投诉), counted on the day they were opened. */
	COMPLAINTS;

	String column() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
