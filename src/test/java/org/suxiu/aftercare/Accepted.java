package org.suxiu.aftercare;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accepted orders of the demo project through the public API, each with its follow-up
 * decided, so that an aftercare test starts where its behaviour begins.
 */
final class Accepted {

	static final String TECHNICIAN = "tech02";

	private final Api api;

	Accepted(Api api) {
		this.api = api;
	}

	/**
	 * A hotline call of the given grade about 2-1-502's tap, repaired by tech02 and
	 * accepted by the agent with {@code rating} stars.
	 */
	String order(String grade, int rating) {
		String number = completed(grade);
		act("agent", number, "accept", Map.of("rating", rating));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("agent", "/api/v1/follow-ups/" + number).status() == 200);
		return number;
	}

	String completed(String grade) {
		Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水", Requests.home("2", "1", "502")), "grade", grade));
		assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
		String number = created.text("number");
		act("dispatcher", number, "dispatch", Map.of("technicianId", TECHNICIAN));
		for (String step : List.of("take", "arrive", "start")) {
			act(TECHNICIAN, number, step, Map.of());
		}
		act(TECHNICIAN, number, "complete", Map.of("resolution", "更换阀芯"));
		return number;
	}

	Response followUp(String user, String number) {
		return api.get(user, "/api/v1/follow-ups/" + number);
	}

	Response call(String user, String number, Map<String, ?> body) {
		return api.post(user, "/api/v1/follow-ups/" + number + "/calls", body);
	}

	void act(String user, String number, String action, Map<String, ?> body) {
		Response response = api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as("%s by %s: %s", action, user, response.body()).isIn(200, 201);
	}

	String status(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number).text("status");
	}

	List<String> actions(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(line -> line.get("action").asString())
			.toList();
	}

}
