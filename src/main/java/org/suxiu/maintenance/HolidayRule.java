package org.suxiu.maintenance;

/**
 * Where plan work due on a day off (weekend, public holiday, a declared day) moves:
 * EARLIER to the working day before (the default: a legal interval such as a lift's 15
 * days is never exceeded), LATER to the working day after, KEEP stays on the day.
 */
public enum HolidayRule {

	EARLIER, LATER, KEEP

}
