package org.suxiu.dispatch;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.sla.SlaTimers;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technician board, recommendations, automatic dispatch of a forgotten emergency,
 * hand-back and the open-jobs limit, on the demo roster (day shifts 08:00–20:00; tech11
 * and tech12 on call at night).
 */
class DispatchApiTest extends ClockedApplicationTest {

	@Autowired
	SlaTimers timers;

	@Test
	void theBoardShowsTheTenantsTechniciansWithSkillsAndWorkload() {
		Response board = api.get("dispatcher", "/api/v1/technicians?projectCode=DEMO");

		assertThat(board.status()).isEqualTo(200);
		assertThat(board.body().valueStream().map(t -> t.get("username").asString())).hasSize(12)
			.contains("tech01", "tech12")
			.doesNotContain("north-tech01");
		JsonNode tech01 = technician(board, "tech01");
		assertThat(tech01.get("skills").valueStream().map(JsonNode::asString)).contains("PLUMBING");
		assertThat(tech01.get("status").asString()).isEqualTo("ON_DUTY");
		assertThat(tech01.get("position").get("lat").asDouble()).isBetween(31.0, 32.0);
		assertThat(tech01.get("openJobs").isNumber()).isTrue();
	}

	@Test
	void theBoardIsForDispatchRolesOfTheTenant() {
		assertThat(api.get("agent", "/api/v1/technicians").status()).isEqualTo(403);
		assertThat(api.get("north-dispatcher", "/api/v1/technicians?projectCode=DEMO").status()).isEqualTo(404);
		assertThat(api.get("north-dispatcher", "/api/v1/technicians")
			.body()
			.valueStream()
			.map(t -> t.get("username").asString())).containsExactly("north-tech01");
	}

