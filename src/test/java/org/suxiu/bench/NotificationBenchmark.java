package org.suxiu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.suxiu.Api;
import org.suxiu.SuxiuApplication;
import org.suxiu.notification.channel.AliyunStub;
import org.suxiu.workorder.Requests;

/**
 * Notifications under a burst: 10,000 L3 orders and 100 L1 among them are dispatched
 * through the API by 32 clients as fast as they go, each dispatch writing a job SMS for
 * the technician and a notice for the reporter (20,000 messages), which the delivery
 * poller sends to a local Aliyun stand-in answering after {@code bench.smsLatencyMs}
 * (default 20 ms). Reports how long until every message was recorded and sent, the delay
 * from each dispatch to the provider accepting its message (and separately for the L1
 * emergencies), and checks that none was sent twice or failed.
 *
 * <p>
 * Not a test: {@code ./mvnw -B -Pbench -DskipTests verify
 * -Dbench.main=org.suxiu.bench.NotificationBenchmark}.
 */
public final class NotificationBenchmark {

	private static final int CLIENTS = Integer.getInteger("bench.clients", 32);

	private NotificationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int orders = Integer.getInteger("bench.orders", 10_000) + Integer.getInteger("bench.l1", 100);
		int clients = CLIENTS;
		Duration latency = Duration.ofMillis(Long.getLong("bench.smsLatencyMs", 20));
		Path dataDir = Files.createTempDirectory("suxiu-notification-bench-");
		AliyunStub sms = new AliyunStub();
		sms.latency(latency);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class).run(
				"--server.port=0", "--suxiu.data-dir=" + dataDir, "--suxiu.sla.poller.enabled=false",
				"--suxiu.security.token-lifetime=P3650D", "--suxiu.dispatch.max-open-jobs=1000000",
				"--logging.level.root=WARN", "--suxiu.notification.sms.provider=aliyun",
				"--suxiu.notification.sms.aliyun.endpoint=" + sms.url(),
				"--suxiu.notification.sms.aliyun.access-key-id=" + AliyunStub.KEY_ID,
				"--suxiu.notification.sms.aliyun.access-key-secret=" + AliyunStub.SECRET,
				"--suxiu.notification.sms.aliyun.default-template-code=SMS_000001",
				// the figure should not depend on the hour it runs at
				"--suxiu.notification.quiet-hours.enabled=false");
		boolean passed;
		try {
			passed = run(context, sms, orders, clients, latency);
		}
		finally {
			context.close();
			sms.close();
			FileSystemUtils.deleteRecursively(dataDir);
		}
		System.exit(passed ? 0 : 1);
	}

	/** One order in this many is an L1 emergency; the rest are L3. */
	private static final int L1_STEP = Integer.getInteger("bench.l1Step", 101);

	private static boolean run(ConfigurableApplicationContext context, AliyunStub sms, int orders, int clients,
			Duration latency) throws Exception {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		Api api = new Api(port, context.getBean(JsonMapper.class));
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long setupStart = System.nanoTime();
		List<String> numbers = createOrders(api, pool, orders);
		long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;
		sms.clear();

		long start = System.nanoTime();
		dispatchAll(api, pool, numbers);
		long dispatched = System.nanoTime();
		long recorded = 0;
		long expected = 2L * orders;
		while (true) {
			long rows = count(jdbc,
					"SELECT count(*) FROM notification_message WHERE kind IN ('TECH_NEW_JOB', 'OWNER_DISPATCHED')");
			if (recorded == 0 && rows >= expected) {
				recorded = System.nanoTime();
			}
			long sent = count(jdbc,
					"SELECT count(*) FROM notification_message WHERE kind IN ('TECH_NEW_JOB', 'OWNER_DISPATCHED') AND status = 'SENT'");
			if (sent >= expected || System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
				break;
			}
			Thread.sleep(50);
		}
		long finished = System.nanoTime();
		pool.shutdown();

		long sent = count(jdbc, "SELECT count(*) FROM notification_message WHERE status = 'SENT'");
		long failed = count(jdbc, "SELECT count(*) FROM notification_message WHERE status = 'FAILED'");
		long pending = count(jdbc, "SELECT count(*) FROM notification_message WHERE status = 'PENDING'");
		long accepted = sms.accepted().size();
		long distinct = sms.accepted().stream().map(AliyunStub.Request::outId).distinct().count();
		List<Double> delays = jdbc.sql("""
				SELECT EXTRACT(EPOCH FROM (m.sent_at - h.at)) * 1000
				FROM notification_message m JOIN work_order o ON o.number = m.order_number
				JOIN work_order_history h ON h.order_id = o.id AND h.action = 'dispatch'
				WHERE m.kind IN ('TECH_NEW_JOB', 'OWNER_DISPATCHED') AND m.status = 'SENT' ORDER BY 1
				""").query(Double.class).list();
		List<Double> emergencyRecorded = jdbc.sql("""
				SELECT EXTRACT(EPOCH FROM (m.created_at - h.at)) * 1000
				FROM notification_message m JOIN work_order o ON o.number = m.order_number
				JOIN work_order_history h ON h.order_id = o.id AND h.action = 'dispatch'
				WHERE m.kind IN ('TECH_NEW_JOB', 'OWNER_DISPATCHED') AND o.grade = 'L1'
				ORDER BY 1
				""").query(Double.class).list();
		List<Double> emergencyDelays = jdbc.sql("""
				SELECT EXTRACT(EPOCH FROM (m.sent_at - h.at)) * 1000
				FROM notification_message m JOIN work_order o ON o.number = m.order_number
				JOIN work_order_history h ON h.order_id = o.id AND h.action = 'dispatch'
				WHERE m.kind IN ('TECH_NEW_JOB', 'OWNER_DISPATCHED') AND m.status = 'SENT' AND o.grade = 'L1'
				ORDER BY 1
				""").query(Double.class).list();
		Map<String, Object> settings = Map.of("concurrency",
				context.getEnvironment().getProperty("suxiu.notification.delivery.concurrency", "8"), "batch",
				context.getEnvironment().getProperty("suxiu.notification.delivery.batch", "100"), "interval",
				context.getEnvironment().getProperty("suxiu.notification.delivery.interval", "PT1S"));

		System.out.println();
		System.out.println("=== SuXiu notification benchmark ===");
		System.out.printf("machine: %d cores, JVM max heap %d MB, Java %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
				System.getProperty("java.version"));
		System.out.printf("setup: %d orders created through the API in %.1f s (not measured)%n", orders,
				setupMillis / 1000.0);
		System.out.printf("burst: %d dispatches by %d clients; SMS provider stand-in answers after %d ms; poller %s%n",
				orders, clients, latency.toMillis(), settings);
		System.out.printf("dispatched (all 200):           %8.1f s  (%.0f dispatches/s)%n", seconds(dispatched - start),
				orders / seconds(dispatched - start));
		System.out.printf("all %d messages recorded:    %8.1f s after the first dispatch%n", expected,
				recorded == 0 ? Double.NaN : seconds(recorded - start));
		System.out.printf("all %d messages sent:        %8.1f s after the first dispatch (%.0f messages/s)%n", expected,
				seconds(finished - start), expected / seconds(finished - start));
		System.out.printf("dispatch -> provider accepted:  p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s%n",
				percentile(delays, 50) / 1000, percentile(delays, 95) / 1000, percentile(delays, 99) / 1000,
				percentile(delays, 100) / 1000);
		System.out.printf(
				"L1 dispatch -> provider accepted (%d messages): p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s%n",
				emergencyDelays.size(), percentile(emergencyDelays, 50) / 1000, percentile(emergencyDelays, 95) / 1000,
				percentile(emergencyDelays, 99) / 1000, percentile(emergencyDelays, 100) / 1000);
		System.out.printf("L1 dispatch -> message recorded:  p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s%n",
				percentile(emergencyRecorded, 50) / 1000, percentile(emergencyRecorded, 95) / 1000,
				percentile(emergencyRecorded, 99) / 1000, percentile(emergencyRecorded, 100) / 1000);
		System.out.printf(
				"messages: %d SENT, %d PENDING, %d FAILED; provider accepted %d requests for %d distinct messages%n",
				sent, pending, failed, accepted, distinct);
		boolean passed = sent >= expected && failed == 0 && accepted == distinct && distinct >= expected;
		System.out.println(passed ? "verdict: every message sent, none twice, none failed"
				: "verdict: FAILED (messages missing, failed or sent twice)");
		return passed;
	}

	private static List<String> createOrders(Api api, ExecutorService pool, int orders) throws Exception {
		ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> work = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			work.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
					// an emergency every STEP orders among planned work (100 in 10,100)
					String grade = i % L1_STEP == L1_STEP - 1 ? "L1" : "L3";
					Map<String, Object> body = Requests.with(Requests.drippingTapByHotline(), "grade", grade);
					body.put("reporter", Map.of("name", "业主" + i, "phone", String.format("137%08d", i)));
					Api.Response created = api.post("agent", "/api/v1/work-orders", body);
					if (created.status() != 201) {
						throw new IllegalStateException("create: " + created.body());
					}
					numbers.add(created.text("number"));
				}
				return null;
			}));
		}
		for (Future<?> future : work) {
			future.get();
		}
		return new ArrayList<>(numbers);
	}

	private static void dispatchAll(Api api, ExecutorService pool, List<String> numbers) throws Exception {
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> work = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			work.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < numbers.size(); i = next.getAndIncrement()) {
					Api.Response response = api.post("dispatcher",
							"/api/v1/work-orders/" + numbers.get(i) + "/dispatch",
							Map.of("technicianId", String.format("tech%02d", 1 + i % 12)));
					if (response.status() != 200) {
						throw new IllegalStateException("dispatch: " + response.body());
					}
				}
				return null;
			}));
		}
		for (Future<?> future : work) {
			future.get();
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static double percentile(List<Double> sorted, int percent) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
