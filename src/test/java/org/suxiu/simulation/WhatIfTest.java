package org.suxiu.simulation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's what-if: two days of a project's real orders replayed with today's roster
 * and with more technicians, next to what really happened.
 */
class WhatIfTest extends ClockedApplicationTest {

	private static final String PERIOD = "from=2026-09-14&to=2026-09-15";

	@Autowired
	DataSource dataSource;

	/**
	 * Two lift emergencies, one reached in 20 minutes and one in 50, and three dripping
	 * taps nobody reached yet, on 14 and 15 September.
	 */
	private static boolean seeded;

	@BeforeEach
	void twoDaysOfOrders() {
		if (seeded) {
			return;
		}
		seeded = true;
		CLOCK.set("2026-09-14T10:00:00+08:00");
		reach(api, api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number"),
				Duration.ofMinutes(20));
		for (int i = 0; i < 3; i++) {
			CLOCK.advance(Duration.ofHours(2));
			api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());
		}
		CLOCK.set("2026-09-15T15:00:00+08:00");
		reach(api,
				api.post("agent", "/api/v1/work-orders",
						Requests.hotline("ELEVATOR", "2号楼1号电梯困人", Requests.area("2号楼1号电梯")))
					.text("number"),
				Duration.ofMinutes(50));
		CLOCK.set("2026-09-16T09:00:00+08:00");
	}

	private void reach(Api api, String number, Duration after) {
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech01"));
		api.post("tech01", "/api/v1/work-orders/" + number + "/take", Map.of());
		CLOCK.advance(after);
		api.post("tech01", "/api/v1/work-orders/" + number + "/arrive", Map.of());
	}

	@Test
	void replaysThePeriodWithTodaysRosterAndWithMoreTechnicians() {
		Response answer = api.get("manager", "/api/v1/projects/DEMO/what-if?" + PERIOD + "&technicians=2");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = answer.body();
		assertThat(body.get("orders").asInt()).isEqualTo(5);
		assertThat(body.get("added").size()).isEqualTo(2);
		assertThat(body.get("added").get(0).asString()).startsWith("EXTRA1-like-tech");
		assertThat(body.get("asIs").get("requests").asInt()).isEqualTo(5);
		assertThat(body.get("withExtra").get("policies").valueStream().map(p -> p.get("policy").asString()))
			.contains("nearest-idle", "suxiu");
	}

	@Test
	void showsWhatReallyHappenedNextToTheReplay() {
		JsonNode recorded = api.get("manager", "/api/v1/projects/DEMO/what-if?" + PERIOD).body().get("recorded");

		assertThat(recorded.get("L1").get("n").asInt()).isEqualTo(2);
		assertThat(recorded.get("L1").get("arrived").asInt()).isEqualTo(2);
		assertThat(recorded.get("L1").get("withinLimit").asDouble()).isEqualTo(0.5);
		assertThat(recorded.get("L3").get("arrived").asInt()).isZero();
	}

	@Test
	void theDemoProjectComesWithAMonthOfFinishedOrdersToReplay() {
		JsonNode body = api.get("manager", "/api/v1/projects/DEMO/what-if?from=2026-10-28&to=2026-11-26").body();

		assertThat(body.get("orders").asInt()).isGreaterThanOrEqualTo(240);
		assertThat(body.get("recorded").get("L1").get("arrived").asInt()).isPositive();
		assertThat(api.get("manager", "/api/v1/work-orders?status=CLOSED&projectCode=DEMO").body().get("total").asInt())
			.isGreaterThanOrEqualTo(200);
	}

	@Test
	void isForManagersOfTheProjectOnly() {
		assertThat(api.get("dispatcher", "/api/v1/projects/DEMO/what-if?" + PERIOD).status()).isEqualTo(403);
		assertThat(api.get("manager", "/api/v1/projects/NORTH/what-if?" + PERIOD).status()).isEqualTo(404);
	}

	@Test
	void refusesABackwardsOrOverlongPeriod() {
		Response backwards = api.get("manager", "/api/v1/projects/DEMO/what-if?from=2026-09-15&to=2026-09-14");
		Response tooLong = api.get("manager", "/api/v1/projects/DEMO/what-if?from=2026-01-01&to=2026-09-14");

		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(tooLong.status()).isEqualTo(400);
	}

	@Test
	void theCommandLinePrintsTheSameAnswerFromTheDatabase(@TempDir Path dataDir) throws Exception {
		HikariDataSource database = (HikariDataSource) dataSource;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream console = System.out;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			SuxiuApplication.main(List
				.of("simulate", "--from-history", "DEMO", "--from", "2026-09-14", "--to", "2026-09-15", "--technicians",
						"+1", "--policies", "nearest-idle,suxiu", "--spring.datasource.url=" + database.getJdbcUrl(),
						"--spring.datasource.username=" + database.getUsername(), "--suxiu.data-dir=" + dataDir,
						"--suxiu.security.jwt-secret=" + "what-if-test-".repeat(4))
				.toArray(String[]::new));
		}
		finally {
			System.setOut(console);
		}

		String table = printed.toString(StandardCharsets.UTF_8);
		assertThat(table).contains("What-if DEMO 2026-09-14 .. 2026-09-15: 5 orders",
				"Recorded (what really happened): L1 50.0% in limit (2/2 reached)", "With 1 more [EXTRA1-like-tech",
				"suxiu", "L1 on time");
	}

}
