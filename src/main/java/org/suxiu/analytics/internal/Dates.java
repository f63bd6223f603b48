package org.suxiu.analytics.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.suxiu.analytics.Figure;
import org.suxiu.analytics.GroupBy;
import org.suxiu.shared.InvalidInput;

/**
 * Reads the query parameters of the analytics API: days as {@code yyyy-MM-dd} (or an
 * instant with offset, taken as its day in the project's zone), names of groupings and
 * figures in any case.
 */
final class Dates {

	private Dates() {
	}

	static LocalDate day(String field, String value, LocalDate otherwise, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return value.length() <= 10 ? LocalDate.parse(value)
					: OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field, "must be a day such as 2026-11-01");
		}
	}

	static GroupBy groupBy(String value) {
		if (value == null || value.isBlank()) {
			return GroupBy.GRADE;
		}
		try {
			return GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("groupBy", "must be one of grade, category, technician, channel, day, week, month");
		}
	}

	static Figure figure(String value) {
		if (value == null || value.isBlank()) {
			return Figure.ORDERS;
		}
		try {
			return Figure.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("figure", "is not a figure that opens into orders");
		}
	}

	static <E extends Enum<E>> String kind(String field, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(field, "is not a known value");
		}
	}

}
