package org.suxiu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.FileSystemUtils;
import org.suxiu.Api;
import org.suxiu.SseClient;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.Requests;
import org.suxiu.workorder.WorkOrderDispatched;

/**
 * Live events under a burst: 10,000 NEW orders dispatched as fast as 16 dispatcher
 * threads can, while every technician of the project and a dispatcher hold an SSE stream.
 * Reports the delay from each dispatch's commit to its arrival at the technician's and
 * the dispatcher's stream, and checks that each arrived exactly once.
 *
 * <p>
 * Not a test: run with {@code ./mvnw -B -Pbench -DskipTests verify
 * -Dbench.main=org.suxiu.bench.LiveEventBenchmark} ({@code -Dbench.orders} and
 * {@code -Dbench.threads} through {@code "-Dbench.jvmArgs=..."}).
 */
public final class LiveEventBenchmark {

	static final int ORDERS = Integer.getInteger("bench.orders", 10_000);

	static final int THREADS = Integer.getInteger("bench.threads", 16);

	/** Wall time (nanoTime) of each dispatch's commit, by order number. */
	static final Map<String, Long> COMMITTED = new ConcurrentHashMap<>();

	private LiveEventBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Files.createTempDirectory("suxiu-live-bench-");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class, CommitTimes.class)
			.run("--server.port=0", "--suxiu.data-dir=" + dataDir, "--suxiu.sla.poller.enabled=false",
					"--suxiu.dispatch.max-open-jobs=1000000", "--suxiu.security.token-lifetime=P3650D",
					"--logging.level.root=WARN");
		boolean passed;
		try {
			passed = run(context);
		}
		finally {
			context.close();
			FileSystemUtils.deleteRecursively(dataDir);
		}
		System.exit(passed ? 0 : 1);
	}

	private static boolean run(ConfigurableApplicationContext context) throws Exception {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		JsonMapper json = context.getBean(JsonMapper.class);
		Api api = new Api(port, json);
		List<String> technicians = new ArrayList<>();
		api.get("dispatcher", "/api/v1/technicians?projectCode=DEMO")
			.body()
			.forEach(t -> technicians.add(t.get("username").asString()));
		long seedStart = System.nanoTime();
		List<String> numbers = parallel(ORDERS, i -> create(api));
		long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

		Map<String, Long> atTechnician = new ConcurrentHashMap<>();
		Map<String, Long> atDispatcher = new ConcurrentHashMap<>();
		AtomicInteger duplicates = new AtomicInteger();
		AtomicInteger misdelivered = new AtomicInteger();
		Map<String, String> assigned = new ConcurrentHashMap<>();
		for (int i = 0; i < numbers.size(); i++) {
			assigned.put(numbers.get(i), technicians.get(i % technicians.size()));
		}
		List<SseClient> streams = new ArrayList<>();
		for (String technician : technicians) {
			streams.add(SseClient.open(port, "/api/v1/events", api.token(technician), json, event -> {
				if ("dispatched".equals(event.type())) {
					String number = event.text("number");
					if (!technician.equals(assigned.get(number))) {
						misdelivered.incrementAndGet();
					}
					if (atTechnician.putIfAbsent(number, event.receivedNanos()) != null) {
						duplicates.incrementAndGet();
					}
				}
			}));
		}
		streams.add(SseClient.open(port, "/api/v1/events", api.token("dispatcher"), json, event -> {
			if ("dispatched".equals(event.type())
					&& atDispatcher.putIfAbsent(event.text("number"), event.receivedNanos()) != null) {
				duplicates.incrementAndGet();
			}
		}));

		COMMITTED.clear();
		long burstStart = System.nanoTime();
		List<Integer> statuses = parallel(ORDERS,
				i -> api
					.post("dispatcher", "/api/v1/work-orders/" + numbers.get(i) + "/dispatch",
							Map.of("technicianId", assigned.get(numbers.get(i))))
					.status());
		long dispatched = System.nanoTime();
		try {
			Awaitility.await()
				.atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> atTechnician.size() >= ORDERS && atDispatcher.size() >= ORDERS);
		}
		catch (ConditionTimeoutException ex) {
			System.out.println("Not every event arrived within 5 minutes");
		}
		long lastReceipt = atTechnician.values().stream().mapToLong(Long::longValue).max().orElse(burstStart);
		lastReceipt = Math.max(lastReceipt,
				atDispatcher.values().stream().mapToLong(Long::longValue).max().orElse(burstStart));
		streams.forEach(SseClient::close);

		Latencies toTechnician = delays(atTechnician);
		Latencies toDispatcher = delays(atDispatcher);
		long ok = statuses.stream().filter(s -> s == 200).count();
		long rows = context.getBean(JdbcClient.class)
			.sql("SELECT count(*) FROM live_event WHERE type = 'dispatched'")
			.query(Long.class)
			.single();

		System.out.println();
		System.out.println("Live-event benchmark (" + Runtime.getRuntime().availableProcessors()
				+ " CPUs, embedded PostgreSQL 17, one instance, clients in the same JVM)");
		row("orders dispatched in the burst", String.format(Locale.ROOT, "%,d (%d dispatcher threads)", ok, THREADS));
		row("SSE streams", technicians.size() + " technicians + 1 dispatcher");
		row("set-up: orders created through the API", String.format(Locale.ROOT, "%.1f s", seedMillis / 1000.0));
		row("burst: all dispatches answered", seconds(dispatched - burstStart));
		row("burst: dispatch throughput",
				String.format(Locale.ROOT, "%,.0f /s", ok / ((dispatched - burstStart) / 1e9)));
		row("burst: last event received", seconds(lastReceipt - burstStart));
		row("feed rows for the burst", String.format(Locale.ROOT, "%,d (project, owner, technician)", rows));
		report("commit → technician's stream", toTechnician);
		report("commit → dispatcher's stream", toDispatcher);
		System.out.println();

		List<String[]> checks = List.of(check("every dispatch answered 200", ok == ORDERS),
				check("every technician received each of their dispatches", toTechnician.count() == ORDERS),
				check("the dispatcher received every dispatch", toDispatcher.count() == ORDERS),
				check("none received twice", duplicates.get() == 0),
				check("no technician received another's dispatch", misdelivered.get() == 0));
		checks.forEach(c -> System.out.println("  " + c[0] + "  " + c[1]));
		System.out.println();
		return checks.stream().allMatch(c -> c[0].equals("PASS"));
	}

	private static String create(Api api) {
		Api.Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水", Requests.home("1", "1", "101")), "grade", "L3"));
		if (created.status() != 201) {
			throw new IllegalStateException("Cannot create an order: " + created.body());
		}
		return created.text("number");
	}

	/** Runs {@code task} for 0..n-1 on {@link #THREADS} threads; results in order. */
	private static <T> List<T> parallel(int n, Function<Integer, T> task) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(threads.submit(() -> task.apply(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(10, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Latencies delays(Map<String, Long> received) {
		return new Latencies(received.entrySet()
			.stream()
			.filter(e -> COMMITTED.containsKey(e.getKey()))
			.mapToLong(e -> e.getValue() - COMMITTED.get(e.getKey()))
			.toArray());
	}

	private static void report(String label, Latencies latencies) {
		row(label,
				String.format(Locale.ROOT, "%,d events · p50 %.1f ms · p90 %.1f ms · p99 %.1f ms · max %.1f ms",
						latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(90),
						latencies.percentileMillis(99), latencies.maxMillis()));
	}

	private static void row(String label, String value) {
		System.out.printf(Locale.ROOT, "  %-42s %s%n", label, value);
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
	}

	private static String[] check(String name, boolean ok) {
		return new String[] { ok ? "PASS" : "FAIL", name };
	}

	static class CommitTimes {

		@Bean
		Listener liveBenchCommitTimes() {
			return new Listener();
		}

	}

	static class Listener {

		@EventListener
		void on(WorkOrderDispatched event) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					COMMITTED.put(event.number(), System.nanoTime());
				}
			});
		}

	}

}
