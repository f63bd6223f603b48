package org.suxiu.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.SseClient;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/events} through HTTP: who receives what, masking, isolation and the
 * first event of a fresh stream.
 */
class LiveEventsTest extends ApplicationTest {

	static final String OWNER = "13800000001";

	static final String OTHER_OWNER = "13800000002";

	static final Duration PATIENCE = Duration.ofSeconds(20);

	private final List<SseClient> clients = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		clients.forEach(SseClient::close);
	}

	@Test
	void ownerTechnicianAndDispatcherOfTheProjectReceiveTheDispatch() {
		SseClient owner = stream(OWNER);
		SseClient technician = stream("tech01");
		SseClient dispatcher = stream("dispatcher");

		String number = orderForOwnerDispatchedTo("tech01");

		await().atMost(PATIENCE).until(() -> dispatcher.typesAbout(number).contains("dispatched"));
		await().atMost(PATIENCE).until(() -> owner.typesAbout(number).contains("dispatched"));
		await().atMost(PATIENCE).until(() -> technician.typesAbout(number).contains("dispatched"));
		assertThat(dispatcher.typesAbout(number)).containsExactly("created", "dispatched");
		assertThat(owner.typesAbout(number)).containsExactly("created", "dispatched");
		assertThat(technician.typesAbout(number)).containsExactly("dispatched");
		SseClient.Event seen = technician.about(number).get(0);
		assertThat(seen.text("status")).isEqualTo("DISPATCHED");
		assertThat(seen.text("at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*\\+08:00");
		assertThat(seen.data().get("technician").get("name").asString()).isNotBlank();
		assertThat(seen.id()).matches("\\d+");
	}

	@Test
	void phoneNumbersAreMaskedForOwnersAndManagersButNotForDispatchersOrTheTechnician() {
		SseClient owner = stream(OWNER);
		SseClient technician = stream("tech01");
		SseClient dispatcher = stream("dispatcher");
		SseClient manager = stream("manager");

		String number = orderForOwnerDispatchedTo("tech01");

		List<SseClient> all = List.of(owner, technician, dispatcher, manager);
		all.forEach(c -> await().atMost(PATIENCE).until(() -> c.typesAbout(number).contains("dispatched")));
		assertThat(technicianPhone(dispatcher, number)).matches("1[3-9]\\d{9}");
		assertThat(technicianPhone(technician, number)).matches("1[3-9]\\d{9}");
		assertThat(technicianPhone(owner, number)).matches("1[3-9]\\d\\*{4}\\d{4}");
		assertThat(technicianPhone(manager, number)).matches("1[3-9]\\d\\*{4}\\d{4}");
	}

	@Test
	void anotherTenantsStaffAndAnotherOwnerReceiveNothingOfIt() {
		SseClient northDispatcher = stream("north-dispatcher");
		SseClient otherOwner = stream(OTHER_OWNER);
		SseClient otherTechnician = stream("tech02");

		String number = orderForOwnerDispatchedTo("tech01");
		String north = created(api.post("north-agent", "/api/v1/work-orders", northOrder()));
		String othersOwn = created(api.post(OTHER_OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp()));

		// each stream has received a later event of its own, so the earlier one had its
		// chance
		await().atMost(PATIENCE).until(() -> northDispatcher.typesAbout(north).contains("created"));
		await().atMost(PATIENCE).until(() -> otherOwner.typesAbout(othersOwn).contains("created"));
		assertThat(northDispatcher.about(number)).isEmpty();
		assertThat(otherOwner.about(number)).isEmpty();
		assertThat(otherTechnician.about(number)).isEmpty();
		assertThat(northDispatcher.about(othersOwn)).isEmpty();
	}

	@Test
	void theCompanysAdministratorFollowsItsProjectsWithPhonesMaskedButNotAnotherCompanys() {
		SseClient admin = stream("admin");
		SseClient northDispatcher = stream("north-dispatcher");

		String number = orderForOwnerDispatchedTo("tech01");
		String north = created(api.post("north-agent", "/api/v1/work-orders", northOrder()));

		// the wall screen of an administrator moves with the orders, not only by its poll
		await().atMost(PATIENCE).until(() -> admin.typesAbout(number).contains("dispatched"));
		await().atMost(PATIENCE).until(() -> northDispatcher.typesAbout(north).contains("created"));
		assertThat(admin.typesAbout(number)).containsExactly("created", "dispatched");
		assertThat(technicianPhone(admin, number)).matches("1[3-9]\\d\\*{4}\\d{4}");
		await().atMost(PATIENCE).until(() -> admin.typesAbout(number).size() >= 2);
		assertThat(admin.about(north)).isEmpty();
	}

	@Test
	void theTechniciansJobMovesAreStreamedInOrder() {
		SseClient owner = stream(OWNER);
		SseClient technician = stream("tech01");
		String number = orderForOwnerDispatchedTo("tech01");

		assertThat(act("tech01", number, "take", Map.of())).isEqualTo(200);
		assertThat(act("tech01", number, "arrive", Map.of())).isEqualTo(200);
		assertThat(act("tech01", number, "start", Map.of())).isEqualTo(200);
		assertThat(act("tech01", number, "complete", Map.of("resolution", "换了阀芯"))).isEqualTo(200);

		await().atMost(PATIENCE).until(() -> owner.typesAbout(number).contains("completed"));
		await().atMost(PATIENCE).until(() -> technician.typesAbout(number).contains("completed"));
		assertThat(owner.typesAbout(number)).containsExactly("created", "dispatched", "taken", "arrived", "started",
				"completed");
		assertThat(technician.typesAbout(number)).containsExactly("dispatched", "taken", "arrived", "started",
				"completed");
		assertThat(owner.about(number).get(5).text("status")).isEqualTo("COMPLETED");
	}

	@Test
	void aReDispatchTellsTheFormerTechnicianTheJobIsNoLongerTheirs() {
		SseClient former = stream("tech09");
		SseClient next = stream("tech10");
		String number = orderForOwnerDispatchedTo("tech09");

		assertThat(act("dispatcher", number, "dispatch", Map.of("technicianId", "tech10"))).isEqualTo(200);

		await().atMost(PATIENCE).until(() -> former.typesAbout(number).contains("unassigned"));
		await().atMost(PATIENCE).until(() -> next.typesAbout(number).contains("dispatched"));
		assertThat(former.typesAbout(number)).containsExactly("dispatched", "unassigned");
		assertThat(next.typesAbout(number)).containsExactly("dispatched");
		SseClient.Event unassigned = former.about(number).get(1);
		assertThat(unassigned.data().get("technician").get("phone").asString()).contains("****");
	}

	@Test
	void aNewStreamStartsAtThePresent() {
		// the feed records an order's news just after its transaction: wait until the
		// earlier order's is in it (another stream has it) before opening the new one
		SseClient watcher = stream(OWNER);
		String before = orderForOwnerDispatchedTo("tech01");
		await().atMost(PATIENCE).until(() -> watcher.typesAbout(before).contains("dispatched"));

		SseClient owner = stream(OWNER);
		String after = orderForOwnerDispatchedTo("tech01");

		await().atMost(PATIENCE).until(() -> owner.typesAbout(after).contains("dispatched"));
		assertThat(owner.about(before)).isEmpty();
	}

	SseClient stream(String user, String... headers) {
		return track(SseClient.open(port, "/api/v1/events", api.token(user), json, headers));
	}

	SseClient track(SseClient client) {
		clients.add(client);
		assertThat(client.status()).as("stream status").isEqualTo(200);
		assertThat(client.contentType()).startsWith("text/event-stream");
		return client;
	}

	/** An agent's hotline call for owner 13800000001's home, dispatched. */
	String orderForOwnerDispatchedTo(String technician) {
		String number = created(api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水", Requests.home("1", "1", "101")), "grade", "L3")));
		assertThat(act("dispatcher", number, "dispatch", Map.of("technicianId", technician))).isEqualTo(200);
		return number;
	}

	int act(String user, String number, String action, Map<String, Object> body) {
		return api.post(user, "/api/v1/work-orders/" + number + "/" + action, body).status();
	}

	static String created(org.suxiu.Api.Response response) {
		assertThat(response.status()).as("create: %s", response.body()).isEqualTo(201);
		return response.text("number");
	}

	static Map<String, Object> northOrder() {
		Map<String, Object> body = Requests.hotline("PLUMBING", "地下车库水管漏水",
				Map.of("projectCode", "NORTH", "area", "地下车库"));
		body.put("reporter", Map.of("name", "韩梅", "phone", "13800000003"));
		return body;
	}

	private static String technicianPhone(SseClient client, String number) {
		return client.about(number)
			.stream()
			.filter(e -> e.type().equals("dispatched"))
			.findFirst()
			.orElseThrow()
			.data()
			.get("technician")
			.get("phone")
			.asString();
	}

}
