package org.suxiu.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Working-time arithmetic on the shipped Chinese calendar with 08:30–17:30 working hours.
 */
class WorkingCalendarTest {

	private static final ShippedCalendar CHINA = ShippedCalendar.load(JsonMapper.builder().build());

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingCalendar calendar = calendar(Map.of());

	@Test
	void oneWorkingDayIsNineHours() {
		assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(9));
	}

	@Test
	void oneWorkingDayAfterFridayFivePmIsMondayFivePm() {
		assertThat(calendar.plus(at("2026-11-27T17:00"), Duration.ofHours(9))).isEqualTo(at("2026-11-30T17:00"));
	}

	@Test
	void timeReportedAtNightStartsCountingWhenWorkOpens() {
		assertThat(calendar.plus(at("2026-11-26T22:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-27T10:30"));
	}

	@Test
	void theSpringFestivalAndItsMakeUpSaturdayFollowTheStateCouncil() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
	}

	@Test
	void aProjectDeclarationOverridesTheShippedCalendar() {
		WorkingCalendar declared = calendar(
				Map.of(LocalDate.parse("2026-02-14"), DayType.HOLIDAY, LocalDate.parse("2026-11-28"), DayType.WORKDAY));

		assertThat(declared.isWorkingDay(LocalDate.parse("2026-02-14"))).isFalse();
		assertThat(declared.isWorkingDay(LocalDate.parse("2026-11-28"))).isTrue();
	}

	@Test
	void countsOnlyWorkingTimeBetweenTwoInstants() {
		assertThat(calendar.between(at("2026-11-27T16:00"), at("2026-11-30T09:30"))).isEqualTo(Duration.ofMinutes(150));
		assertThat(calendar.between(at("2026-11-28T10:00"), at("2026-11-28T16:00"))).isZero();
	}

	@Test
	void aWorkingDayInAnIsoLimitIsTheLengthOfTheWorkingDay() {
		assertThat(ClockDuration.parse("P1D", Duration.ofHours(9))).isEqualTo(Duration.ofHours(9));
		assertThat(ClockDuration.parse("P3DT2H", Duration.ofHours(9))).isEqualTo(Duration.ofHours(29));
		assertThat(ClockDuration.parse("PT30S", Duration.ofHours(9))).isEqualTo(Duration.ofSeconds(30));
		assertThatIllegalArgumentException().isThrownBy(() -> ClockDuration.parse("30 minutes", Duration.ofHours(9)));
		assertThatIllegalArgumentException().isThrownBy(() -> ClockDuration.parse("PT0S", Duration.ofHours(9)));
	}

	private static WorkingCalendar calendar(Map<LocalDate, DayType> overrides) {
		return new WorkingCalendar(CHINA, overrides, LocalTime.of(8, 30), LocalTime.of(17, 30), SHANGHAI);
	}

	private static Instant at(String local) {
		return OffsetDateTime.parse(local + ":00+08:00").toInstant();
	}

}
