package org.suxiu.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ISO-8601 limit such as {@code PT30M} or {@code P1D}. On a working clock a day
 * is one working day (08:30–17:30 makes {@code P1D} nine hours), not 24 hours.
 */
final class ClockDuration {

	private static final Pattern ISO = Pattern.compile("P(?:(\\d+)D)?(T.+)?");

	private ClockDuration() {
	}

	static Duration parse(String text, Duration day) {
		Matcher matcher = text == null ? null : ISO.matcher(text);
		if (matcher == null || !matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null)) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT30M or P1D");
		}
		Duration result = Duration.ZERO;
		if (matcher.group(1) != null) {
			result = result.plus(day.multipliedBy(Long.parseLong(matcher.group(1))));
		}
		if (matcher.group(2) != null) {
			try {
				result = result.plus(Duration.parse("P" + matcher.group(2)));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration", ex);
			}
		}
		if (result.isNegative() || result.isZero()) {
			throw new IllegalArgumentException("'" + text + "' must be longer than zero");
		}
		return result;
	}

}
