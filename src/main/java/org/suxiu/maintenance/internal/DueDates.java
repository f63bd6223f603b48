package org.suxiu.maintenance.internal;

import java.time.LocalDate;
import java.util.function.Predicate;

import org.suxiu.maintenance.HolidayRule;
import org.suxiu.maintenance.Interval;

/**
 * The due-date rule of calendar plans. The k-th due day counts from the start day (never
 * from the previous, moved one, so moving off a holiday does not drift the series): start
 * + k × N days, weeks or months; a month without that day (the 31st, 29 February) takes
 * its last day. A due day that is not a working day of the project's calendar moves by
 * the plan's {@link HolidayRule}, at most 30 days.
 */
final class DueDates {

	private static final int MAX_MOVE = 30;

	private DueDates() {
	}

	static LocalDate nominal(LocalDate start, int every, Interval unit, long k) {
		return switch (unit) {
			case DAYS -> start.plusDays(k * every);
			case WEEKS -> start.plusWeeks(k * every);
			case MONTHS -> start.plusMonths(k * every);
			case METER -> throw new IllegalArgumentException("meter plans have no calendar");
		};
	}

	static LocalDate moved(LocalDate due, HolidayRule rule, Predicate<LocalDate> workingDay) {
		if (rule == HolidayRule.KEEP) {
			return due;
		}
		LocalDate day = due;
		for (int i = 0; i < MAX_MOVE && !workingDay.test(day); i++) {
			day = rule == HolidayRule.EARLIER ? day.minusDays(1) : day.plusDays(1);
		}
		return workingDay.test(day) ? day : due;
	}

	/** The first k whose nominal day is on or after {@code from}. */
	static long firstOnOrAfter(LocalDate start, int every, Interval unit, LocalDate from) {
		if (!from.isAfter(start)) {
			return 0;
		}
		long k = switch (unit) {
			case DAYS -> (from.toEpochDay() - start.toEpochDay()) / every;
			case WEEKS -> (from.toEpochDay() - start.toEpochDay()) / (7L * every);
			case MONTHS ->
				((from.getYear() - start.getYear()) * 12L + from.getMonthValue() - start.getMonthValue()) / every;
			case METER -> 0;
		};
		k = Math.max(0, k - 1);
		while (nominal(start, every, unit, k).isBefore(from)) {
			k++;
		}
		return k;
	}

}
