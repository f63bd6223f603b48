package org.suxiu.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.suxiu.Api;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Requests;
import org.suxiu.workorder.WorkOrders;

/**
 * One dispatch decision inside the production path: 200 more technicians (three skills
 * each, nine in ten on the day shift, one in ten on call) holding 2,000 open orders (one
 * in ten still waiting for a technician), loaded into the embedded PostgreSQL; then a
 * dispatcher asks {@code GET /api/v1/work-orders/{number}/recommendations} for new L1, L2
 * and L3 orders one after another, so every decision reads the board (technicians,
 * skills, shifts, jobs in hand, the site, for an emergency the project's open ones) and
 * ranks 212 technicians. Reports the latency percentiles, the time inside the server, the
 * CPU per decision (Tomcat's threads and PostgreSQL) and the load average, since other
 * processes share the cores.
 *
 * <p>
 * Not a test: run with {@code ./mvnw -B -Pbench -DskipTests verify
 * -Dbench.main=org.suxiu.bench.DispatchDecisionBenchmark}.
 */
public final class DispatchDecisionBenchmark {

	static final int TECHNICIANS = 200;

	static final int OPEN_ORDERS = 2_000;

	static final int WARMUP = Integer.getInteger("bench.decisionWarmup", 1_000);

	static final int DECISIONS = Integer.getInteger("bench.decisions", 3_000);

	/** A Tuesday morning: the day shift is on. */
	private static final MutableClock CLOCK = MutableClock.at("2026-12-01T10:00:00+08:00");

	private static final double TARGET_P99_MILLIS = 20;

