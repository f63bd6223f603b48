package org.suxiu.web;

import java.time.Duration;
import java.time.Period;
import java.util.List;

/**
 * A time limit as an administrator types it, a number and a unit ("30 分钟", "1 天"), and
 * the ISO-8601 text the SLA policy keeps ({@code PT30M}, {@code P1D}).
 *
 * @param amount the number, or {@code null} when there is no limit
 * @param unit {@code s}, {@code min}, {@code h} or {@code d}
 */
record DurationField(Long amount, String unit) {

	static final List<String> UNITS = List.of("min", "h", "d");

	/**
	 * The field for {@code iso}; a value that is no whole number of a unit falls back to
	 * a smaller one.
	 */
	static DurationField of(String iso) {
		if (iso == null || iso.isBlank()) {
			return new DurationField(null, "min");
		}
		if (iso.matches("P\\d+D")) {
			return new DurationField((long) Period.parse(iso).getDays(), "d");
		}
		Duration duration = Duration.parse(iso);
		long seconds = duration.toSeconds();
		if (seconds % 86_400 == 0 && seconds >= 86_400 && !iso.contains("T")) {
			return new DurationField(seconds / 86_400, "d");
		}
		if (seconds % 3600 == 0 && seconds >= 3600) {
			return new DurationField(seconds / 3600, "h");
		}
		if (seconds % 60 == 0) {
			return new DurationField(seconds / 60, "min");
		}
		return new DurationField(seconds, "s");
	}

	/**
	 * The ISO-8601 text for a typed number and unit, or {@code null} when none was typed.
	 */
	static String iso(String amount, String unit) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		long n;
		try {
			n = Long.parseLong(amount.strip());
		}
		catch (NumberFormatException ex) {
			// the policy's own check names the field and refuses it
			return amount.strip();
		}
		return switch (unit == null ? "min" : unit) {
			case "s" -> "PT" + n + "S";
			case "h" -> "PT" + n + "H";
			case "d" -> "P" + n + "D";
			default -> "PT" + n + "M";
		};
	}

}
