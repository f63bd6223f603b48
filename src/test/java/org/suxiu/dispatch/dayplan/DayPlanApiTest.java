package org.suxiu.dispatch.dayplan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suxiu.Api.Response;
import org.suxiu.ApiTest;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.Together;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day plan through HTTP: propose, read, apply, skip what changed, apply once, keep
 * work in hand where it is, roles and tenants, and the periodic re-plan. Its own
 * application and database (the demo roster: day shifts 08:00–20:00), so that the plans
 * see only these tests' orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suxiu.sla.poller.enabled=false", "suxiu.security.token-lifetime=P3650D",
				"suxiu.dispatch.planner.time-limit=PT1S", "suxiu.dispatch.planner.unimproved-time-limit=PT0.3S" },
		classes = { SuxiuApplication.class, DayPlanApiTest.TestClock.class })
class DayPlanApiTest extends ApiTest {

	static final MutableClock CLOCK = MutableClock.at("2026-11-30T09:30:00+08:00");

	private static final Path DATA_DIR = temporaryDataDirectory("suxiu-day-plan-test-");

	@Autowired
	DayPlanSchedule schedule;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}

	}

	@BeforeEach
	void aQuietMondayMorning() {
		CLOCK.set("2026-11-30T09:30:00+08:00");
		for (String status : List.of("NEW", "DISPATCHED")) {
			for (JsonNode order : api
				.get("dispatcher", "/api/v1/work-orders?projectCode=DEMO&size=100&status=" + status)
				.body()
				.get("items")
				.valueStream()
				.toList()) {
				api.post("dispatcher", "/api/v1/work-orders/" + order.get("number").asString() + "/cancel",
						Map.of("reason", "测试清场 test clean-up"));
			}
		}
	}

	@Test
	void applyingAPlanDispatchesEachOrderToItsPlannedTechnicianWithTheHistoryToShow() {
		List<String> orders = List.of(order("PLUMBING", "厨房水龙头一直滴水", "1", "101"),
				order("ELECTRICAL", "客厅灯不亮", "2", "201"), order("DOOR_WINDOW", "卧室窗户关不严", "3", "301"));

		Response proposed = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan", Map.of());

		assertThat(proposed.status()).isEqualTo(201);
		assertThat(proposed.location()).endsWith("/api/v1/projects/DEMO/day-plan/" + proposed.text("id"));
		assertThat(proposed.text("status")).isEqualTo("PROPOSED");
		assertThat(proposed.body().get("feasible").asBoolean()).isTrue();
		assertThat(proposed.text("createdBy")).isEqualTo("dispatcher");
		Map<String, Long> planned = plannedTechnicians(proposed.body());
		assertThat(planned).containsOnlyKeys(orders);
		assertThat(proposed.body().get("unplanned").isEmpty()).isTrue();
		for (String number : orders) {
			assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("NEW");
		}

		Response applied = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan/" + proposed.text("id") + "/apply",
				Map.of());

		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.text("status")).isEqualTo("APPLIED");
		assertThat(applied.text("appliedBy")).isEqualTo("dispatcher");
		for (String number : orders) {
			Response order = api.get("dispatcher", "/api/v1/work-orders/" + number);
			assertThat(order.text("status")).isEqualTo("DISPATCHED");
			assertThat(order.body().get("assignee").get("id").asLong()).isEqualTo(planned.get(number));
			assertThat(order.body().get("history").valueStream()).anySatisfy(h -> {
				assertThat(h.get("action").asString()).isEqualTo("dispatch");
				assertThat(h.get("actor").asString()).isEqualTo("dispatcher");
				assertThat(h.get("note").asString()).contains("day plan #" + proposed.text("id"));
			});
			assertThat(stop(applied.body(), number).get("outcome").asString()).isEqualTo("DISPATCHED");
		}
	}

	@Test
	void aPlanIsAppliedOnceAndTheSecondApplyAnswers409() throws Exception {
		String number = order("PLUMBING", "卫生间下水慢", "4", "401");
		String id = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan", Map.of()).text("id");

		List<Integer> statuses = Together.run(2,
				() -> api.post("supervisor", "/api/v1/projects/DEMO/day-plan/" + id + "/apply", Map.of()).status());
		Response again = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan/" + id + "/apply", Map.of());

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.problemType()).isEqualTo("day-plan-applied");
		assertThat(api.get("dispatcher", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.filter(h -> h.get("action").asString().equals("dispatch"))
			.count()).isEqualTo(1);
	}

	@Test
	void anOrderThatChangedSinceThePlanIsSkippedWithTheReasonAndTheRestIsApplied() {
		String dispatchedMeanwhile = order("PLUMBING", "阳台地漏堵了", "5", "501");
		String unchanged = order("ELECTRICAL", "插座没电", "5", "502");
		Response proposed = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan", Map.of());
		api.post("dispatcher", "/api/v1/work-orders/" + dispatchedMeanwhile + "/dispatch",
				Map.of("technicianId", "tech07"));

		Response applied = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan/" + proposed.text("id") + "/apply",
				Map.of());

		JsonNode skipped = stop(applied.body(), dispatchedMeanwhile);
		assertThat(skipped.get("outcome").asString()).isEqualTo("SKIPPED");
		assertThat(skipped.get("outcomeNote").asString()).contains("NEW → DISPATCHED");
		assertThat(api.get("dispatcher", "/api/v1/work-orders/" + dispatchedMeanwhile)
			.body()
			.get("assignee")
			.get("name")
			.asString()).isEqualTo(technicianName("tech07"));
		assertThat(stop(applied.body(), unchanged).get("outcome").asString()).isEqualTo("DISPATCHED");
		assertThat(api.get("dispatcher", "/api/v1/work-orders/" + unchanged).text("status")).isEqualTo("DISPATCHED");
	}

	@Test
	void workAlreadyTakenOrStartedStaysWhereItIsAndNewWorkIsPlannedAfterIt() {
		String taken = order("PLUMBING", "洗手池漏水", "6", "601");
		api.post("dispatcher", "/api/v1/work-orders/" + taken + "/dispatch", Map.of("technicianId", "tech01"));
		api.post("tech01", "/api/v1/work-orders/" + taken + "/take", Map.of());
		String started = order("PLUMBING", "马桶水箱一直流水", "6", "702");
		api.post("dispatcher", "/api/v1/work-orders/" + started + "/dispatch", Map.of("technicianId", "tech02"));
		for (String action : List.of("take", "arrive", "start")) {
			api.post("tech02", "/api/v1/work-orders/" + started + "/" + action, Map.of());
		}
		String fresh = order("PLUMBING", "厨房水槽下水慢", "6", "801");

		Response proposed = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan", Map.of());

		try {
			JsonNode route = route(proposed.body(), "tech01");
			assertThat(route.get("stops").get(0).get("number").asString()).isEqualTo(taken);
			assertThat(route.get("stops").get(0).get("pinned").asBoolean()).isTrue();
			assertThat(plannedTechnicians(proposed.body())).containsOnlyKeys(fresh);
			JsonNode freshStop = stop(proposed.body(), fresh);
			assertThat(freshStop.get("pinned").asBoolean()).isFalse();

			Response applied = api.post("dispatcher",
					"/api/v1/projects/DEMO/day-plan/" + proposed.text("id") + "/apply", Map.of());

			assertThat(stop(applied.body(), taken).get("outcome").isNull()).isTrue();
			assertThat(api.get("dispatcher", "/api/v1/work-orders/" + taken).text("status")).isEqualTo("TAKEN");
			assertThat(api.get("dispatcher", "/api/v1/work-orders/" + started).text("status")).isEqualTo("IN_PROGRESS");
			assertThat(api.get("dispatcher", "/api/v1/work-orders/" + fresh).text("status")).isEqualTo("DISPATCHED");
		}
		finally {
			finish("tech01", taken, List.of("arrive", "start", "complete"));
			finish("tech02", started, List.of("complete"));
		}
	}

	@Test
	void atNightNobodyOnARegularShiftCanTakeGeneralWorkSoItIsLeftUnplannedWithTheReason() {
		CLOCK.set("2026-11-30T22:00:00+08:00");
		String number = order("PLUMBING", "厨房水龙头一直滴水", "1", "102");

		Response proposed = api.post("dispatcher", "/api/v1/projects/DEMO/day-plan", Map.of());

		assertThat(proposed.status()).isEqualTo(201);
		assertThat(proposed.body().get("routes").isEmpty()).isTrue();
		JsonNode unplanned = proposed.body().get("unplanned").get(0);
		assertThat(unplanned.get("number").asString()).isEqualTo(number);
		assertThat(unplanned.get("reason").asString()).contains("no qualified technician on shift");
	}

	@Test
	void dayPlansAreForDispatchersAndSupervisorsOfTheTenant() {
		String id = api.post("supervisor", "/api/v1/projects/DEMO/day-plan", Map.of()).text("id");

		assertThat(api.post("agent", "/api/v1/projects/DEMO/day-plan", Map.of()).status()).isEqualTo(403);
		assertThat(api.get("tech01", "/api/v1/projects/DEMO/day-plan/" + id).status()).isEqualTo(403);
		assertThat(api.post("north-dispatcher", "/api/v1/projects/DEMO/day-plan", Map.of()).status()).isEqualTo(404);
		assertThat(api.get("north-dispatcher", "/api/v1/projects/DEMO/day-plan/" + id).status()).isEqualTo(404);
		assertThat(api.get("north-dispatcher", "/api/v1/projects/NORTH/day-plan/" + id).status()).isEqualTo(404);
		assertThat(api.post("north-dispatcher", "/api/v1/projects/NORTH/day-plan/" + id + "/apply", Map.of()).status())
			.isEqualTo(404);
		assertThat(api.get("dispatcher", "/api/v1/projects/DEMO/day-plan/" + id).status()).isEqualTo(200);
		assertThat(api.get("dispatcher", "/api/v1/projects/DEMO/day-plan")
			.body()
			.valueStream()
			.map(p -> p.get("id").asString())).contains(id);
	}

	@Test
	void thePeriodicReplanProposesOncePerIntervalEvenWithTwoInstances() throws Exception {
		order("APPLIANCE", "洗衣机不排水", "2", "202");

		List<Integer> first = Together.run(2, () -> schedule.replanDue(List.of("DEMO")));
		int tooSoon = schedule.replanDue(List.of("DEMO"));
		CLOCK.advance(Duration.ofMinutes(5));
		int due = schedule.replanDue(List.of("DEMO"));

		assertThat(first).containsExactlyInAnyOrder(1, 0);
		assertThat(tooSoon).isZero();
		assertThat(due).isEqualTo(1);
		JsonNode latest = api.get("dispatcher", "/api/v1/projects/DEMO/day-plan").body().get(0);
		assertThat(latest.get("createdBy").asString()).isEqualTo("system");
		assertThat(latest.get("status").asString()).isEqualTo("PROPOSED");
	}

	@Test
	void theEndpointsAreInTheOpenApiDescription() {
		assertThat(api.get(null, "/v3/api-docs").body().get("paths").propertyNames()).contains(
				"/api/v1/projects/{code}/day-plan", "/api/v1/projects/{code}/day-plan/{id}",
				"/api/v1/projects/{code}/day-plan/{id}/apply");
	}

	private String order(String category, String description, String building, String room) {
		Map<String, Object> body = Requests
			.with(Requests.hotline(category, description, Requests.home(building, "1", room)), "grade", "L3");
		Response created = api.post("agent", "/api/v1/work-orders", body);
		assertThat(created.status()).isEqualTo(201);
		return created.text("number");
	}

	private void finish(String technician, String number, List<String> actions) {
		for (String action : actions) {
			api.post(technician, "/api/v1/work-orders/" + number + "/" + action, Map.of("resolution", "已修好 fixed"));
		}
	}

	private static Map<String, Long> plannedTechnicians(JsonNode plan) {
		Map<String, Long> planned = new java.util.HashMap<>();
		plan.get("routes")
			.valueStream()
			.forEach(route -> route.get("stops")
				.valueStream()
				.filter(stop -> !stop.get("pinned").asBoolean())
				.forEach(stop -> planned.put(stop.get("number").asString(), route.get("technicianId").asLong())));
		return planned;
	}

	private static JsonNode stop(JsonNode plan, String number) {
		List<JsonNode> stops = new ArrayList<>();
		plan.get("routes").valueStream().forEach(route -> route.get("stops").valueStream().forEach(stops::add));
		return stops.stream()
			.filter(s -> s.get("number").asString().equals(number))
			.findFirst()
			.orElseThrow(() -> new AssertionError(number + " not in " + plan));
	}

	private JsonNode route(JsonNode plan, String username) {
		long id = technician(username).get("id").asLong();
		return plan.get("routes")
			.valueStream()
			.filter(r -> r.get("technicianId").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError(username + " has no route in " + plan));
	}

	private String technicianName(String username) {
		return technician(username).get("name").asString();
	}

	private JsonNode technician(String username) {
		return api.get("dispatcher", "/api/v1/technicians")
			.body()
			.valueStream()
			.filter(t -> t.get("username").asString().equals(username))
			.findFirst()
			.orElseThrow();
	}

}
