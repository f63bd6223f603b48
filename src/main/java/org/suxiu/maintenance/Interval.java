package org.suxiu.maintenance;

/** How a plan repeats: by calendar (every N days, weeks, months) or by meter reading. */
public enum Interval {

	DAYS, WEEKS, MONTHS, METER

}
