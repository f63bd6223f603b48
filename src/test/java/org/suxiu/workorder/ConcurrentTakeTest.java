package org.suxiu.workorder;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.Together;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transitions that race, or that name a version the caller read before someone else
 * wrote, change the order once and answer 409 to the rest.
 */
class ConcurrentTakeTest extends ApplicationTest {

	@Test
	void onlyOneOfTwentyConcurrentTakesSucceeds() throws Exception {
		int clients = 20;
		String number = dispatchedToTech01();
		api.token("tech01");

		List<Response> responses = Together.run(clients,
				() -> api.post("tech01", "/api/v1/work-orders/" + number + "/take", Map.of()));

		assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() != 200)
			.hasSize(clients - 1)
			.allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isEqualTo(409))
			.allSatisfy(r -> assertThat(r.isProblem()).isTrue());
		assertThat(actions(number)).containsOnlyOnce("take");
	}

	@Test
	void refusesTransitionNamingAStaleVersion() {
		String number = dispatchedToTech01();
		int stale = api.get("tech01", "/api/v1/work-orders/" + number).body().get("version").asInt() - 1;

		Response response = api.post("tech01", "/api/v1/work-orders/" + number + "/take", Map.of("version", stale));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("concurrent-change");
		assertThat(api.get("tech01", "/api/v1/work-orders/" + number).text("status")).isEqualTo("DISPATCHED");
	}

	@Test
	void acceptsTransitionNamingTheCurrentVersion() {
		String number = dispatchedToTech01();
		int current = api.get("tech01", "/api/v1/work-orders/" + number).body().get("version").asInt();

		Response response = api.post("tech01", "/api/v1/work-orders/" + number + "/take", Map.of("version", current));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("TAKEN");
		assertThat(response.body().get("version").asInt()).isEqualTo(current + 1);
	}

	private String dispatchedToTech01() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		Response dispatched = api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", "tech01"));
		assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
		return number;
	}

	private List<String> actions(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(entry -> entry.get("action").asString())
			.toList();
	}

}
