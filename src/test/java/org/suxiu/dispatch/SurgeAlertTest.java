package org.suxiu.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;
import org.suxiu.workorder.WorkOrders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Surge mode in production: at night only on-call technicians are on duty, so an
 * emergency finds no free technician; the recommendation says so, and the project's
 * supervisors are told the shortfall once per interval, whichever instance saw it.
 */
class SurgeAlertTest extends ClockedApplicationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SurgeAlerts alerts;

	@Autowired
	WorkOrders orders;

	@Test
	void anEmergencyWithNobodyFreeIsASurgeTheSupervisorHearsOfOncePerInterval() {
		CLOCK.set("2026-11-28T23:10:00+08:00");
		jdbc.sql("DELETE FROM dispatch_surge_alert").update();
		int before = surgeMessages();
		String first = burstPipe("301");

		JsonNode reasons = api.get("dispatcher", "/api/v1/work-orders/" + first + "/recommendations")
			.body()
			.get(0)
			.get("reasons");
		String second = burstPipe("302");
		api.get("dispatcher", "/api/v1/work-orders/" + second + "/recommendations");

		assertThat(reasons.get("surge").get("openEmergencies").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(reasons.get("surge").get("freeQualified").asInt()).isZero();
		assertThat(reasons.get("summary").asString()).contains("紧急高峰");
		await().atMost(Duration.ofSeconds(10)).until(() -> surgeMessages() > before);
		List<String> bodies = jdbc.sql("SELECT body FROM notification_message WHERE kind = 'SUPERVISOR_SURGE'")
			.query(String.class)
			.list();
		assertThat(bodies).anySatisfy(body -> assertThat(body).contains("紧急高峰").contains("缺"));
		int afterFirst = surgeMessages();
		assertThat(alertedAt()).isEqualTo(Instant.parse("2026-11-28T15:10:00Z"));

		CLOCK.set("2026-11-28T23:30:00+08:00");
		api.get("dispatcher", "/api/v1/work-orders/" + second + "/recommendations");

		assertThat(alertedAt()).isEqualTo(Instant.parse("2026-11-28T15:30:00Z"));
		await().atMost(Duration.ofSeconds(10)).until(() -> surgeMessages() > afterFirst);
	}

	@Test
	void instancesSeeingTheSameSurgeAtOnceRaiseOneAlert() throws Exception {
		CLOCK.set("2026-11-29T23:10:00+08:00");
		String number = burstPipe("401");
		var order = orders.facts(number).orElseThrow();
		Surge surge = new Surge(order.projectId(), 3, 0);
		Instant at = CLOCK.instant();
		jdbc.sql("DELETE FROM dispatch_surge_alert").update();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> alerts.raise(order, surge, at));
			}
			List<Boolean> raised = new ArrayList<>();
			for (Future<Boolean> f : pool.invokeAll(calls)) {
				raised.add(f.get());
			}

			assertThat(raised).containsOnlyOnce(true);
			assertThat(alerts.raise(order, surge, at.plus(Duration.ofMinutes(14)))).isFalse();
			assertThat(alerts.raise(order, surge, at.plus(Duration.ofMinutes(15)))).isTrue();
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void countsTheWaitingEmergenciesBesidesTheOnesNamed() {
		CLOCK.set("2026-11-28T23:20:00+08:00");
		String first = burstPipe("501");
		String second = burstPipe("502");
		long projectId = jdbc.sql("SELECT project_id FROM work_order WHERE number = ?")
			.param(first)
			.query(Long.class)
			.single();

		List<String> waiting = jdbc
			.sql("SELECT number FROM work_order WHERE project_id = ? AND status = 'NEW' AND grade = 'L1'")
			.param(projectId)
			.query(String.class)
			.list();

		assertThat(waiting).contains(first, second);
		assertThat(orders.waitingEmergencies(projectId, List.of())).isEqualTo(waiting.size());
		assertThat(orders.waitingEmergencies(projectId, List.of(first, "BX-not-waiting")))
			.isEqualTo(waiting.size() - 1);
		assertThat(orders.waitingEmergencies(projectId, List.of(first, second))).isEqualTo(waiting.size() - 2);
	}

	private String burstPipe(String room) {
		Response created = api.post("agent", "/api/v1/work-orders",
				Requests.hotline("PLUMBING", "水管爆裂，水漫一地", Requests.home("3", "1", room)));
		assertThat(created.text("grade")).isEqualTo("L1");
		return created.text("number");
	}

	private int surgeMessages() {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE kind = 'SUPERVISOR_SURGE'")
			.query(Integer.class)
			.single();
	}

	private Instant alertedAt() {
		return jdbc.sql("SELECT alerted_at FROM dispatch_surge_alert")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

}
