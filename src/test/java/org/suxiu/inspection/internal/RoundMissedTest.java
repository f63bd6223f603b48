package org.suxiu.inspection.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.Together;
import org.suxiu.inspection.Routes;

import static org.assertj.core.api.Assertions.assertThat;

/** A round not finished by its time is flagged to the supervisor once. */
class RoundMissedTest extends ClockedApplicationTest {

	@Autowired
	RoundWatch watch;

	@Test
	void aRoundNotFinishedInTimeIsFlaggedOnce() throws Exception {
		CLOCK.set("2027-07-05T20:00:00+08:00");
		JsonNode route = new Routes(api).pumpAndPowerRooms();
		long round = api
			.post("supervisor", "/api/v1/inspection-rounds",
					Map.of("routeId", route.get("id").asLong(), "assignee", "tech03", "dueFrom",
							"2027-07-05T20:00:00+08:00", "dueBy", "2027-07-05T22:00:00+08:00"))
			.body()
			.get("id")
			.asLong();
		api.post("tech03", "/api/v1/inspection-rounds/" + round + "/checkins",
				Map.of("checkpointId", Routes.checkpoint(route, 1).get("id").asLong(), "results",
						List.of(Map.of("itemId", Routes.item(route, 1, 0), "pass", true))));

		CLOCK.advance(Duration.ofHours(3));
		Together.run(2, watch::flagMissed);
		watch.flagMissed();

		JsonNode details = api.get("supervisor", "/api/v1/inspection-rounds/" + round).body().get("round");
		assertThat(details.get("state").asString()).isEqualTo("MISSED");
		assertThat(details.get("flaggedAt").isNull()).isFalse();
	}

}
