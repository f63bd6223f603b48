package org.suxiu.workorder;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entrapment milestone (被困人员已解救): recorded once by the technician on site of a lift
 * emergency, with its own history line and time, refused anywhere else.
 */
class RescueTest extends ApplicationTest {

	@Test
	void recordsWhenPeopleTrappedInALiftWereFreedWithoutChangingTheStatus() {
		String number = liftEmergencyArrivedBy("tech01");

		Response rescued = act("tech01", number, "rescue", Map.of());

		assertThat(rescued.status()).isEqualTo(200);
		assertThat(rescued.text("status")).isEqualTo("ARRIVED");
		assertThat(rescued.text("rescuedAt")).isNotBlank();
		List<String> actions = api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(h -> h.get("action").asString())
			.toList();
		assertThat(actions).endsWith("arrive", "rescue");
	}

	@Test
	void refusesASecondRescueAsAConflict() {
		String number = liftEmergencyArrivedBy("tech01");
		act("tech01", number, "rescue", Map.of());

		Response again = act("tech01", number, "rescue", Map.of());

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.problemType()).isEqualTo("illegal-transition");
	}

	@Test
	void refusesARescueBeforeTheTechnicianIsThere() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		act("dispatcher", number, "dispatch", Map.of("technicianId", "tech01"));
		act("tech01", number, "take", Map.of());

		Response early = act("tech01", number, "rescue", Map.of());

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.problemType()).isEqualTo("illegal-transition");
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("rescuedAt")).isNull();
	}

	@Test
	void refusesARescueOnAnOrderThatIsNoLiftEmergency() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		act("dispatcher", number, "dispatch", Map.of("technicianId", "tech02"));
		act("tech02", number, "take", Map.of());
		act("tech02", number, "arrive", Map.of());

		Response refused = act("tech02", number, "rescue", Map.of());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("not-an-entrapment");
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).body().get("version").asInt()).isEqualTo(3);
	}

	@Test
	void refusesARescueByAnyoneButTheAssignedTechnician() {
		String number = liftEmergencyArrivedBy("tech01");

		assertThat(act("tech02", number, "rescue", Map.of()).status()).isIn(403, 404);
		assertThat(act("dispatcher", number, "rescue", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void theSlaSummaryCountsTheTimeToRescue() {
		String number = liftEmergencyArrivedBy("tech01");
		act("tech01", number, "rescue", Map.of());

		Response summary = api.get("manager", "/api/v1/sla/summary?projectCode=DEMO");

		assertThat(summary.status()).isEqualTo(200);
		var rescues = summary.body().get("rescues");
		assertThat(rescues.get("entrapments").asLong()).isPositive();
		assertThat(rescues.get("rescued").asLong()).isPositive();
		assertThat(rescues.get("meanMinutes").asDouble()).isNotNegative();
		assertThat(rescues.get("p90Minutes").asDouble()).isGreaterThanOrEqualTo(0);
	}

	private String liftEmergencyArrivedBy(String technician) {
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		act("dispatcher", number, "dispatch", Map.of("technicianId", technician));
		act(technician, number, "take", Map.of());
		assertThat(act(technician, number, "arrive", Map.of()).text("status")).isEqualTo("ARRIVED");
		return number;
	}

	private Response act(String user, String number, String action, Map<String, Object> body) {
		return api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
	}

}
