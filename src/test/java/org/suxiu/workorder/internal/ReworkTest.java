package org.suxiu.workorder.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rework (返修) and first-time fix: a new order repeating a repair at the same place within
 * its warranty window is flagged and linked until the agent judges it; reopening after
 * acceptance opens a linked rework order within the window; the SLA summary counts the
 * repairs that held.
 */
class ReworkTest extends ClockedApplicationTest {

	@Autowired
	ReworkWatch watch;

	@Test
	void aRepeatAtTheSamePlaceWithinThirtyDaysIsFlaggedAndLinked() {
		String first = accepted("3", "1", "301", "ELECTRICAL");
		CLOCK.advance(Duration.ofDays(20));

		String repeat = reported("3", "1", "301", "ELECTRICAL");

		await().atMost(Duration.ofSeconds(10)).until(() -> order(repeat).get("probableRework").asBoolean());
		JsonNode order = order(repeat);
		assertThat(order.get("reworkOf").asString()).isEqualTo(first);
		assertThat(order.get("reworkCheck").asString()).isEqualTo("PROBABLE");
	}

	@Test
	void theAgentConfirmsAProbableReworkOnce() {
		accepted("3", "1", "302", "ELECTRICAL");
		String repeat = reported("3", "1", "302", "ELECTRICAL");
		watch.flag(repeat);

		Response confirmed = act("agent", repeat, "confirm-rework", Map.of("note", "同一个插座又坏了"));
		Response again = act("agent", repeat, "dismiss-rework", Map.of("reason", "弄错了"));

		assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
		assertThat(confirmed.body().get("probableRework").asBoolean()).isFalse();
		assertThat(confirmed.text("reworkCheck")).isEqualTo("CONFIRMED");
		assertThat(again.status()).isEqualTo(409);
		assertThat(actions(repeat)).contains("rework-confirm");
	}

	@Test
	void aDismissedReworkLosesItsLink() {
		accepted("3", "2", "301", "ELECTRICAL");
		String repeat = reported("3", "2", "301", "ELECTRICAL");
		watch.flag(repeat);

		Response withoutReason = act("agent", repeat, "dismiss-rework", Map.of());
		Response byTechnician = act("tech05", repeat, "dismiss-rework", Map.of("reason", "不是一回事"));
		Response dismissed = act("agent", repeat, "dismiss-rework", Map.of("reason", "这次是另一个房间的灯"));

		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(byTechnician.status()).isIn(403, 404);
		assertThat(dismissed.text("reworkCheck")).isEqualTo("DISMISSED");
		assertThat(dismissed.body().has("reworkOf")).isFalse();
	}

	@Test
	void nothingIsFlaggedAfterTheWindowOrOfAnotherKind() {
		accepted("3", "2", "302", "ELECTRICAL");
		String otherKind = reported("3", "2", "302", "DOOR_WINDOW");
		CLOCK.advance(Duration.ofDays(31));
		String late = reported("3", "2", "302", "ELECTRICAL");

		assertThat(watch.flag(otherKind)).isEmpty();
		assertThat(watch.flag(late)).isEmpty();
		assertThat(order(late).get("probableRework").asBoolean()).isFalse();
	}

	@Test
	void reopeningAfterAcceptanceOpensALinkedReworkOrderWithinTheWindowOnce() {
		String original = accepted("4", "1", "301", "PLUMBING");
		CLOCK.advance(Duration.ofDays(10));

		Response reopened = act("agent", original, "reopen", Map.of("reason", "又漏水了"));
		Response twice = act("agent", original, "reopen", Map.of("reason", "还是漏"));

		assertThat(reopened.status()).as(reopened.body().toString()).isEqualTo(201);
		assertThat(reopened.text("reworkOf")).isEqualTo(original);
		assertThat(order(original).get("reworkNumber").asString()).isEqualTo(reopened.text("number"));
		assertThat(order(original).get("status").asString()).isEqualTo("CLOSED");
		assertThat(twice.status()).isEqualTo(409);
	}

	@Test
	void reopeningAfterTheWindowIsRefused() {
		String original = accepted("4", "1", "302", "PLUMBING");
		CLOCK.advance(Duration.ofDays(31));

		Response late = act("agent", original, "reopen", Map.of("reason", "又漏水了"));

		assertThat(late.status()).isEqualTo(422);
		assertThat(late.problemType()).endsWith("warranty-expired");
		assertThat(order(original).get("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void firstTimeFixCountsTheRepairsThatHeld() {
		String from = OffsetDateTime.now(CLOCK).minusMinutes(1).toString();
		String to = OffsetDateTime.now(CLOCK).plusDays(2).toString();
		JsonNode before = firstTimeFix(from, to);
		String held = accepted("4", "2", "501", "APPLIANCE");
		String failed = accepted("4", "2", "502", "APPLIANCE");
		act("agent", failed, "reopen", Map.of("reason", "热水器又不打火"));

		JsonNode after = firstTimeFix(from, to);

		assertThat(held).isNotEqualTo(failed);
		assertThat(after.get("completed").asLong() - before.get("completed").asLong()).isEqualTo(2);
		assertThat(after.get("reworked").asLong() - before.get("reworked").asLong()).isEqualTo(1);
		assertThat(after.get("byCategory").get("APPLIANCE").get("reworked").asLong()).isPositive();
		assertThat(after.get("byTechnician").valueStream().map(t -> t.get("name").asString())).isNotEmpty();
		assertThat(after.get("rate").asDouble()).isBetween(0.0, 1.0);
	}

	private JsonNode firstTimeFix(String from, String to) {
		Response summary = api.get("manager",
				"/api/v1/sla/summary?projectCode=DEMO&from="
						+ java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8) + "&to="
						+ java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(summary.status()).as(summary.body().toString()).isEqualTo(200);
		return summary.body().get("firstTimeFix");
	}

	private String accepted(String building, String unit, String room, String category) {
		String number = reported(building, unit, room, category);
		act("dispatcher", number, "dispatch", Map.of("technicianId", "tech05"));
		for (String step : List.of("take", "arrive", "start")) {
			act("tech05", number, step, Map.of());
		}
		act("tech05", number, "complete", Map.of("resolution", "已修好"));
		assertThat(act("agent", number, "accept", Map.of("rating", 5)).status()).isEqualTo(200);
		return number;
	}

	private String reported(String building, String unit, String room, String category) {
		Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline(category, "又坏了，请来看看", Requests.home(building, unit, room)), "grade", "L3"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("number");
	}

	private Response act(String user, String number, String action, Map<String, ?> body) {
		return api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
	}

	private JsonNode order(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number).body();
	}

	private List<String> actions(String number) {
		return order(number).get("history").valueStream().map(line -> line.get("action").asString()).toList();
	}

}
