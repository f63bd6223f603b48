package org.suxiu.sla;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA summary read as people ask for it: plain dates in the business zone, this month
 * when no period is given, and the demo month of history already timed on the first run.
 */
class SlaSummaryPeriodTest extends ClockedApplicationTest {

	@Test
	void defaultsToThisMonthInTheBusinessZone() {
		CLOCK.set("2026-11-27T09:00:00+08:00");

		Response summary = api.get("manager", "/api/v1/sla/summary?projectCode=DEMO");

		assertThat(summary.status()).isEqualTo(200);
		assertThat(instant(summary, "from")).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+08:00"));
		assertThat(instant(summary, "to")).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+08:00"));
	}

	@Test
	void readsPlainDatesInTheBusinessZoneWithTheLastDayIncluded() {
		Response summary = api.get("manager", "/api/v1/sla/summary?projectCode=DEMO&from=2026-11-01&to=2026-11-30");

		assertThat(summary.status()).isEqualTo(200);
		assertThat(instant(summary, "from")).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+08:00"));
		assertThat(instant(summary, "to")).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+08:00"));
	}

	@Test
	void refusesADateItCannotRead() {
		Response refused = api.get("manager", "/api/v1/sla/summary?projectCode=DEMO&from=yesterday");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
	}

	@Test
	void theDemoHistoryHasClocksForEveryGrade() {
		Response summary = api.get("manager", "/api/v1/sla/summary?projectCode=DEMO&from=2026-10-28&to=2026-11-12");

		JsonNode grades = summary.body().get("grades");
		for (String grade : new String[] { "L2", "L3", "L4" }) {
			assertThat(grades.get(grade).has("arrive")).as(grade).isTrue();
			grades.get(grade).properties().forEach(clock -> {
				JsonNode figures = clock.getValue();
				assertThat(figures.get("met").asLong() + figures.get("missed").asLong())
					.as(grade + " " + clock.getKey())
					.isGreaterThanOrEqualTo(5);
				assertThat(figures.get("metShare").isNull()).as(grade + " " + clock.getKey()).isFalse();
			});
		}
	}

	private static OffsetDateTime instant(Response response, String field) {
		return OffsetDateTime.parse(response.body().get(field).asString());
	}

}
