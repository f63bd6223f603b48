package org.suxiu.maintenance.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.suxiu.maintenance.HolidayRule;
import org.suxiu.maintenance.Interval;

import static org.assertj.core.api.Assertions.assertThat;

class DueDatesTest {

	/** 2026's National Day week off: 1–7 October, with Saturday 10 October worked. */
	private static final Set<LocalDate> NATIONAL_DAY = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
			LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
			LocalDate.of(2026, 10, 7));

	private static final Predicate<LocalDate> WORKING = day -> !NATIONAL_DAY.contains(day)
			&& (day.getDayOfWeek().getValue() < 6 || day.equals(LocalDate.of(2026, 10, 10)));

	@Test
	void monthlyDueDaysCountFromTheStartAndTakeTheMonthsLastDay() {
		LocalDate start = LocalDate.of(2026, 1, 31);

		assertThat(DueDates.nominal(start, 1, Interval.MONTHS, 1)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(DueDates.nominal(start, 1, Interval.MONTHS, 2)).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void everyFifteenDaysDoesNotDriftWhenOneDueDayMoved() {
		LocalDate start = LocalDate.of(2026, 9, 20);

		assertThat(DueDates.nominal(start, 15, Interval.DAYS, 1)).isEqualTo(LocalDate.of(2026, 10, 5));
		assertThat(DueDates.nominal(start, 15, Interval.DAYS, 2)).isEqualTo(LocalDate.of(2026, 10, 20));
	}

	@Test
	void aDueDayInTheHolidayWeekMovesToTheWorkingDayBefore() {
		LocalDate due = LocalDate.of(2026, 10, 5);

		assertThat(DueDates.moved(due, HolidayRule.EARLIER, WORKING)).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(DueDates.moved(due, HolidayRule.LATER, WORKING)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(DueDates.moved(due, HolidayRule.KEEP, WORKING)).isEqualTo(due);
	}

	@Test
	void aWorkingDayStaysWhereItIs() {
		LocalDate makeUpSaturday = LocalDate.of(2026, 10, 10);

		assertThat(DueDates.moved(makeUpSaturday, HolidayRule.EARLIER, WORKING)).isEqualTo(makeUpSaturday);
	}

	@Test
	void findsTheFirstDueDayOnOrAfterADay() {
		LocalDate start = LocalDate.of(2026, 1, 15);

		long k = DueDates.firstOnOrAfter(start, 2, Interval.WEEKS, LocalDate.of(2026, 3, 1));

		assertThat(DueDates.nominal(start, 2, Interval.WEEKS, k)).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(DueDates.nominal(start, 2, Interval.WEEKS, k - 1)).isBefore(LocalDate.of(2026, 3, 1));
	}

}
