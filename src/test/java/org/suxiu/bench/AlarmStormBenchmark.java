package org.suxiu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.SuxiuApplication;

/**
 * A device alarm storm on two instances sharing one PostgreSQL: 500 devices on 100 pieces
 * of equipment send 10,000 alarms in one burst (each device repeats one of its two alarm
 * types many times), split between the instances. Checks that the orders opened are
 * exactly the distinct alarms (device and type), none twice, every repeat counted;
 * reports the alarm → answer latency (the order is committed when the device is answered)
 * for all alarms and for those that opened an order.
 * <p>
 * Run with
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.bench.AlarmStormBenchmark -Dbench.clients=64}.
 * Both instances and the load generator share this JVM and the machine's CPU with the
 * embedded database. Not a test.
 */
public final class AlarmStormBenchmark {

	static final int ALARMS = 10_000;

	static final int DEVICES = 500;

	static final int ASSETS = 100;

	static final String[] TYPES = { "LIFT_ENTRAPMENT", "LIFT_FAULT", "FIRE_ALARM", "WATER_LEAK" };

	static final String[] AREAS = { "1号楼1号电梯", "1号楼2号电梯", "2号楼1号电梯", "2号楼2号电梯", "3号楼1号电梯", "3号楼2号电梯", "4号楼1号电梯",
			"4号楼2号电梯", "5号楼1号电梯", "5号楼2号电梯", "6号楼1号电梯", "6号楼2号电梯", "水泵房", "配电房", "地下车库" };

	private static final String SECRET = "a-signing-secret-shared-by-both-instances-0123456789";

	private AlarmStormBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("bench.clients", 64);
		Path dirA = Files.createTempDirectory("suxiu-alarm-a-");
		Path dirB = Files.createTempDirectory("suxiu-alarm-b-");
		ConfigurableApplicationContext a = start(Map.of("suxiu.data-dir", dirA.toString()));
		EmbeddedPostgres database = a.getBean(EmbeddedPostgres.class);
		ConfigurableApplicationContext b = start(Map.of("suxiu.data-dir", dirB.toString(), "spring.datasource.url",
				database.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres"));
		boolean passed;
		try {
			JsonMapper json = a.getBean(JsonMapper.class);
			Api api = new Api(port(a), json);
			List<String[]> devices = register(api);
			JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
			warmUp(List.of(port(a), port(b)), devices);
			jdbc.sql("UPDATE device_alarm SET state = 'CLEARED', cleared_at = now() - interval '1 day'").update();
			long ordersBefore = count(jdbc, "SELECT count(*) FROM work_order WHERE channel = 'IOT'");
			long alarmsBefore = count(jdbc, "SELECT count(*) FROM device_alarm");
			passed = storm(List.of(port(a), port(b)), devices, clients, jdbc, ordersBefore, alarmsBefore);
		}
		finally {
			b.close();
			a.close();
		}
		System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
		System.exit(passed ? 0 : 1);
	}

	/** 100 assets, five devices each: {deviceId, key}. */
	private static List<String[]> register(Api api) {
		List<String[]> devices = new ArrayList<>();
		for (int i = 0; i < ASSETS; i++) {
			String area = AREAS[i % AREAS.length];
			String type = area.endsWith("电梯") ? "LIFT" : area.equals("水泵房") ? "WATER_PUMP" : "OTHER";
			Api.Response asset = api.post("manager", "/api/v1/assets",
					Map.of("projectCode", "DEMO", "place", area, "type", type, "name", "storm-" + i));
			if (asset.status() != 201) {
				throw new IllegalStateException("cannot register an asset: " + asset.body());
			}
			for (int d = 0; d < DEVICES / ASSETS; d++) {
				JsonNode device = api
					.post("manager", "/api/v1/devices",
							Map.of("assetId", asset.body().get("id").asLong(), "name", "sensor-" + d))
					.body();
				devices.add(new String[] { device.get("deviceId").asString(), device.get("deviceKey").asString() });
			}
		}
		return devices;
	}

	/**
	 * Exercises both instances' paths before measuring: one alarm from 50 devices each.
	 */
	private static void warmUp(List<Integer> ports, List<String[]> devices) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (int i = 0; i < 100; i++) {
			String[] device = devices.get(i % 50);
			send(http, ports.get(i % 2), device, "LIFT_FAULT");
		}
	}

