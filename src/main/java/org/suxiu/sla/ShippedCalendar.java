package org.suxiu.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The State Council's public holidays and make-up working days, shipped as data
 * ({@code sla/cn-calendar.json}); weekends are off unless declared working.
 */
final class ShippedCalendar {

	static final String RESOURCE = "/sla/cn-calendar.json";

	private final Map<LocalDate, DayType> days;

	ShippedCalendar(Map<LocalDate, DayType> days) {
		this.days = Map.copyOf(days);
	}

	static ShippedCalendar load(JsonMapper json) {
		try (InputStream in = ShippedCalendar.class.getResourceAsStream(RESOURCE)) {
			Document document = json.readValue(in, Document.class);
			Map<LocalDate, DayType> days = new HashMap<>();
			document.years().values().forEach(year -> {
				year.holidays().forEach(d -> days.put(d, DayType.HOLIDAY));
				year.workdays().forEach(d -> days.put(d, DayType.WORKDAY));
			});
			return new ShippedCalendar(days);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Optional<DayType> declared(LocalDate day) {
		return Optional.ofNullable(days.get(day));
	}

	record Document(String source, Map<String, Year> years) {
	}

	record Year(List<LocalDate> holidays, List<LocalDate> workdays) {
	}

}
