package org.suxiu.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.ApplicationTest;
import org.suxiu.SseClient;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.suxiu.live.LiveEventsTest.PATIENCE;

/**
 * A phone that lost its stream reconnects with the id of the last event it received and
 * gets what it missed; browsers may pass the token and that id in the query.
 */
class LiveReplayTest extends ApplicationTest {

	private final List<SseClient> clients = new ArrayList<>();

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void closeStreams() {
		clients.forEach(SseClient::close);
	}

	@Test
	void replaysWhatAReconnectingClientMissedAfterLastEventId() {
		SseClient first = stream("tech03");
		String one = dispatchedTo("tech03");
		await().atMost(PATIENCE).until(() -> first.typesAbout(one).contains("dispatched"));
		String lastSeen = first.about(one).get(0).id();
		first.close();

		String two = dispatchedTo("tech03");
		assertThat(act("tech03", one, "take")).isEqualTo(200);
		SseClient again = stream("tech03", "Last-Event-ID", lastSeen);

		await().atMost(PATIENCE).until(() -> again.typesAbout(one).contains("taken"));
		assertThat(again.about(two)).extracting(SseClient.Event::type).containsExactly("dispatched");
		assertThat(again.typesAbout(one)).containsExactly("taken");
		assertThat(again.events().indexOf(again.about(two).get(0)))
			.isLessThan(again.events().indexOf(again.about(one).get(0)));
	}

	@Test
	void browsersMayPassTheTokenAndTheLastEventIdInTheQuery() {
		SseClient first = stream("tech04");
		String one = dispatchedTo("tech04");
		await().atMost(PATIENCE).until(() -> first.typesAbout(one).contains("dispatched"));
		String lastSeen = first.about(one).get(0).id();
		first.close();
		assertThat(act("tech04", one, "take")).isEqualTo(200);

		SseClient browser = track(SseClient.open(port,
				"/api/v1/events?access_token=" + api.token("tech04") + "&lastEventId=" + lastSeen, null, json));

		await().atMost(PATIENCE).until(() -> browser.typesAbout(one).contains("taken"));
		assertThat(browser.typesAbout(one)).containsExactly("taken");
	}

	@Test
	void theTokenInTheQueryIsRefusedEverywhereElse() {
		Api.Response list = api.getWithAuthorization(null,
				"/api/v1/work-orders?access_token=" + api.token("dispatcher"));

		assertThat(list.status()).isEqualTo(401);
		assertThat(list.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesAStreamWithoutAToken() {
		SseClient anonymous = SseClient.open(port, "/api/v1/events", null, json);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.problem().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void refusesALastEventIdThatIsNotOne() {
		SseClient client = SseClient.open(port, "/api/v1/events", api.token("tech04"), json, "Last-Event-ID",
				"yesterday");

		assertThat(client.status()).isEqualTo(400);
		assertThat(client.contentType()).startsWith("application/problem+json");
		assertThat(client.problem().get("detail").asString()).contains("Last-Event-ID");
	}

	@Test
	void anExpiredLastEventIdReplaysWhatIsStillKept() {
		String one = dispatchedTo("tech05");
		long expired = jdbc.sql("SELECT min(id) - 1 FROM live_event").query(Long.class).single();

		SseClient client = stream("tech05", "Last-Event-ID", String.valueOf(expired));

		await().atMost(PATIENCE).until(() -> client.typesAbout(one).contains("dispatched"));
	}

	@Test
	void closesAPersonsOldestStreamBeyondTheLimit() {
		List<SseClient> streams = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			streams.add(stream("tech06"));
		}

		SseClient sixth = stream("tech06");

		await().atMost(PATIENCE).until(() -> streams.get(0).ended());
		assertThat(streams.subList(1, 5)).noneMatch(SseClient::ended);
		String one = dispatchedTo("tech06");
		await().atMost(PATIENCE).until(() -> sixth.typesAbout(one).contains("dispatched"));
	}

	private SseClient stream(String user, String... headers) {
		return track(SseClient.open(port, "/api/v1/events", api.token(user), json, headers));
	}

	private SseClient track(SseClient client) {
		clients.add(client);
		assertThat(client.status()).as("stream status").isEqualTo(200);
		return client;
	}

	private String dispatchedTo(String technician) {
		Api.Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水", Requests.home("2", "1", "502")), "grade", "L3"));
		assertThat(created.status()).isEqualTo(201);
		String number = created.text("number");
		assertThat(api
			.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", technician))
			.status()).isEqualTo(200);
		return number;
	}

	private int act(String user, String number, String action) {
		return api.post(user, "/api/v1/work-orders/" + number + "/" + action, Map.of()).status();
	}

}