	private static boolean storm(List<Integer> ports, List<String[]> devices, int clients, JdbcClient jdbc,
			long ordersBefore, long alarmsBefore) throws Exception {
		Random random = new Random(13);
		List<int[]> plan = new ArrayList<>();
		Set<String> distinct = new HashSet<>();
		for (int i = 0; i < ALARMS; i++) {
			int device = random.nextInt(DEVICES);
			int type = (device + random.nextInt(2)) % TYPES.length;
			plan.add(new int[] { device, type });
			distinct.add(device + "/" + type);
		}
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(8))
			.build();
		ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> opened = new ConcurrentLinkedQueue<>();
		Map<String, Set<String>> numbersByAlarm = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch done = new CountDownLatch(clients);
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				try {
					for (int i = next.getAndIncrement(); i < ALARMS; i = next.getAndIncrement()) {
						int[] alarm = plan.get(i);
						long t0 = System.nanoTime();
						HttpResponse<String> response;
						try {
							response = send(http, ports.get(i % 2), devices.get(alarm[0]), TYPES[alarm[1]]);
						}
						catch (java.io.IOException ex) {
							// as a device would: once more after a broken connection
							// (counted)
							failures.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
							response = send(http, ports.get(i % 2), devices.get(alarm[0]), TYPES[alarm[1]]);
						}
						long micros = (System.nanoTime() - t0) / 1000;
						if (response.statusCode() != 202) {
							failures.merge("HTTP " + response.statusCode(), 1, Integer::sum);
							errors.incrementAndGet();
							continue;
						}
						all.add(micros);
						if (response.body().contains("\"OPENED\"")) {
							opened.add(micros);
						}
						String number = response.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");
						numbersByAlarm.computeIfAbsent(alarm[0] + "/" + alarm[1], k -> ConcurrentHashMap.newKeySet())
							.add(number);
					}
				}
				catch (Exception ex) {
					failures.merge("lost: " + ex.getClass().getSimpleName(), 1, Integer::sum);
					errors.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await(30, TimeUnit.MINUTES);
		double wall = (System.nanoTime() - started) / 1e9;
		pool.shutdown();

		long orders = count(jdbc, "SELECT count(*) FROM work_order WHERE channel = 'IOT'") - ordersBefore;
		long alarms = count(jdbc, "SELECT count(*) FROM device_alarm") - alarmsBefore;
		long repeats = count(jdbc, "SELECT coalesce(sum(repeats), 0) FROM device_alarm WHERE state = 'OPEN'");
		long twice = count(jdbc, """
				SELECT count(*) FROM (SELECT device_id, type FROM device_alarm WHERE state = 'OPEN'
				    GROUP BY device_id, type HAVING count(*) > 1) t""");
		long withoutOrder = count(jdbc, "SELECT count(*) FROM device_alarm WHERE order_number IS NULL");
		long orderTwice = count(jdbc, """
				SELECT count(*) FROM (SELECT order_number FROM device_alarm GROUP BY order_number
				    HAVING count(*) > 1) t""");
		long answeredWithTwoNumbers = numbersByAlarm.values().stream().filter(s -> s.size() > 1).count();
		List<Long> sorted = all.stream().sorted().toList();
		List<Long> sortedOpened = opened.stream().sorted().toList();

		System.out.println();
		System.out.println("Device alarm storm (" + Runtime.getRuntime().availableProcessors() + " CPUs, two instances "
				+ "in one JVM on one embedded PostgreSQL 17, " + clients + " concurrent senders)");
		row("alarms sent", String.format(Locale.ROOT, "%,d from %d devices", ALARMS, DEVICES));
		row("distinct alarms (device, type)", String.valueOf(distinct.size()));
		row("orders opened", String.valueOf(orders));
		row("alarm rows", String.valueOf(alarms));
		row("repeats counted", String.format(Locale.ROOT, "%,d", repeats));
		row("errors (non-202 or lost)", errors.get() + " " + failures);
		row("wall time", String.format(Locale.ROOT, "%.1f s (%.0f alarms/s)", wall, ALARMS / wall));
		row("latency all p50 / p99 / max", ms(at(sorted, 0.5)) + " / " + ms(at(sorted, 0.99)) + " / "
				+ ms(sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1)));
		row("alarm → order p50 / p99 / max", ms(at(sortedOpened, 0.5)) + " / " + ms(at(sortedOpened, 0.99)) + " / "
				+ ms(sortedOpened.isEmpty() ? -1 : sortedOpened.get(sortedOpened.size() - 1)));
		List<Check> checks = List.of(new Check("every alarm answered 202", errors.get() == 0),
				new Check("orders opened = distinct alarms", orders == distinct.size() && alarms == distinct.size()),
				new Check("no alarm open twice", twice == 0),
				new Check("every alarm has its own order", withoutOrder == 0 && orderTwice == 0),
				new Check("every repeat answered with the same order", answeredWithTwoNumbers == 0),
				new Check("every alarm counted once", repeats == ALARMS),
				new Check("alarm → order p99 ≤ 2 s", at(sortedOpened, 0.99) <= 2_000_000));
		System.out.println();
		checks.forEach(c -> System.out.println((c.ok() ? "  PASS  " : "  FAIL  ") + c.name()));
		System.out.println();
		return checks.stream().allMatch(Check::ok);
	}

	private static HttpResponse<String> send(HttpClient http, int port, String[] device, String type) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices/" + device[0] + "/alarms"))
			.header("Content-Type", "application/json")
			.header("X-Device-Key", device[1])
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"type\":\"" + type + "\",\"severity\":\"CRITICAL\",\"value\":1}"))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private record Check(String name, boolean ok) {
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static long at(List<Long> sorted, double quantile) {
		return sorted.isEmpty() ? -1
				: sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
	}

	private static String ms(long micros) {
		return String.format(Locale.ROOT, "%.0f ms", micros / 1000.0);
	}

	private static void row(String name, String value) {
		System.out.printf("  %-34s %s%n", name, value);
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
