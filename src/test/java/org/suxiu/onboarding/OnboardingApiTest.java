package org.suxiu.onboarding;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.ProductionRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an empty PostgreSQL server to the first closed order using only the API, as a
 * property company would in production: no demo data, the operator's account from
 * configuration, everything else through the endpoints.
 */
class OnboardingApiTest {

	private static ProductionRun run;

	@BeforeAll
	static void start() {
		run = ProductionRun.start();
	}

	@AfterAll
	static void stop() {
		run.close();
	}

	@Test
	void aNewCompanyTakesItsFirstOrderFromIntakeToClosed() {
		Api api = run.api();
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", "admin", "password", "demo123")).status())
			.as("no demo accounts in production")
			.isEqualTo(401);

		Onboarding.company(api);
		Onboarding.project(api);
		Onboarding.homes(api);
		Onboarding.staff(api);
		Response policy = api.get(Onboarding.ADMIN, "/api/v1/projects/CG/sla-policy");
		String number = Onboarding.leakReported(api);
		String technician = api.get("cg-dispatcher", "/api/v1/technicians?projectCode=CG")
			.body()
			.get(0)
			.get("id")
			.asString();
		step(api, "cg-dispatcher", number, "dispatch", Map.of("technicianId", technician));
		step(api, "cg-tech", number, "take", Map.of());
		step(api, "cg-tech", number, "arrive", Map.of());
		step(api, "cg-tech", number, "start", Map.of());
		step(api, "cg-tech", number, "complete", Map.of("resolution", "更换接头密封圈"));
		step(api, "cg-agent", number, "accept", Map.of("rating", 5, "comment", "修得快"));
		Response closed = step(api, "cg-agent", number, "follow-up", Map.of("satisfied", true, "note", "回访满意"));

		assertThat(policy.body().at("/grades/L1/respond").asString()).isEqualTo("PT5M");
		assertThat(closed.text("status")).isEqualTo("CLOSED");
		List<String> actions = api.get("cg-agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(h -> h.get("action").asString())
			.toList();
		assertThat(actions).containsSubsequence("create", "dispatch", "take", "arrive", "start", "complete", "accept",
				"follow-up");
		JsonNode projects = api.get(Onboarding.ADMIN, "/api/v1/projects").body().get("items");
		assertThat(projects.get(0).get("homes").asInt()).isEqualTo(42);
		assertThat(projects.get(0).get("areas").asInt()).isEqualTo(2);
	}

	private static Response step(Api api, String user, String number, String action, Map<String, Object> body) {
		Response response = api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
		return response;
	}

}
