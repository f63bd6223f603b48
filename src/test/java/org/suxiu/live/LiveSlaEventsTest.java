package org.suxiu.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.SseClient;
import org.suxiu.sla.SlaTimers;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.suxiu.live.LiveEventsTest.PATIENCE;

/**
 * SLA warnings, breaches and escalations reach the technician and the project's staff,
 * never the owner; time moved by hand.
 */
class LiveSlaEventsTest extends ClockedApplicationTest {

	@Autowired
	SlaTimers timers;

	private final List<SseClient> clients = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		clients.forEach(SseClient::close);
	}

	@Test
	void warningsAndBreachesGoToTheTechnicianAndTheStaffButNotToTheOwner() {
		CLOCK.set("2026-11-27T14:00:00+08:00");
		SseClient technician = stream("tech05");
		SseClient dispatcher = stream("dispatcher");
		SseClient owner = stream("13800000001");
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		assertThat(
				api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech05"))
					.status())
			.isEqualTo(200);

		CLOCK.set("2026-11-27T14:02:31+08:00");
		timers.fireDue();
		CLOCK.set("2026-11-27T14:05:00+08:00");
		timers.fireDue();
		await().atMost(PATIENCE).until(() -> technician.typesAbout(number).contains("sla-breach"));
		assertThat(api.post("tech05", "/api/v1/work-orders/" + number + "/take", Map.of()).status()).isEqualTo(200);

		await().atMost(PATIENCE).until(() -> technician.typesAbout(number).contains("taken"));
		await().atMost(PATIENCE).until(() -> dispatcher.typesAbout(number).contains("taken"));
		await().atMost(PATIENCE).until(() -> owner.typesAbout(number).contains("taken"));
		assertThat(technician.typesAbout(number)).startsWith("dispatched")
			.endsWith("taken")
			.contains("sla-warning", "sla-breach")
			.doesNotContain("created", "escalated");
		assertThat(dispatcher.typesAbout(number)).containsSubsequence("created", "dispatched", "sla-warning",
				"sla-breach", "escalated", "taken");
		assertThat(owner.typesAbout(number)).containsExactly("created", "dispatched", "taken");
		SseClient.Event warning = technician.about(number)
			.stream()
			.filter(e -> e.type().equals("sla-warning") && e.data().get("fraction").asDouble() == 0.5)
			.findFirst()
			.orElseThrow();
		assertThat(warning.text("clock")).isEqualTo("respond");
		assertThat(warning.data().get("fraction").asDouble()).isEqualTo(0.5);
		assertThat(warning.text("deadline")).isEqualTo("2026-11-27T14:05:00+08:00");
		SseClient.Event escalation = dispatcher.about(number)
			.stream()
			.filter(e -> e.type().equals("escalated"))
			.findFirst()
			.orElseThrow();
		assertThat(escalation.text("role")).isEqualTo("SUPERVISOR");
	}

	private SseClient stream(String user) {
		SseClient client = SseClient.open(port, "/api/v1/events", api.token(user), json);
		clients.add(client);
		assertThat(client.status()).isEqualTo(200);
		return client;
	}

}