	@Test
	void recommendsOnlyQualifiedTechniciansOnShiftBestFirstWithReasons() {
		CLOCK.set("2026-11-27T10:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response ranked = api.get("dispatcher", "/api/v1/work-orders/" + number + "/recommendations");

		assertThat(ranked.status()).isEqualTo(200);
		List<String> names = usernames(ranked);
		assertThat(names).contains("tech01", "tech02", "tech03", "tech07").doesNotContain("tech04", "tech11");
		assertThat(ranked.body().get(0).get("technicianId").asLong()).isEqualTo(idOf("tech01"));
		assertThat(scores(ranked)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		JsonNode reasons = ranked.body().get(0).get("reasons");
		assertThat(reasons.get("etaMinutes").asLong()).isPositive();
		assertThat(reasons.get("skillLevel").asInt()).isEqualTo(5);
		assertThat(reasons.get("summary").asString()).contains("ETA");
		assertThat(ranked.body().get(1).get("reasons").get("whyNotFirst").asString()).isNotBlank();
	}

	@Test
	void atNightOnlyOnCallTechniciansAreProposedAndOnlyForUrgentWork() {
		CLOCK.set("2026-11-27T23:00:00+08:00");
		String burst = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("PLUMBING", "水管爆裂，水漫一地", Requests.home("3", "1", "301")))
			.text("number");
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		List<String> forBurst = usernames(api.get("dispatcher", "/api/v1/work-orders/" + burst + "/recommendations"));
		List<String> forTap = usernames(api.get("dispatcher", "/api/v1/work-orders/" + tap + "/recommendations"));

		assertThat(forBurst).containsExactlyInAnyOrder("tech11", "tech12");
		assertThat(forTap).isEmpty();
	}

	@Test
	void jobsInHandPushATechnicianDownTheList() {
		CLOCK.set("2026-11-27T11:00:00+08:00");
		for (int i = 0; i < 2; i++) {
			String busy = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
			api.post("dispatcher", "/api/v1/work-orders/" + busy + "/dispatch", Map.of("technicianId", "tech02"));
		}
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response ranked = api.get("dispatcher", "/api/v1/work-orders/" + number + "/recommendations");

		List<String> names = usernames(ranked);
		assertThat(names.indexOf("tech02")).isGreaterThan(names.indexOf("tech03"));
		assertThat(proposal(ranked, "tech02").get("reasons").get("jobsInHand").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyAnEmergencyMayInterruptGeneralWorkInProgress() {
		CLOCK.set("2026-11-27T14:00:00+08:00");
		String general = electricalFault("客厅灯不亮", "4", "1", "401");
		startWork("tech04", general);
		String emergency = electricalFault("配电箱冒烟", "4", "1", "402");
		String urgent = electricalFault("家里跳闸推不上去", "4", "1", "402");

		JsonNode forEmergency = proposal(api.get("dispatcher", "/api/v1/work-orders/" + emergency + "/recommendations"),
				"tech04");
		JsonNode forUrgent = proposal(api.get("dispatcher", "/api/v1/work-orders/" + urgent + "/recommendations"),
				"tech04");

		assertThat(forEmergency.get("reasons").get("preempts").asString()).isEqualTo(general);
		assertThat(forUrgent.get("reasons").get("preempts").isNull()).isTrue();
	}

	@Test
	void dispatchingAnEmergencyPutsTheTechniciansGeneralJobOnHoldWithItsClockRunning() {
		CLOCK.set("2026-11-27T14:00:00+08:00");
		String general = electricalFault("卧室插座没电", "4", "2", "601");
		startWork("tech04", general);
		String emergency = electricalFault("配电箱冒烟有焦味", "4", "2", "602");

		api.post("dispatcher", "/api/v1/work-orders/" + emergency + "/dispatch", Map.of("technicianId", "tech04"));

		JsonNode interrupted = api.get("supervisor", "/api/v1/work-orders/" + general).body();
		assertThat(interrupted.get("status").asString()).isEqualTo("ON_HOLD");
		assertThat(interrupted.get("assignee").get("name").asString()).isNotBlank();
		JsonNode line = interrupted.get("history").get(interrupted.get("history").size() - 1);
		assertThat(line.get("action").asString()).isEqualTo("interrupt");
		assertThat(line.get("note").asString()).contains(emergency);
		assertThat(interrupted.get("sla").get("complete").get("state").asString()).isEqualTo("RUNNING");
		assertThat(api.post("tech04", "/api/v1/work-orders/" + general + "/resume", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void anUrgentJobIsNotInterruptedByAnotherUrgentOne() {
		CLOCK.set("2026-11-27T14:30:00+08:00");
		String urgent = electricalFault("家里跳闸推不上去", "4", "2", "701");
		startWork("tech08", urgent);
		String another = electricalFault("楼道灯全灭", "4", "2", "702");

		api.post("dispatcher", "/api/v1/work-orders/" + another + "/dispatch", Map.of("technicianId", "tech08"));

		assertThat(api.get("supervisor", "/api/v1/work-orders/" + urgent).text("status")).isEqualTo("IN_PROGRESS");
	}

	@Test
	void anEmergencyNobodyDispatchedGoesToTheFirstProposalAutomatically() {
		CLOCK.set("2026-11-27T15:00:00+08:00");
		String number = api
			.post("agent", "/api/v1/work-orders", Requests.hotline("GAS", "楼道里闻到很浓的煤气味", Requests.area("地下车库")))
			.text("number");

		CLOCK.set("2026-11-27T15:01:01+08:00");
		timers.fireDue();

		Response order = api.get("agent", "/api/v1/work-orders/" + number);
		assertThat(order.text("status")).isEqualTo("DISPATCHED");
		assertThat(order.body().get("assignee").get("name").asString()).isIn("杨师傅", "马师傅", "朱师傅");
		JsonNode dispatch = order.body()
			.get("history")
			.valueStream()
			.filter(h -> h.get("action").asString().equals("dispatch"))
			.findFirst()
			.orElseThrow();
		assertThat(dispatch.get("actor").asString()).isEqualTo("system");
		assertThat(dispatch.get("note").asString()).contains("自动派工");
	}

	@Test
	void goingOffDutyHandsBackJobsNotYetStarted() {
		CLOCK.set("2026-11-27T16:00:00+08:00");
		String waiting = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("DOOR_WINDOW", "卧室窗户关不严", Requests.home("5", "1", "501")))
			.text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + waiting + "/dispatch", Map.of("technicianId", "tech09"));

		Response off = api.put("supervisor", "/api/v1/technicians/tech09/status", Map.of("status", "OFF"));

		try {
			assertThat(off.status()).isEqualTo(200);
			assertThat(off.text("status")).isEqualTo("OFF");
			Response order = api.get("agent", "/api/v1/work-orders/" + waiting);
			assertThat(order.text("status")).isEqualTo("NEW");
			assertThat(order.body().get("history").valueStream().map(h -> h.get("action").asString()))
				.contains("hand-back");
		}
		finally {
			api.put("supervisor", "/api/v1/technicians/tech09/status", Map.of("status", "ON_DUTY"));
		}
	}

	@Test
	void refusesADispatchBeyondTheOpenJobsLimitExceptForEmergencies() {
		CLOCK.set("2026-11-27T17:00:00+08:00");
		for (int i = 0; i < 5; i++) {
			String job = api
				.post("agent", "/api/v1/work-orders",
						Requests.hotline("APPLIANCE", "洗衣机不排水", Requests.home("6", "1", (i + 1) + "01")))
				.text("number");
			assertThat(
					api.post("dispatcher", "/api/v1/work-orders/" + job + "/dispatch", Map.of("technicianId", "tech10"))
						.status())
				.isEqualTo(200);
		}
		String sixth = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("APPLIANCE", "冰箱门关不上", Requests.home("6", "1", "601")))
			.text("number");

		Response refused = api.post("dispatcher", "/api/v1/work-orders/" + sixth + "/dispatch",
				Map.of("technicianId", "tech10"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("technician-at-capacity");
		assertThat(api.get("agent", "/api/v1/work-orders/" + sixth).text("status")).isEqualTo("NEW");
	}

	@Test
	void overrulingTheFirstProposalIsRecordedWithTheDispatchersReason() {
		CLOCK.set("2026-11-27T10:45:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		String first = api.get("dispatcher", "/api/v1/work-orders/" + number + "/recommendations")
			.body()
			.get(0)
			.get("name")
			.asString();

		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", "tech07", "note", "业主指定朱师傅"));

		List<JsonNode> history = api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.toList();
		assertThat(history).anySatisfy(h -> {
			assertThat(h.get("action").asString()).isEqualTo("dispatch");
			assertThat(h.get("note").asString()).contains("业主指定朱师傅");
		});
		assertThat(history).anySatisfy(h -> {
			assertThat(h.get("action").asString()).isEqualTo("dispatch-override");
			assertThat(h.get("note").asString()).contains(first).contains("朱师傅");
		});
	}

	@Test
	void followingTheFirstProposalAddsNoOverrideLine() {
		CLOCK.set("2026-11-27T10:50:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		long first = api.get("dispatcher", "/api/v1/work-orders/" + number + "/recommendations")
			.body()
			.get(0)
			.get("technicianId")
			.asLong();

		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", String.valueOf(first)));

		assertThat(api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(h -> h.get("action").asString())).doesNotContain("dispatch-override");
	}

	@Test
	void recommendationsAreForDispatchersAndSupervisorsOfTheTenant() {
		CLOCK.set("2026-11-27T10:30:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		assertThat(api.get("agent", "/api/v1/work-orders/" + number + "/recommendations").status()).isEqualTo(403);
		assertThat(api.get("north-dispatcher", "/api/v1/work-orders/" + number + "/recommendations").status())
			.isEqualTo(404);
		assertThat(api.get("supervisor", "/api/v1/work-orders/" + number + "/recommendations").status()).isEqualTo(200);
	}

	private long idOf(String username) {
		return technician(api.get("dispatcher", "/api/v1/technicians"), username).get("id").asLong();
	}

	private static JsonNode technician(Response board, String username) {
		return board.body()
			.valueStream()
			.filter(t -> t.get("username").asString().equals(username))
			.findFirst()
			.orElseThrow();
	}

	/** An agent reports an electrical fault in a home; returns the order number. */
	private String electricalFault(String description, String building, String unit, String room) {
		return api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("ELECTRICAL", description, Requests.home(building, unit, room)))
			.text("number");
	}

	/**
	 * The dispatcher sends the order to the technician, who takes it, arrives and starts.
	 */
	private void startWork(String technician, String number) {
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", technician));
		for (String action : List.of("take", "arrive", "start")) {
			api.post(technician, "/api/v1/work-orders/" + number + "/" + action, Map.of());
		}
	}

	private JsonNode proposal(Response ranked, String username) {
		long id = idOf(username);
		return ranked.body()
			.valueStream()
			.filter(p -> p.get("technicianId").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError(username + " not proposed: " + ranked.body()));
	}

	private List<String> usernames(Response ranked) {
		Response board = api.get("dispatcher", "/api/v1/technicians");
		return ranked.body()
			.valueStream()
			.map(p -> board.body()
				.valueStream()
				.filter(t -> t.get("id").asLong() == p.get("technicianId").asLong())
				.findFirst()
				.orElseThrow()
				.get("username")
				.asString())
			.toList();
	}

	private static List<Double> scores(Response ranked) {
		return ranked.body().valueStream().map(p -> p.get("score").asDouble()).toList();
	}

}
