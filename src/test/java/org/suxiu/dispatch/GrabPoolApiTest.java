package org.suxiu.dispatch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.Together;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grab pool (抢单): a supervisor opens it for a project's L3/L4 orders, qualified
 * technicians see them and claim one, first come, exactly one wins.
 */
class GrabPoolApiTest extends ClockedApplicationTest {

	private static final List<String> PLUMBERS = List.of("tech02", "tech03", "tech07", "tech11", "tech12");

	@Test
	void aClosedPoolRefusesGrabs() {
		CLOCK.set("2026-11-27T10:00:00+08:00");
		pool(false, List.of());
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response grab = api.post("tech07", "/api/v1/work-orders/" + tap + "/grab", Map.of());

		assertThat(grab.status()).isEqualTo(422);
		assertThat(grab.text("type")).endsWith("/not-in-grab-pool");
		assertThat(api.get("agent", "/api/v1/work-orders/" + tap).text("status")).isEqualTo("NEW");
	}

	@Test
	void aQualifiedTechnicianSeesTheOrderAndGrabsIt() {
		CLOCK.set("2026-11-27T10:05:00+08:00");
		pool(true, List.of("L3", "L4"));
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		List<String> offered = api.get("tech07", "/api/v1/grab-pool")
			.body()
			.valueStream()
			.map(o -> o.get("number").asString())
			.toList();
		List<String> offeredToElectrician = api.get("tech04", "/api/v1/grab-pool")
			.body()
			.valueStream()
			.map(o -> o.get("number").asString())
			.toList();
		Response grab = api.post("tech07", "/api/v1/work-orders/" + tap + "/grab", Map.of());

		assertThat(offered).contains(tap);
		assertThat(offeredToElectrician).doesNotContain(tap);
		assertThat(grab.status()).isEqualTo(200);
		JsonNode order = grab.body();
		assertThat(order.get("status").asString()).isEqualTo("TAKEN");
		assertThat(order.get("assignee").get("id").asLong()).isEqualTo(api.get("dispatcher", "/api/v1/technicians")
			.body()
			.valueStream()
			.filter(t -> t.get("username").asString().equals("tech07"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong());
		List<String> actions = order.get("history").valueStream().map(h -> h.get("action").asString()).toList();
		assertThat(actions).contains("grab").doesNotContain("dispatch-override");
		assertThat(api.get("tech07", "/api/v1/grab-pool").body().valueStream().map(o -> o.get("number").asString()))
			.doesNotContain(tap);
	}

	@Test
	void ofFiveTechniciansGrabbingAtOnceExactlyOneWins() throws Exception {
		CLOCK.set("2026-11-27T10:10:00+08:00");
		pool(true, List.of("L3"));
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		PLUMBERS.forEach(t -> api.get(t, "/api/v1/grab-pool"));
		AtomicInteger next = new AtomicInteger();

		List<Integer> statuses = Together.run(PLUMBERS.size(),
				() -> api.post(PLUMBERS.get(next.getAndIncrement()), "/api/v1/work-orders/" + tap + "/grab", Map.of())
					.status());

		assertThat(statuses).containsOnlyOnce(200);
		assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
		JsonNode order = api.get("supervisor", "/api/v1/work-orders/" + tap).body();
		assertThat(order.get("history").valueStream().filter(h -> h.get("action").asString().equals("grab")))
			.hasSize(1);
	}

	@Test
	void emergenciesAndUrgentOrdersAreNeverInThePool() {
		CLOCK.set("2026-11-27T10:15:00+08:00");
		pool(true, List.of("L3", "L4"));
		String lift = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		Response grab = api.post("tech05", "/api/v1/work-orders/" + lift + "/grab", Map.of());
		Response urgentPool = api.put("supervisor", "/api/v1/projects/DEMO/grab-pool",
				Map.of("enabled", true, "grades", List.of("L2", "L3")));

		assertThat(grab.status()).isEqualTo(422);
		assertThat(urgentPool.status()).isEqualTo(400);
		assertThat(urgentPool.body().get("errors").get(0).get("field").asString()).isEqualTo("grades");
	}

	@Test
	void onlyTechniciansGrab() {
		CLOCK.set("2026-11-27T10:25:00+08:00");
		pool(true, List.of("L3", "L4"));
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		assertThat(api.post("dispatcher", "/api/v1/work-orders/" + tap + "/grab", Map.of()).status()).isEqualTo(403);
		assertThat(api.post("agent", "/api/v1/work-orders/" + tap + "/grab", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void anUnqualifiedTechnicianCannotGrab() {
		CLOCK.set("2026-11-27T10:20:00+08:00");
		pool(true, List.of("L3", "L4"));
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response grab = api.post("tech04", "/api/v1/work-orders/" + tap + "/grab", Map.of());

		assertThat(grab.status()).isEqualTo(422);
		assertThat(grab.text("type")).endsWith("/technician-not-qualified");
	}

	@Test
	void onlySupervisorsAndManagersOfTheTenantOpenThePool() {
		Response byDispatcher = api.put("dispatcher", "/api/v1/projects/DEMO/grab-pool", Map.of("enabled", true));
		Response byTechnician = api.get("tech07", "/api/v1/projects/DEMO/grab-pool");
		Response otherTenant = api.get("supervisor", "/api/v1/projects/NORTH/grab-pool");
		Response poolForStaff = api.get("dispatcher", "/api/v1/grab-pool");

		assertThat(byDispatcher.status()).isEqualTo(403);
		assertThat(byTechnician.status()).isEqualTo(403);
		assertThat(otherTenant.status()).isEqualTo(404);
		assertThat(poolForStaff.status()).isEqualTo(403);
	}

	@Test
	void aPoolForPlumbingLeavesOtherRepairTypesToTheDispatcher() {
		CLOCK.set("2026-11-27T10:30:00+08:00");
		api.put("supervisor", "/api/v1/projects/DEMO/grab-pool",
				Map.of("enabled", true, "grades", List.of("L3", "L4"), "categories", List.of("PLUMBING")));
		String door = api
			.post("agent", "/api/v1/work-orders",
					Requests.with(Requests.hotline("DOOR_WINDOW", "卧室窗户关不严", Requests.home("3", "1", "301")), "grade",
							"L3"))
			.text("number");
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response grabDoor = api.post("tech09", "/api/v1/work-orders/" + door + "/grab", Map.of());

		assertThat(grabDoor.status()).isEqualTo(422);
		assertThat(grabDoor.text("type")).endsWith("/not-in-grab-pool");
		assertThat(api.get("tech07", "/api/v1/grab-pool").body().valueStream().map(o -> o.get("number").asString()))
			.contains(tap)
			.doesNotContain(door);
	}

	@Test
	void anOrderLeavesThePoolWhenItsOfferWindowIsOver() {
		CLOCK.set("2026-11-27T10:40:00+08:00");
		api.put("supervisor", "/api/v1/projects/DEMO/grab-pool",
				Map.of("enabled", true, "grades", List.of("L3"), "offerMinutes", 30));
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		List<String> offeredAtFirst = api.get("tech07", "/api/v1/grab-pool")
			.body()
			.valueStream()
			.map(o -> o.get("number").asString())
			.toList();

		CLOCK.set("2026-11-27T11:10:00+08:00");

		assertThat(offeredAtFirst).contains(tap);
		assertThat(api.get("tech07", "/api/v1/grab-pool").body().valueStream().map(o -> o.get("number").asString()))
			.doesNotContain(tap);
		assertThat(api.post("tech07", "/api/v1/work-orders/" + tap + "/grab", Map.of()).status()).isEqualTo(422);
	}

	@Test
	void anOfferWindowLongerThanAWeekIsRefused() {
		Response put = api.put("supervisor", "/api/v1/projects/DEMO/grab-pool",
				Map.of("enabled", true, "offerMinutes", 10081));

		assertThat(put.status()).isEqualTo(400);
		assertThat(put.body().get("errors").get(0).get("field").asString()).isEqualTo("offerMinutes");
	}

	private void pool(boolean enabled, List<String> grades) {
		Response put = api.put("supervisor", "/api/v1/projects/DEMO/grab-pool",
				Map.of("enabled", enabled, "grades", grades));
		assertThat(put.status()).isEqualTo(200);
	}

}