	private DispatchDecisionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Files.createTempDirectory("suxiu-decision-bench-");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class)
			.initializers(c -> c.getBeanFactory().registerSingleton("clock", CLOCK))
			.run("--server.port=0", "--suxiu.data-dir=" + dataDir, "--suxiu.sla.poller.enabled=false",
					"--suxiu.security.token-lifetime=P3650D", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off");
		boolean met;
		try {
			met = run(context, dataDir);
		}
		finally {
			context.close();
			FileSystemUtils.deleteRecursively(dataDir);
		}
		System.exit(met ? 0 : 1);
	}

	private static boolean run(ConfigurableApplicationContext context, Path dataDir) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
				context.getBean(JsonMapper.class));
		long setupStart = System.nanoTime();
		List<String> targets = targets(api);
		seed(jdbc, api);
		long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;
		int technicians = jdbc.sql("SELECT count(*) FROM technician").query(Integer.class).single();
		int open = jdbc
			.sql("SELECT count(*) FROM work_order WHERE status IN ('NEW', 'DISPATCHED', 'TAKEN', "
					+ "'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')")
			.query(Integer.class)
			.single();
		int inHand = jdbc.sql("SELECT count(*) FROM dispatch_job").query(Integer.class).single();

		for (int i = 0; i < WARMUP; i++) {
			decide(api, targets.get(i % targets.size()));
		}
		ServerTimings server = new ServerTimings(context.getBean(io.micrometer.core.instrument.MeterRegistry.class));
		ServerTimings.Snapshot serverBefore = server.snapshot("GET", "/api/v1/work-orders/{number}/recommendations");
		CpuMeter cpu = new CpuMeter(dataDir.resolve("postgres"));
		String loadBefore = loadAverage();
		CpuMeter.Sample start = cpu.sample();
		long[] nanos = new long[DECISIONS];
		for (int i = 0; i < DECISIONS; i++) {
			long t0 = System.nanoTime();
			decide(api, targets.get(i % targets.size()));
			nanos[i] = System.nanoTime() - t0;
		}
		CpuMeter.Sample end = cpu.sample();
		String loadAfter = loadAverage();
		ServerTimings.Snapshot serverAfter = server.snapshot("GET", "/api/v1/work-orders/{number}/recommendations");
		CpuMeter.Share share = CpuMeter.between(start, end);
		double wallSeconds = (end.wallNanos() - start.wallNanos()) / 1e9;
		Latencies latencies = new Latencies(nanos);

		System.out.println();
		System.out.println("Dispatch decision benchmark (" + Runtime.getRuntime().availableProcessors()
				+ " CPUs, one dispatcher asking at a time, embedded PostgreSQL 17, "
				+ ManagementFactory.getRuntimeMXBean().getVmVersion() + ")");
		row("technicians (tenant)", String.valueOf(technicians));
		row("open orders", String.format(Locale.ROOT, "%,d (%,d in technicians' hands)", open, inHand));
		row("set-up", setupMillis + " ms");
		row("decisions", String.format(Locale.ROOT, "%,d after %,d warm-up, over %d orders (L1, L2, L3)", DECISIONS,
				WARMUP, targets.size()));
		row("latency p50", ms(latencies.percentileMillis(50)));
		row("latency p90", ms(latencies.percentileMillis(90)));
		row("latency p99", ms(latencies.percentileMillis(99)));
		row("latency p99.9", ms(latencies.percentileMillis(99.9)));
		row("latency max", ms(latencies.maxMillis()));
		row("inside the server (mean)", ms(serverAfter.meanMillisSince(serverBefore)));
		row("CPU per decision",
				String.format(Locale.ROOT,
						"%.2f ms (Tomcat threads %.2f ms, PostgreSQL %.2f ms; "
								+ "GC/JIT %.2f ms; benchmark client %.2f ms)",
						perDecision(share.tomcat() + share.postgres(), wallSeconds),
						perDecision(share.tomcat(), wallSeconds), perDecision(share.postgres(), wallSeconds),
						perDecision(share.jvmOther(), wallSeconds), perDecision(share.loadGenerator(), wallSeconds)));
		row("machine busy",
				String.format(Locale.ROOT, "%.2f cores (elsewhere: %.2f)", share.machine(), share.elsewhere()));
		row("load average", loadBefore + " → " + loadAfter);
		String[] grades = { "L1", "L2", "L3" };
		for (int g = 0; g < 3; g++) {
			List<Long> ofGrade = new ArrayList<>();
			for (int i = g; i < DECISIONS; i += 3) {
				ofGrade.add(nanos[i]);
			}
			Latencies l = new Latencies(ofGrade.stream().mapToLong(Long::longValue).toArray());
			row("  " + grades[g] + " orders",
					"p50 " + ms(l.percentileMillis(50)) + ", p99 " + ms(l.percentileMillis(99)));
		}
		ServiceTimes service = serviceTimes(context, targets, cpu);
		row("service method (in-process)", "p50 " + ms(service.latencies().percentileMillis(50)) + ", p99 "
				+ ms(service.latencies().percentileMillis(99)) + ", max " + ms(service.latencies().maxMillis()));
		row("  CPU per decision", String.format(Locale.ROOT, "%.2f ms (calling thread %.2f ms, PostgreSQL %.2f ms)",
				service.threadMillis() + service.postgresMillis(), service.threadMillis(), service.postgresMillis()));
		for (int g = 0; g < 3; g++) {
			List<Long> ofGrade = new ArrayList<>();
			for (int i = g; i < service.nanos().length; i += 3) {
				ofGrade.add(service.nanos()[i]);
			}
			Latencies l = new Latencies(ofGrade.stream().mapToLong(Long::longValue).toArray());
			row("  " + grades[g] + " orders",
					"p50 " + ms(l.percentileMillis(50)) + ", p99 " + ms(l.percentileMillis(99)));
		}
		row("load average after", loadAverage());
		boolean met = latencies.percentileMillis(99) <= TARGET_P99_MILLIS;
		System.out.println();
		System.out.println((met ? "  MET   " : "  MISSED") + " p99 ≤ " + TARGET_P99_MILLIS + " ms");
		System.out.println();
		return met;
	}

	/**
	 * The service method the endpoint calls ({@code Recommendations.rank}, with its
	 * database reads and its transaction), called in-process without HTTP, security or
	 * JSON; the class is the dispatch module's own, so it is reached reflectively.
	 */
	private static ServiceTimes serviceTimes(ConfigurableApplicationContext context, List<String> targets, CpuMeter cpu)
			throws Exception {
		Class<?> type = Class.forName("org.suxiu.dispatch.Recommendations");
		Object recommendations = context.getBean(type);
		java.lang.reflect.Method rank = type.getDeclaredMethod("rank", OrderFacts.class);
		rank.setAccessible(true);
		WorkOrders orders = context.getBean(WorkOrders.class);
		for (int i = 0; i < WARMUP; i++) {
			rank.invoke(recommendations, orders.facts(targets.get(i % targets.size())).orElseThrow());
		}
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		StatementStats statements = new StatementStats(context.getBean(javax.sql.DataSource.class));
		statements.reset();
		WindowProfiler profiler = WindowProfiler.start(60);
		CpuMeter.Sample start = cpu.sample();
		long threadStart = threads.getCurrentThreadCpuTime();
		long[] nanos = new long[DECISIONS];
		for (int i = 0; i < DECISIONS; i++) {
			OrderFacts order = orders.facts(targets.get(i % targets.size())).orElseThrow();
			long t0 = System.nanoTime();
			rank.invoke(recommendations, order);
			nanos[i] = System.nanoTime() - t0;
		}
		long threadNanos = threads.getCurrentThreadCpuTime() - threadStart;
		CpuMeter.Sample end = cpu.sample();
		profiler.stop();
		System.out.print(statements.report("service method", DECISIONS));
		double wall = (end.wallNanos() - start.wallNanos()) / 1e9;
		return new ServiceTimes(nanos, new Latencies(nanos), threadNanos / 1e6 / DECISIONS,
				perDecision(CpuMeter.between(start, end).postgres(), wall));
	}

	private record ServiceTimes(long[] nanos, Latencies latencies, double threadMillis, double postgresMillis) {
	}

	private static void decide(Api api, String number) {
		Api.Response ranked = api.get("dispatcher", "/api/v1/work-orders/" + number + "/recommendations");
		if (ranked.status() != 200 || ranked.body().isEmpty()) {
			throw new IllegalStateException("No recommendation for " + number + ": " + ranked.body());
		}
	}

	/** New orders to place: ten of each of L1, L2 and L3 in the trades the roster has. */
	private static List<String> targets(Api api) {
		List<String> numbers = new ArrayList<>();
		String[][] kinds = { { "PLUMBING", "水管爆裂，水漫一地", "L1" }, { "ELECTRICAL", "家里跳闸推不上去", "L2" },
				{ "PLUMBING", "厨房水龙头一直滴水，关不紧", "L3" } };
		for (int i = 0; i < 30; i++) {
			String[] kind = kinds[i % 3];
			Map<String, Object> body = Requests.with(Requests.hotline(kind[0], kind[1],
					Requests.home(String.valueOf(1 + i % 6), "2", String.format("%d%02d", 10 + i / 6, 1 + i % 2))),
					"grade", kind[2]);
			Api.Response created = api.post("agent", "/api/v1/work-orders", body);
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create a target order: " + created.body());
			}
			numbers.add(created.text("number"));
		}
		return numbers;
	}

	/**
	 * 200 technicians and 2,000 open orders in SQL: copies of one order made through the
	 * API, nine in ten assigned (with their rows on the dispatch board), one in ten new.
	 */
	private static void seed(JdbcClient jdbc, Api api) {
		Map<String, Object> demo = jdbc.sql("SELECT id, tenant_id FROM project WHERE code = 'DEMO'")
			.query()
			.singleRow();
		long project = ((Number) demo.get("id")).longValue();
		long tenant = ((Number) demo.get("tenant_id")).longValue();
		Map<String, Object> base = jdbc
			.sql("SELECT avg(lat) AS lat, avg(lng) AS lng FROM technician WHERE lat IS NOT NULL")
			.query()
			.singleRow();
		double lat = ((Number) base.get("lat")).doubleValue();
		double lng = ((Number) base.get("lng")).doubleValue();
		Timestamp now = Timestamp.from(CLOCK.instant());
		jdbc.sql("""
				INSERT INTO staff (tenant_id, username, name, phone, role, password_hash, active, created_at)
				SELECT ?, 'benchtech' || lpad(g::text, 3, '0'), '压测师傅' || g, '1370000' || lpad(g::text, 4, '0'),
				    'TECHNICIAN', (SELECT password_hash FROM staff WHERE username = 'tech01'), TRUE, ?
				FROM generate_series(1, ?) g
				""").params(tenant, now, TECHNICIANS).update();
		jdbc.sql(
				"""
						INSERT INTO technician (staff_id, tenant_id, status, lat, lng, position_at)
						SELECT id, tenant_id, 'ON_DUTY', ? + ((id * 37) % 101 - 50) * 0.0006, ? + ((id * 53) % 101 - 50) * 0.0007, ?
						FROM staff WHERE username LIKE 'benchtech%'
						""")
			.params(lat, lng, now)
			.update();
		jdbc.sql("""
				INSERT INTO technician_skill (staff_id, category, level)
				SELECT s.id, (ARRAY['PLUMBING','ELECTRICAL','DOOR_WINDOW','WALL_CEILING','APPLIANCE','ELEVATOR',
				    'GAS','FIRE','PUBLIC_FACILITY','OTHER'])[1 + (s.id + k * 3) % 10], 1 + (s.id + k) % 5
				FROM staff s, generate_series(0, 2) k WHERE s.username LIKE 'benchtech%'
				""").update();
		jdbc.sql("""
				INSERT INTO technician_shift (staff_id, day_of_week, starts, ends, on_call)
				SELECT id, NULL, CASE WHEN id % 10 = 0 THEN TIME '20:00' ELSE TIME '08:00' END,
				    CASE WHEN id % 10 = 0 THEN TIME '08:00' ELSE TIME '20:00' END, id % 10 = 0
				FROM staff WHERE username LIKE 'benchtech%'
				""").update();
		Api.Response template = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());
		String columns = jdbc.sql("""
				SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
				WHERE table_name = 'work_order' AND column_name NOT IN ('id', 'number', 'status', 'grade', 'category',
				    'assignee_id', 'assignee_name', 'assignee_phone')
				""").query(String.class).single();
		jdbc.sql("INSERT INTO work_order (number, status, grade, category, assignee_id, assignee_name, assignee_phone, "
				+ columns + ") SELECT 'BENCHD-' || lpad(g::text, 5, '0'),"
				+ " CASE WHEN g % 10 = 0 THEN 'NEW' ELSE (ARRAY['DISPATCHED','TAKEN','IN_PROGRESS'])[1 + g % 3] END,"
				+ " (ARRAY['L1','L2','L2','L3','L3','L3','L3','L3','L4','L4'])[1 + (g * 7) % 10],"
				+ " (ARRAY['PLUMBING','ELECTRICAL','DOOR_WINDOW','WALL_CEILING','APPLIANCE','ELEVATOR','GAS','FIRE',"
				+ "'PUBLIC_FACILITY','OTHER'])[1 + (g * 3) % 10],"
				+ " CASE WHEN g % 10 = 0 THEN NULL ELSE t.id END, CASE WHEN g % 10 = 0 THEN NULL ELSE t.name END,"
				+ " CASE WHEN g % 10 = 0 THEN NULL ELSE t.phone END, " + columns.replaceAll("(\\w+)", "w.$1")
				+ " FROM generate_series(1, ?) g JOIN work_order w ON w.number = ?"
				+ " JOIN (SELECT id, name, phone, row_number() OVER (ORDER BY id) - 1 AS k FROM staff"
				+ " WHERE username LIKE 'benchtech%') t ON t.k = g % ?")
			.params(OPEN_ORDERS, template.text("number"), TECHNICIANS)
			.update();
		jdbc.sql("""
				INSERT INTO dispatch_job (order_number, tenant_id, project_id, technician_id, grade, category, status,
				    lat, lng, dispatched_at, started_at, arrive_by)
				SELECT number, ?, ?, assignee_id, grade, category, status,
				    ? + ((id * 41) % 101 - 50) * 0.0005, ? + ((id * 43) % 101 - 50) * 0.0006,
				    CAST(? AS TIMESTAMPTZ) - interval '20 minutes',
				    CASE WHEN status = 'IN_PROGRESS' THEN CAST(? AS TIMESTAMPTZ) - interval '10 minutes' END,
				    CAST(? AS TIMESTAMPTZ) + interval '1 hour'
				FROM work_order WHERE number LIKE 'BENCHD-%' AND status <> 'NEW'
				""").params(tenant, project, lat, lng, now, now, now).update();
		jdbc.sql("VACUUM (ANALYZE) work_order").update();
		jdbc.sql("ANALYZE dispatch_job").update();
		jdbc.sql("ANALYZE technician").update();
	}

	private static double perDecision(double cores, double wallSeconds) {
		return cores * wallSeconds * 1000 / DECISIONS;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
					+ Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[1];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, "%.2f ms", millis);
	}

	private static void row(String name, String value) {
		System.out.printf(Locale.ROOT, "  %-26s %s%n", name, value);
	}

}
