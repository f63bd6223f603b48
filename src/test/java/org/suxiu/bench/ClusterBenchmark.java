package org.suxiu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.SseClient;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.Requests;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one PostgreSQL with the load split between them, as behind
 * the load balancer of {@code deploy/nginx}: intake throughput and latency per instance;
 * whether a dispatcher streaming live events from either instance sees every order
 * created through both; and, with every timer of those orders made due at once, that each
 * fires once (one history line per timer, no duplicate message) although both instances
 * poll.
 * <p>
 * Run with
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.bench.ClusterBenchmark -Dbench.clients=8 -Dbench.duration=20}.
 * Both instances share this JVM and its CPU (and the embedded database's), so the figures
 * are a floor for two hosts. Not a test.
 */
public final class ClusterBenchmark {

	private static final String SECRET = "a-signing-secret-shared-by-both-instances-0123456789";

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("bench.clients", 8);
		int seconds = Integer.getInteger("bench.duration", 20);
		int warmup = Math.min(10, Integer.getInteger("bench.warmup", 10));
		Path dirA = Files.createTempDirectory("suxiu-cluster-a-");
		Path dirB = Files.createTempDirectory("suxiu-cluster-b-");
		ConfigurableApplicationContext a = start(Map.of("suxiu.data-dir", dirA.toString()));
		EmbeddedPostgres database = a.getBean(EmbeddedPostgres.class);
		ConfigurableApplicationContext b = start(Map.of("suxiu.data-dir", dirB.toString(), "spring.datasource.url",
				database.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres"));
		try {
			JsonMapper json = a.getBean(JsonMapper.class);
			List<Api> apis = List.of(new Api(port(a), json), new Api(port(b), json));
			JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
			run(apis, clients, warmup, false);
			long sizeBefore = databaseSize(jdbc);
			try (SseClient onA = SseClient.open(port(a), "/api/v1/events", apis.get(0).token("dispatcher"), json);
					SseClient onB = SseClient.open(port(b), "/api/v1/events", apis.get(1).token("dispatcher"), json)) {
				Result result = run(apis, clients, seconds, true);
				report(result, seconds, clients);
				growth(jdbc, sizeBefore, result.numbers().size());
				live(result.numbers(), onA, onB);
			}
			timers(jdbc, run(apis, 2, 3, true).numbers());
		}
		finally {
			b.close();
			a.close();
		}
		System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
		System.exit(0);
	}

	record Result(List<String> numbers, long[] perInstance, List<Long> latenciesMicros, long errors) {
	}

	private static Result run(List<Api> apis, int clients, int seconds, boolean keep) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long[] perInstance = new long[apis.size()];
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int instance = i % apis.size();
			Api api = apis.get(instance);
			api.token("agent");
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					long started = System.nanoTime();
					Api.Response created = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline(),
							"Idempotency-Key", UUID.randomUUID().toString());
					if (created.status() != 201) {
						errors.incrementAndGet();
						continue;
					}
					if (keep) {
						latencies.add((System.nanoTime() - started) / 1000);
						numbers.add(created.text("number"));
						synchronized (perInstance) {
							perInstance[instance]++;
						}
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Result(new ArrayList<>(numbers), perInstance, new ArrayList<>(latencies), errors.get());
	}

	private static void report(Result result, int seconds, int clients) {
		List<Long> sorted = new ArrayList<>(result.latenciesMicros());
		Collections.sort(sorted);
		long unique = result.numbers().stream().distinct().count();
		System.out.printf("%n== two instances, one PostgreSQL: %d clients split evenly, %d s ==%n", clients, seconds);
		System.out.printf("orders created: %d (instance A %d, instance B %d), %.1f orders/s, %d errors%n",
				result.numbers().size(), result.perInstance()[0], result.perInstance()[1],
				result.numbers().size() / (double) seconds, result.errors());
		System.out.printf("order numbers unique: %d of %d%n", unique, result.numbers().size());
		if (!sorted.isEmpty()) {
			System.out.printf("create latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", at(sorted, 0.50) / 1000.0,
					at(sorted, 0.99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
		}
	}

	private static long databaseSize(JdbcClient jdbc) {
		jdbc.sql("CHECKPOINT").update();
		return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
	}

	/**
	 * What one created order adds to the database with everything it sets off (history,
	 * SLA clocks and timers, messages, event publications, indexes), before any is
	 * cleaned up.
	 */
	private static void growth(JdbcClient jdbc, long before, int orders) {
		long after = databaseSize(jdbc);
		System.out.printf("database growth: %.1f MB for %d orders, %.1f kB per created order%n", (after - before) / 1e6,
				orders, orders == 0 ? 0 : (after - before) / 1e3 / orders);
		jdbc.sql("""
				SELECT relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 8""")
			.query((rs, i) -> String.format("  %-28s %8.1f MB", rs.getString(1), rs.getLong(2) / 1e6))
			.list()
			.forEach(System.out::println);
	}

	private static void live(List<String> numbers, SseClient onA, SseClient onB) {
		long started = System.nanoTime();
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> missing(numbers, onA) == 0 && missing(numbers, onB) == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// reported below
		}
		System.out.printf(
				"live events: dispatcher on A saw %d of %d created orders, on B %d of %d (%.1f s after"
						+ " the load stopped)%n",
				numbers.size() - missing(numbers, onA), numbers.size(), numbers.size() - missing(numbers, onB),
				numbers.size(), (System.nanoTime() - started) / 1e9);
	}

	private static long missing(List<String> numbers, SseClient client) {
		var seen = new java.util.HashSet<String>();
		client.events().stream().filter(e -> "created".equals(e.type())).forEach(e -> seen.add(e.text("number")));
		return numbers.stream().filter(n -> !seen.contains(n)).count();
	}

	/** Makes every timer of {@code numbers} due now and waits for both pollers. */
	private static void timers(JdbcClient jdbc, List<String> numbers) {
		String[] array = numbers.toArray(String[]::new);
		int due = jdbc
			.sql("UPDATE sla_timer SET due_at = now() - interval '1 second'"
					+ " WHERE status = 'PENDING' AND order_number = ANY(?)")
			.param(array)
			.update();
		long started = System.nanoTime();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> jdbc.sql("SELECT count(*) FROM sla_timer WHERE status = 'PENDING' AND order_number = ANY(?)")
				.param(array)
				.query(Long.class)
				.single() == 0);
		long fired = jdbc.sql("SELECT count(*) FROM sla_timer WHERE status = 'FIRED' AND order_number = ANY(?)")
			.param(array)
			.query(Long.class)
			.single();
		long duplicateLines = jdbc.sql("""
				SELECT count(*) FROM (SELECT o.number, h.action, h.note FROM work_order_history h
				JOIN work_order o ON o.id = h.order_id
				WHERE o.number = ANY(?) AND h.action IN ('sla-warning', 'sla-breach', 'escalate', 'auto-dispatch')
				GROUP BY 1, 2, 3 HAVING count(*) > 1) d""").param(array).query(Long.class).single();
		long messages = jdbc.sql("SELECT count(*) FROM notification_message WHERE order_number = ANY(?)")
			.param(array)
			.query(Long.class)
			.single();
		System.out.printf(
				"timers: %d made due on %d orders; all handled in %.1f s by the two pollers, %d fired;"
						+ " history lines written twice: %d; messages for these orders: %d (one row per dedupe key)%n",
				due, numbers.size(), (System.nanoTime() - started) / 1e9, fired, duplicateLines, messages);
	}

	private static long at(List<Long> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
	}

	private static ConfigurableApplicationContext start(Map<String, Object> own) {
		Map<String, Object> properties = new HashMap<>(own);
		properties.put("server.port", "0");
		properties.put("suxiu.security.jwt-secret", SECRET);
		properties.put("suxiu.dispatch.max-open-jobs", "1000000");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.suxiu", "WARN");
		return new SpringApplicationBuilder(SuxiuApplication.class).run(
				properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
