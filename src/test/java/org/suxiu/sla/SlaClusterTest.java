package org.suxiu.sla;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

/**
 * Two application instances on one database, their pollers off, firing the same due
 * timers at the same moment: every warning, breach, escalation and auto-dispatch flag is
 * recorded exactly once.
 */
class SlaClusterTest {

	private static final MutableClock CLOCK = MutableClock.at("2026-11-27T09:00:00+08:00");

	private static final String SECRET = "a-signing-secret-shared-by-both-instances-0123456789";

	/**
	 * Five timers per order fall due in the first step; more than one batch
	 * ({@link SlaTimers#BATCH}) so that neither instance can claim them all at once.
	 */
	private static final int ORDERS = 50;

	private static final int ROUNDS = 3;

	@Test
	void twoInstancesFireEachWarningBreachAndEscalationExactlyOnce(@TempDir Path dataDirA, @TempDir Path dataDirB)
			throws Exception {
		ConfigurableApplicationContext a = null;
		ConfigurableApplicationContext b = null;
		try {
			a = start(Map.of("suxiu.data-dir", dataDirA.toString()));
			EmbeddedPostgres database = a.getBean(EmbeddedPostgres.class);
			b = start(Map.of("suxiu.data-dir", dataDirB.toString(), "spring.datasource.url",
					database.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres"));
			assertThat(a.getBean(Clock.class)).isSameAs(CLOCK);
			assertThat(b.getBean(Clock.class)).isSameAs(CLOCK);
			assertThat(b.containsBean("embeddedPostgres")).isFalse();
			Api apiA = api(a);
			Api apiB = api(b);
			SlaTimers timersA = a.getBean(SlaTimers.class);
			SlaTimers timersB = b.getBean(SlaTimers.class);
			JdbcClient jdbc = a.getBean(JdbcClient.class);
			CLOCK.set("2026-11-27T09:00:00+08:00");
			List<String> numbers = new ArrayList<>();
			for (int i = 0; i < ORDERS; i++) {
				Api.Response created = apiA.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());
				assertThat(created.status()).isEqualTo(201);
				numbers.add(created.text("number"));
			}

			CLOCK.set("2026-11-27T09:06:00+08:00");
			int[] firstStep = fireConcurrently(timersA, timersB);
			CLOCK.set("2026-11-27T09:16:00+08:00");
			int[] secondStep = fireConcurrently(timersA, timersB);

			for (int i = 0; i < numbers.size(); i++) {
				Api api = i % 2 == 0 ? apiA : apiB;
				List<JsonNode> history = api.get("agent", "/api/v1/work-orders/" + numbers.get(i))
					.body()
					.get("history")
					.valueStream()
					.toList();
				assertThat(lines(history, "sla-breach")).as(numbers.get(i)).containsExactly("respond");
				assertThat(notes(history, "escalate")).as(numbers.get(i))
					.satisfiesExactly(n -> assertThat(n).startsWith("respond → SUPERVISOR"),
							n -> assertThat(n).startsWith("respond → MANAGER"));
				assertThat(notes(history, "sla-warning")).as(numbers.get(i))
					.extracting(n -> n.substring(0, n.indexOf(" · ")))
					.containsExactlyInAnyOrder("respond 50%", "respond 80%", "arrive 50%");
				assertThat(lines(history, "auto-dispatch-flag")).as(numbers.get(i)).hasSize(1);
			}
			int firedByA = firstStep[0] + secondStep[0];
			int firedByB = firstStep[1] + secondStep[1];
			assertThat(firedByA).as("timers fired by instance A").isPositive();
			assertThat(firedByB).as("timers fired by instance B").isPositive();
			long fired = jdbc.sql("SELECT count(*) FROM sla_timer WHERE status = 'FIRED'").query(Long.class).single();
			long handled = jdbc
				.sql("SELECT count(*) FROM sla_timer WHERE fired_at IS NOT NULL AND fired_by IS NOT NULL")
				.query(Long.class)
				.single();
			long repeatedTimers = jdbc.sql("""
					SELECT count(*) FROM (SELECT 1 FROM sla_timer WHERE status = 'FIRED'
					    GROUP BY order_number, clock, kind, fraction, role HAVING count(*) > 1) repeated
					""").query(Long.class).single();
			long slaLines = jdbc.sql("""
					SELECT count(*) FROM work_order_history
					WHERE action IN ('sla-warning', 'sla-breach', 'escalate', 'auto-dispatch-flag')
					""").query(Long.class).single();
			assertThat(fired).isEqualTo(ORDERS * 7L);
			assertThat(handled).isEqualTo(fired).isEqualTo(firedByA + firedByB);
			assertThat(repeatedTimers).isZero();
			assertThat(slaLines).isEqualTo(fired);
		}
		finally {
			if (b != null) {
				b.close();
			}
			if (a != null) {
				a.close();
			}
		}
	}

	/**
	 * Both instances fire due timers at once, {@link #ROUNDS} times; returns how many
	 * each fired.
	 */
	private static int[] fireConcurrently(SlaTimers a, SlaTimers b) throws Exception {
		int[] fired = new int[2];
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				CountDownLatch ready = new CountDownLatch(2);
				CountDownLatch go = new CountDownLatch(1);
				Future<Integer> byA = threads.submit(() -> {
					ready.countDown();
					go.await();
					return a.fireDue();
				});
				Future<Integer> byB = threads.submit(() -> {
					ready.countDown();
					go.await();
					return b.fireDue();
				});
				ready.await();
				go.countDown();
				fired[0] += byA.get(60, TimeUnit.SECONDS);
				fired[1] += byB.get(60, TimeUnit.SECONDS);
			}
			return fired;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Starts an instance; settings go as command-line arguments because default
	 * properties lose to {@code application.yml} ({@code server.port},
	 * {@code suxiu.data-dir}).
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> own) {
		Map<String, Object> properties = new HashMap<>(own);
		properties.put("server.port", "0");
		properties.put("suxiu.security.jwt-secret", SECRET);
		properties.put("suxiu.security.token-lifetime", "P3650D");
		properties.put("suxiu.sla.poller.enabled", "false");
		return new SpringApplicationBuilder(SuxiuApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
			.run(properties.entrySet()
				.stream()
				.map(p -> "--" + p.getKey() + "=" + p.getValue())
				.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
				context.getBean(JsonMapper.class));
	}

	private static List<String> lines(List<JsonNode> history, String action) {
		return history.stream()
			.filter(h -> h.get("action").asString().equals(action))
			.map(h -> h.get("clock") == null || h.get("clock").isNull() ? "" : h.get("clock").asString())
			.toList();
	}

	private static List<String> notes(List<JsonNode> history, String action) {
		return history.stream()
			.filter(h -> h.get("action").asString().equals(action))
			.map(h -> h.get("note").asString())
			.toList();
	}

}
