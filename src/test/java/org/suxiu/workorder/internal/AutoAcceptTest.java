package org.suxiu.workorder.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completed work the owner does not accept is accepted by the system after three days,
 * once, from a timer row; work the owner accepted is left as it is.
 */
class AutoAcceptTest extends ClockedApplicationTest {

	@Autowired
	AutoAccept autoAccept;

	@Test
	void completedWorkIsAcceptedByTheSystemAfterThreeDaysOnce() {
		String number = completed();

		CLOCK.advance(Duration.ofDays(3).minusMinutes(1));
		autoAccept.fireDue();
		String before = status(number);
		CLOCK.advance(Duration.ofMinutes(2));
		autoAccept.fireDue();
		autoAccept.fireDue();

		assertThat(before).isEqualTo("COMPLETED");
		assertThat(status(number)).isEqualTo("ACCEPTED");
		assertThat(actions(number).stream().filter("auto-accept"::equals)).hasSize(1);
	}

	@Test
	void workTheOwnerAcceptedIsLeftAsItIs() {
		String number = completed();
		api.post("13800000001", "/api/v1/work-orders/" + number + "/accept", Map.of("rating", 4));

		CLOCK.advance(Duration.ofDays(4));
		autoAccept.fireDue();

		JsonNode order = api.get("agent", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("rating").asInt()).isEqualTo(4);
		assertThat(actions(number)).doesNotContain("auto-accept");
	}

	private String completed() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech03"));
		for (String step : List.of("take", "arrive", "start")) {
			api.post("tech03", "/api/v1/work-orders/" + number + "/" + step, Map.of());
		}
		assertThat(
				api.post("tech03", "/api/v1/work-orders/" + number + "/complete", Map.of("resolution", "已修好")).status())
			.isEqualTo(200);
		return number;
	}

	private String status(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number).text("status");
	}

	private List<String> actions(String number) {
		List<String> actions = new ArrayList<>();
		api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.forEach(l -> actions.add(l.get("action").asString()));
		return actions;
	}

}
