package org.suxiu.workorder;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hotline call taken, dispatched, worked, accepted and followed up through the public
 * API, with every step in the history.
 */
class WorkOrderLifecycleTest extends ApplicationTest {

	@Test
	void hotlineCallGoesFromIntakeToClosedWithEveryStepTraced() {
		Response created = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());
		String number = created.text("number");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo("/api/v1/work-orders/" + number);
		assertThat(number).matches("BX\\d{8}\\d{6,}");
		assertThat(created.text("grade")).isEqualTo("L1");
		assertThat(created.text("gradeSource")).isEqualTo("AUTO");

		assertThat(act("dispatcher", number, "dispatch", Map.of("technicianId", "tech01")).text("status"))
			.isEqualTo("DISPATCHED");
		assertThat(act("tech01", number, "take", Map.of()).text("status")).isEqualTo("TAKEN");
		assertThat(act("tech01", number, "arrive", Map.of()).text("status")).isEqualTo("ARRIVED");
		assertThat(act("tech01", number, "start", Map.of()).text("status")).isEqualTo("IN_PROGRESS");
		assertThat(act("tech01", number, "hold", Map.of("reason", "等配件 waiting for parts")).text("status"))
			.isEqualTo("ON_HOLD");
		assertThat(act("tech01", number, "resume", Map.of()).text("status")).isEqualTo("IN_PROGRESS");
		assertThat(act("tech01", number, "complete", Map.of("resolution", "更换门机板，放人")).text("status"))
			.isEqualTo("COMPLETED");
		assertThat(act("13800000001", number, "accept", Map.of("rating", 5, "comment", "很快")).text("status"))
			.isEqualTo("ACCEPTED");
		Response closed = act("agent", number, "follow-up", Map.of("satisfied", true, "note", "业主满意"));

		assertThat(closed.text("status")).isEqualTo("CLOSED");
		Response detail = api.get("agent", "/api/v1/work-orders/" + number);
		// tech01 need not be the first proposal at the hour the test runs; that adds a
		// dispatch-override line
		List<String> actions = detail.body()
			.get("history")
			.valueStream()
			.map(h -> h.get("action").asString())
			.filter(action -> !action.equals("dispatch-override"))
			.toList();
		assertThat(actions).containsExactly("create", "dispatch", "take", "arrive", "start", "hold", "resume",
				"complete", "accept", "follow-up");
		assertThat(detail.body().get("history").get(1).get("actor").asString()).isEqualTo("dispatcher");
		assertThat(detail.body().get("history").get(1).get("role").asString()).isEqualTo("DISPATCHER");
		assertThat(detail.body().get("history").get(1).get("from").asString()).isEqualTo("NEW");
		assertThat(detail.body().get("history").get(1).get("to").asString()).isEqualTo("DISPATCHED");
		assertThat(detail.body().get("rating").asInt()).isEqualTo(5);
		assertThat(detail.body().get("version").asInt()).isEqualTo(9);
	}

	@Test
	void reopenClosesTheOriginalAndOpensALinkedReworkOrder() {
		String number = completedLeakOfOwner();

		Response rework = act("13800000001", number, "reopen", Map.of("reason", "还在漏"));

		assertThat(rework.status()).isEqualTo(201);
		assertThat(rework.text("reworkOf")).isEqualTo(number);
		assertThat(rework.text("status")).isEqualTo("NEW");
		Response original = api.get("13800000001", "/api/v1/work-orders/" + number);
		assertThat(original.text("status")).isEqualTo("CLOSED");
		assertThat(original.text("reworkNumber")).isEqualTo(rework.text("number"));
	}

	@Test
	void declineSendsTheOrderBackToNewWithoutAssignee() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		act("dispatcher", number, "dispatch", Map.of("technicianId", "tech02"));

		Response declined = act("tech02", number, "decline", Map.of("reason", "不在附近"));

		assertThat(declined.text("status")).isEqualTo("NEW");
		assertThat(declined.body().get("assignee")).isNull();
	}

	private String completedLeakOfOwner() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		act("dispatcher", number, "dispatch", Map.of("technicianId", "tech03"));
		act("tech03", number, "take", Map.of());
		act("tech03", number, "arrive", Map.of());
		act("tech03", number, "start", Map.of());
		act("tech03", number, "complete", Map.of("resolution", "更换密封圈"));
		return number;
	}

	private Response act(String user, String number, String action, Map<String, Object> body) {
		Response response = api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as(action + ": " + response.body()).isIn(200, 201);
		return response;
	}

}
