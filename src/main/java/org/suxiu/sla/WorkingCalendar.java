package org.suxiu.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Working time of one project: its working hours on its working days. Counts and adds
 * working time so that "one working day" after Friday 17:00 is Monday 17:00.
 */
final class WorkingCalendar {

	/** Far enough for any limit; guards against a calendar with no working day at all. */
	private static final int MAX_DAYS_SEARCHED = 3660;

	private final ShippedCalendar shipped;

	private final Map<LocalDate, DayType> overrides;

	private final LocalTime from;

	private final LocalTime to;

	private final ZoneId zone;

	WorkingCalendar(ShippedCalendar shipped, Map<LocalDate, DayType> overrides, LocalTime from, LocalTime to,
			ZoneId zone) {
		if (!to.isAfter(from)) {
			throw new IllegalArgumentException("working hours must end after they start");
		}
		this.shipped = shipped;
		this.overrides = Map.copyOf(overrides);
		this.from = from;
		this.to = to;
		this.zone = zone;
	}

	/**
	 * The length of one working day, which is what {@code P1D} means on a working clock.
	 */
	Duration workingDay() {
		return Duration.between(from, to);
	}

	boolean isWorkingDay(LocalDate day) {
		DayType override = overrides.get(day);
		if (override != null) {
			return override == DayType.WORKDAY;
		}
		return shipped.declared(day)
			.map(type -> type == DayType.WORKDAY)
			.orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
	}

	/** The instant when {@code amount} of working time has passed after {@code start}. */
	Instant plus(Instant start, Duration amount) {
		Duration left = amount;
		ZonedDateTime cursor = start.atZone(zone);
		for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
			LocalDate day = cursor.toLocalDate();
			if (isWorkingDay(day)) {
				ZonedDateTime open = day.atTime(from).atZone(zone);
				ZonedDateTime close = day.atTime(to).atZone(zone);
				ZonedDateTime begin = cursor.isBefore(open) ? open : cursor;
				if (begin.isBefore(close)) {
					Duration available = Duration.between(begin, close);
					if (left.compareTo(available) <= 0) {
						return begin.plus(left).toInstant();
					}
					left = left.minus(available);
				}
			}
			cursor = day.plusDays(1).atStartOfDay(zone);
		}
		throw new IllegalStateException("No working time within " + MAX_DAYS_SEARCHED + " days");
	}

	/**
	 * Working time between two instants; zero if {@code end} is not after {@code start}.
	 */
	Duration between(Instant start, Instant end) {
		Duration total = Duration.ZERO;
		ZonedDateTime cursor = start.atZone(zone);
		ZonedDateTime stop = end.atZone(zone);
		while (cursor.isBefore(stop)) {
			LocalDate day = cursor.toLocalDate();
			if (isWorkingDay(day)) {
				ZonedDateTime open = day.atTime(from).atZone(zone);
				ZonedDateTime close = day.atTime(to).atZone(zone);
				ZonedDateTime begin = cursor.isBefore(open) ? open : cursor;
				ZonedDateTime finish = stop.isBefore(close) ? stop : close;
				if (begin.isBefore(finish)) {
					total = total.plus(Duration.between(begin, finish));
				}
			}
			cursor = day.plusDays(1).atStartOfDay(zone);
		}
		return total;
	}

}
