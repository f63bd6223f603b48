package org.suxiu.dispatch;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A weekly shift (排班); {@code dayOfWeek} null means every day. A shift whose end is not
 * after its start runs overnight. On-call (值班) shifts take emergencies only.
 *
 * @param dayOfWeek the day it starts, or {@code null}
 * @param from start, local time
 * @param to end, local time
 * @param onCall whether it is emergency on-call duty
 */
public record Shift(DayOfWeek dayOfWeek, LocalTime from, LocalTime to, boolean onCall) {

	public boolean covers(ZonedDateTime at) {
		LocalTime time = at.toLocalTime();
		if (to.isAfter(from)) {
			return startsOn(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
		}
		return (startsOn(at.getDayOfWeek()) && !time.isBefore(from))
				|| (startsOn(at.getDayOfWeek().minus(1)) && time.isBefore(to));
	}

	/**
	 * When the instance of this shift that covers {@code at} ends; only meaningful if it
	 * covers it.
	 */
	public ZonedDateTime endOf(ZonedDateTime at) {
		ZonedDateTime end = at.with(to);
		return end.isAfter(at) ? end : end.plusDays(1);
	}

	private boolean startsOn(DayOfWeek day) {
		return dayOfWeek == null || dayOfWeek == day;
	}

}
