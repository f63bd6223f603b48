package org.suxiu.sla;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managers change a project's service levels through the API; the next order is timed by
 * them.
 */
class SlaPolicyApiTest extends ClockedApplicationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void restoreDefaults() {
		jdbc.sql("DELETE FROM sla_policy").update();
	}

	@Test
	void servesTheDefaultsOfTheServicePlan() {
		Response policy = api.get("manager", "/api/v1/projects/DEMO/sla-policy");

		assertThat(policy.status()).isEqualTo(200);
		JsonNode l1 = policy.body().get("grades").get("L1");
		assertThat(l1.get("respond").asString()).isEqualTo("PT5M");
		assertThat(l1.get("arrive").asString()).isEqualTo("PT30M");
		assertThat(l1.get("clock").asString()).isEqualTo("24H");
		assertThat(policy.body().get("grades").get("L3").get("clock").asString()).isEqualTo("WORKING");
		assertThat(policy.body().get("grades").get("L4").get("clock").asString()).isEqualTo("APPOINTMENT");
		assertThat(policy.body().get("workingHours").get("from").asString()).isEqualTo("08:30");
		assertThat(policy.body().get("warnAt").get(0).asDouble()).isEqualTo(0.5);
	}

	@Test
	void aPutOfTheReadDocumentWithOneValueChangedChangesOnlyThatValue() {
		ObjectNode document = (ObjectNode) api.get("manager", "/api/v1/projects/DEMO/sla-policy").body();
		((ObjectNode) document.get("grades").get("L1")).put("respond", "PT10M");

		Response saved = api.put("manager", "/api/v1/projects/DEMO/sla-policy", document);
		CLOCK.set("2026-11-27T09:00:00+08:00");
		Response order = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());

		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body().get("grades").get("L1").get("respond").asString()).isEqualTo("PT10M");
		assertThat(saved.body().get("grades").get("L1").get("arrive").asString()).isEqualTo("PT30M");
		assertThat(saved.body().get("grades").get("L3").get("arrive").asString()).isEqualTo("P1D");
		assertThat(order.body().get("deadlines").get("respondBy").asString()).startsWith("2026-11-27T09:10");
	}

	@Test
	void aPartialDocumentChangesOnlyWhatItNames() {
		Response saved = api.put("admin", "/api/v1/projects/DEMO/sla-policy",
				Map.of("workingHours", Map.of("from", "09:00", "to", "18:00")));

		assertThat(saved.body().get("workingHours").get("from").asString()).isEqualTo("09:00");
		assertThat(saved.body().get("grades").get("L2").get("respond").asString()).isEqualTo("PT15M");
	}

	@Test
	void refusesAStaleVersion() {
		JsonNode document = api.get("manager", "/api/v1/projects/DEMO/sla-policy").body();
		api.put("manager", "/api/v1/projects/DEMO/sla-policy", document);

		Response stale = api.put("manager", "/api/v1/projects/DEMO/sla-policy", document);

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemType()).isEqualTo("concurrent-change");
	}

	@Test
	void refusesADurationThatIsNotIso8601AndChangesNothing() {
		Response refused = api.put("manager", "/api/v1/projects/DEMO/sla-policy",
				Map.of("grades", Map.of("L1", Map.of("respond", "5 minutes"))));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("grades.L1.respond");
		assertThat(api.get("manager", "/api/v1/projects/DEMO/sla-policy")
			.body()
			.get("grades")
			.get("L1")
			.get("respond")
			.asString()).isEqualTo("PT5M");
	}

	@Test
	void onlyManagersAndAdministratorsOfTheTenantSeeThePolicy() {
		assertThat(api.get("agent", "/api/v1/projects/DEMO/sla-policy").status()).isEqualTo(403);
		assertThat(api.get("north-agent", "/api/v1/projects/DEMO/sla-policy").status()).isEqualTo(404);
		assertThat(
				api.put("dispatcher", "/api/v1/projects/DEMO/calendar/2026-12-01", Map.of("type", "HOLIDAY")).status())
			.isEqualTo(403);
	}

	@Test
	void refusesAnUnknownDayType() {
		Response refused = api.put("manager", "/api/v1/projects/DEMO/calendar/2026-12-01", Map.of("type", "PARTY"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
	}

	@Test
	void summarisesThePromisesKeptPerGradeAndClock() {
		CLOCK.set("2026-11-20T09:00:00+08:00");
		JsonNode before = l1Respond(api.get("manager", SUMMARY_OF_20_NOVEMBER));
		String kept = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());
		CLOCK.set("2026-11-20T09:02:00+08:00");
		api.post("dispatcher", "/api/v1/work-orders/" + kept + "/dispatch", Map.of("technicianId", "tech07"));
		api.post("tech07", "/api/v1/work-orders/" + kept + "/take", Map.of());
		CLOCK.set("2026-11-20T10:00:00+08:00");

		JsonNode respond = l1Respond(api.get("manager", SUMMARY_OF_20_NOVEMBER));

		assertThat(respond.get("orders").asLong() - count(before, "orders")).isEqualTo(2);
		assertThat(respond.get("met").asLong() - count(before, "met")).isEqualTo(1);
		assertThat(respond.get("missed").asLong() - count(before, "missed")).isEqualTo(1);
		if (before == null) {
			assertThat(respond.get("metShare").asDouble()).isEqualTo(0.5);
			assertThat(respond.get("meanMinutes").asDouble()).isEqualTo(2.0);
		}
	}

	/** The demo history may hold lift calls of its own that day. */
	private static final String SUMMARY_OF_20_NOVEMBER = "/api/v1/sla/summary?projectCode=DEMO"
			+ "&from=2026-11-20T00:00:00%2B08:00&to=2026-11-21T00:00:00%2B08:00";

	private static JsonNode l1Respond(Response summary) {
		JsonNode l1 = summary.body().get("grades").get("L1");
		return l1 == null ? null : l1.get("respond");
	}

	private static long count(JsonNode figures, String field) {
		return figures == null ? 0 : figures.get(field).asLong();
	}

}
