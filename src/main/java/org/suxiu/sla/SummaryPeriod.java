package org.suxiu.sla;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;

/**
 * Reads the bounds of a summary period as people write them: an instant with offset, or a
 * plain date in the business zone (a plain {@code to} includes that day); without
 * {@code from} the period is this month, without {@code to} one month from {@code from}.
 */
@Component
class SummaryPeriod {

	private final ZoneId zone;

	private final Clock clock;

	SummaryPeriod(SuxiuProperties settings, Clock clock) {
		this.zone = settings.zone();
		this.clock = clock;
	}

	OffsetDateTime from(String text) {
		if (text == null || text.isBlank()) {
			return LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).atStartOfDay(zone).toOffsetDateTime();
		}
		return parse("from", text, 0);
	}

	OffsetDateTime to(String text, OffsetDateTime from) {
		if (text == null || text.isBlank()) {
			return from.atZoneSameInstant(zone).plusMonths(1).toOffsetDateTime();
		}
		return parse("to", text, 1);
	}

	private OffsetDateTime parse(String field, String text, int daysAfterPlainDate) {
		String value = text.strip();
		try {
			if (value.length() <= 10 && !value.contains("T")) {
				return LocalDate.parse(value).plusDays(daysAfterPlainDate).atStartOfDay(zone).toOffsetDateTime();
			}
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeException ex) {
			throw new InvalidInput(field,
					"must be a date such as 2026-11-01 or an instant such as " + "2026-11-01T00:00:00+08:00");
		}
	}

}
