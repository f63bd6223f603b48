package org.suxiu.sla;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timers are rows: stop the application with timers pending, let their time pass while it
 * is down, start it again on the same data, and its poller fires them once; timers of a
 * milestone already met stay cancelled.
 */
class SlaRestartTest {

	private static final MutableClock CLOCK = MutableClock.at("2026-11-27T09:00:00+08:00");

	@Test
	void timersThatFellDueWhileTheApplicationWasDownFireOnceAfterItStartsAgain(@TempDir Path dataDir) {
		CLOCK.set("2026-11-27T09:00:00+08:00");
		String waiting;
		String taken;
		try (ConfigurableApplicationContext before = start(dataDir)) {
			assertThat(before.getBean(Clock.class)).isSameAs(CLOCK);
			Api api = api(before);
			waiting = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
			taken = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
			CLOCK.advance(Duration.ofSeconds(40));
			api.post("dispatcher", "/api/v1/work-orders/" + taken + "/dispatch", Map.of("technicianId", "tech05"));
			assertThat(api.post("tech05", "/api/v1/work-orders/" + taken + "/take", Map.of()).status()).isEqualTo(200);
			assertThat(pendingTimers(before.getBean(JdbcClient.class), waiting)).isEqualTo(12);
		}

		CLOCK.set("2026-11-27T09:06:00+08:00");
		try (ConfigurableApplicationContext after = start(dataDir)) {
			Api api = api(after);
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> dueAndPending(jdbc) == 0 && !lines(api, waiting, "sla-breach").isEmpty());

			assertThat(lines(api, waiting, "sla-breach")).singleElement()
				.satisfies(h -> assertThat(h.get("clock").asString()).isEqualTo("respond"));
			assertThat(lines(api, waiting, "escalate")).singleElement()
				.satisfies(h -> assertThat(h.get("note").asString()).startsWith("respond → SUPERVISOR"));
			assertThat(lines(api, waiting, "sla-warning")).hasSize(2);
			assertThat(lines(api, waiting, "auto-dispatch-flag")).hasSize(1);
			assertThat(lines(api, taken, "sla-breach")).isEmpty();
			assertThat(lines(api, taken, "sla-warning")).isEmpty();
			assertThat(lines(api, taken, "escalate")).isEmpty();
			assertThat(lines(api, taken, "auto-dispatch-flag")).isEmpty();
			JsonNode respond = api.get("agent", "/api/v1/work-orders/" + taken).body().get("sla").get("respond");
			assertThat(respond.get("state").asString()).isEqualTo("MET");
		}
	}

	/**
	 * An instance with the SLA poller on (the default) on its own embedded database kept
	 * in {@code dataDir}, timed by {@link #CLOCK}.
	 */
	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(SuxiuApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
			.run("--server.port=0", "--suxiu.data-dir=" + dataDir, "--suxiu.security.token-lifetime=P3650D");
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
				context.getBean(JsonMapper.class));
	}

	private static long pendingTimers(JdbcClient jdbc, String number) {
		return jdbc.sql("SELECT count(*) FROM sla_timer WHERE order_number = ? AND status = 'PENDING'")
			.param(number)
			.query(Long.class)
			.single();
	}

	private static long dueAndPending(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM sla_timer WHERE status = 'PENDING' AND due_at <= ?")
			.param(Timestamp.from(CLOCK.instant()))
			.query(Long.class)
			.single();
	}

	private static List<JsonNode> lines(Api api, String number, String action) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.filter(h -> h.get("action").asString().equals(action))
			.toList();
	}

}
