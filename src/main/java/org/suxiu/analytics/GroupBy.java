package org.suxiu.analytics;

/**
 * How a KPI table splits its period: by a property of the orders or by time.
 */
public enum GroupBy {

	GRADE, CATEGORY, TECHNICIAN, CHANNEL, DAY, WEEK, MONTH;

	/** Whether rows are periods of time rather than kinds of order. */
	public boolean isTime() {
		return this == DAY || this == WEEK || this == MONTH;
	}

}
