package org.suxiu.field;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suxiu.field.FieldApiTest.fix;

/**
 * Positions from the technician's phone: off the map, in the future, off duty or someone
 * else's refused with nothing changed; in a batch the newest fresh one kept and stale
 * ones aged out. On a hand-set clock a day after every other test's, so the positions
 * kept before are older.
 */
class PositionsApiTest extends ClockedApplicationTest {

	static final double SITE_LAT = 31.2304;

	static final double SITE_LNG = 121.4737;

	private static final String TECH = "tech09";

	@BeforeEach
	void aDayLater() {
		CLOCK.set("2026-12-28T10:00:00+08:00");
	}

	@Test
	void positionsOffTheMapOrInTheFutureAreRefusedAndChangeNothing() {
		JsonNode before = position(TECH);

		Response nullIsland = api.put(TECH, "/api/v1/technicians/" + TECH + "/position", Map.of("lat", 0, "lng", 0));
		Response beijing = api.put(TECH, "/api/v1/technicians/" + TECH + "/position",
				Map.of("lat", 39.9042, "lng", 116.4074));
		Response future = api.post(TECH, "/api/v1/technicians/" + TECH + "/positions",
				Map.of("positions", List.of(fix(SITE_LAT + 0.01, SITE_LNG, now().minusSeconds(10)),
						fix(SITE_LAT + 0.02, SITE_LNG, now().plusMinutes(10)))));
		Response notAPlace = api.put(TECH, "/api/v1/technicians/" + TECH + "/position", Map.of("lat", 91, "lng", 10));

		for (Response refused : List.of(nullIsland, beijing, future, notAPlace)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.isProblem()).isTrue();
		}
		assertThat(position(TECH)).isEqualTo(before);
	}

	@Test
	void aBatchKeepsTheNewestFreshPositionAndAgesOutStaleOnes() {
		OffsetDateTime now = now();

		Response batch = api.post(TECH, "/api/v1/technicians/" + TECH + "/positions",
				Map.of("positions",
						List.of(fix(SITE_LAT + 0.03, SITE_LNG, now.minusHours(1)),
								fix(SITE_LAT + 0.02, SITE_LNG, now.minusSeconds(60)),
								fix(SITE_LAT + 0.01, SITE_LNG, now.minusSeconds(5)))));
		Response older = api.post(TECH, "/api/v1/technicians/" + TECH + "/positions",
				Map.of("positions", List.of(fix(SITE_LAT + 0.05, SITE_LNG, now.minusSeconds(30)))));

		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.body().get("accepted").asInt()).isEqualTo(2);
		assertThat(batch.body().get("ignored").asInt()).isEqualTo(1);
		assertThat(older.body().get("accepted").asInt()).isZero();
		assertThat(older.body().get("ignored").asInt()).isEqualTo(1);
		assertThat(position(TECH).get("lat").asDouble()).isEqualTo(SITE_LAT + 0.01);
	}

	@Test
	void onlyTheTechnicianOnDutyReportsTheirOwnPosition() {
		Response byDispatcher = api.put("dispatcher", "/api/v1/technicians/" + TECH + "/position",
				Map.of("lat", SITE_LAT, "lng", SITE_LNG));
		Response byColleague = api.post("tech10", "/api/v1/technicians/" + TECH + "/positions",
				Map.of("positions", List.of(fix(SITE_LAT, SITE_LNG, null))));
		api.put("tech08", "/api/v1/technicians/tech08/status", Map.of("status", "OFF"));
		Response resting;
		try {
			resting = api.put("tech08", "/api/v1/technicians/tech08/position",
					Map.of("lat", SITE_LAT, "lng", SITE_LNG));
		}
		finally {
			api.put("tech08", "/api/v1/technicians/tech08/status", Map.of("status", "ON_DUTY"));
		}

		assertThat(byDispatcher.status()).isEqualTo(403);
		assertThat(byColleague.status()).isEqualTo(403);
		assertThat(resting.status()).isEqualTo(422);
		assertThat(resting.problemType()).endsWith("off-duty");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.ofInstant(CLOCK.instant(), java.time.ZoneOffset.ofHours(8));
	}

	private JsonNode position(String username) {
		for (JsonNode technician : api.get("dispatcher", "/api/v1/technicians").body()) {
			if (technician.get("username").asString().equals(username)) {
				return technician.get("position");
			}
		}
		throw new IllegalStateException("No technician " + username);
	}

}
