package org.suxiu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;

/**
 * The daily plan generation at scale: 50,000 pieces of equipment in the register and
 * 5,000 calendar plans on them (lifts every 15 days, pumps monthly, gates weekly, fire
 * systems quarterly, first due days spread over three months, 7 days' lead), on one
 * instance over the embedded PostgreSQL. Times the generator's run as the scheduler calls
 * it: the first run (all work due within the lead time), the same day again (nothing to
 * raise: the cost of looking), each day of the following week (a day's new work), and the
 * overdue escalation. Checks that no plan's due day was raised twice.
 * <p>
 * Run with
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.bench.PlanGenerationBenchmark}.
 * The register and plans are loaded with SQL (loading 50,000 assets through the API is
 * not what is measured). Not a test.
 */
public final class PlanGenerationBenchmark {

	static final int ASSETS = Integer.getInteger("bench.assets", 50_000);

	static final int PLANS = Integer.getInteger("bench.plans", 5_000);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String SECRET = "a-signing-secret-for-the-plan-benchmark-0123456789";

	private PlanGenerationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).withHour(2);
		MutableClock clock = new MutableClock(start.toInstant(), ZONE);
		Path dir = Files.createTempDirectory("suxiu-plans-");
		ConfigurableApplicationContext app = start(dir, clock);
		boolean passed;
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Project demo = app.getBean(PropertyDirectory.class).project("DEMO").orElseThrow();
			long loading = System.nanoTime();
			load(jdbc, demo, start.toLocalDate());
			System.out.printf("Loaded %,d assets and %,d plans in %.1f s%n", ASSETS, PLANS, seconds(loading));
			Object generator = app.getBean("planGenerator");

			Run first = run("day 1, first run", generator, jdbc, "generateDue");
			Run again = run("day 1, again (nothing new)", generator, jdbc, "generateDue");
			// a week of daily runs: due days off work moved to the working day before, so
			// the weekend's runs find little new
			java.util.List<Run> week = new java.util.ArrayList<>();
			for (int day = 2; day <= 8; day++) {
				clock.advance(Duration.ofDays(1));
				week.add(run("day " + day + " (" + LocalDate.ofInstant(clock.instant(), ZONE).getDayOfWeek() + ")",
						generator, jdbc, "generateDue"));
			}
			clock.advance(Duration.ofDays(1));
			Run overdue = run("day 9, overdue escalation", generator, jdbc, "escalateOverdue");

			long twice = jdbc
				.sql("SELECT count(*) FROM (SELECT 1 FROM plan_work GROUP BY plan_id, due_on "
						+ "HAVING count(*) > 1) t")
				.query(Long.class)
				.single();
			long work = jdbc.sql("SELECT count(*) FROM plan_work").query(Long.class).single();
			long orders = jdbc.sql("SELECT count(*) FROM work_order WHERE channel = 'INSPECTION' AND grade = 'L4'")
				.query(Long.class)
				.single();
			System.out.println();
			System.out.println("| run | raised/escalated | wall time | per item | load average before → after |");
			System.out.println("|---|---|---|---|---|");
			java.util.List<Run> all = new java.util.ArrayList<>(java.util.List.of(first, again));
			all.addAll(week);
			all.add(overdue);
			all.forEach(r -> System.out.println(r.row()));
			System.out.printf("%nplan work rows %,d, planned orders %,d, due days raised twice %d%n", work, orders,
					twice);
			int daily = week.stream().mapToInt(Run::count).sum();
			passed = twice == 0 && work == first.count() + daily && again.count() == 0 && daily > 0;
		}
		finally {
			app.close();
		}
		System.out.println(passed ? "PASSED" : "FAILED");
		System.exit(passed ? 0 : 1);
	}

	/** One timed run of the generator, with the load average around it. */
	record Run(String name, int count, double seconds, String loadBefore, String loadAfter) {

		String row() {
			return String.format("| %s | %,d | %.2f s | %s | %s → %s |", name, count, seconds,
					count == 0 ? "–" : String.format("%.1f ms", seconds * 1000 / count), loadBefore, loadAfter);
		}

	}

	private static Run run(String name, Object generator, JdbcClient jdbc, String method) throws Exception {
		String before = load();
		long t0 = System.nanoTime();
		Integer count = ReflectionTestUtils.invokeMethod(generator, method);
		double took = seconds(t0);
		Run run = new Run(name, count == null ? 0 : count, took, before, load());
		System.out.println(run.row());
		return run;
	}

	/**
	 * The register and plans: every tenth asset has a plan; first due days spread over
	 * the next 90 days.
	 */
	private static void load(JdbcClient jdbc, Project demo, LocalDate today) {
		jdbc.sql(
				"""
						INSERT INTO asset (tenant_id, project_id, project_code, area, type, name, status, created_at, updated_at)
						SELECT ?, ?, ?, (ARRAY['1号楼1号电梯', '2号楼1号电梯', '水泵房', '配电房', '地下车库'])[1 + g % 5],
						    (ARRAY['LIFT', 'WATER_PUMP', 'FIRE_PUMP', 'GATE', 'CCTV'])[1 + g % 5],
						    '压测设备-' || g, 'IN_SERVICE', now(), now()
						FROM generate_series(1, ?) g
						""")
			.params(demo.tenantId(), demo.id(), demo.code(), ASSETS)
			.update();
		jdbc.sql(
				"""
						INSERT INTO maintenance_plan (tenant_id, project_id, asset_id, name, every_n, unit, starts_on, lead_days,
						    holiday_rule, checklist, created_at)
						SELECT tenant_id, project_id, id, '压测计划-' || id,
						    CASE type WHEN 'LIFT' THEN 15 WHEN 'WATER_PUMP' THEN 1 WHEN 'FIRE_PUMP' THEN 3 ELSE 1 END,
						    CASE type WHEN 'LIFT' THEN 'DAYS' WHEN 'GATE' THEN 'WEEKS' ELSE 'MONTHS' END,
						    ?::date + ((id / 10) % 90)::int, 7, 'EARLIER', ARRAY['检查运行状态', '润滑', '记录读数'], ?
						FROM (SELECT * FROM asset WHERE name LIKE '压测设备-%' ORDER BY id) a
						WHERE id % 10 = 0 LIMIT ?
						""")
			.params(today, java.sql.Timestamp.from(today.atStartOfDay(ZONE).toInstant()), PLANS)
			.update();
		jdbc.sql("ANALYZE").update();
	}

	private static ConfigurableApplicationContext start(Path dir, MutableClock clock) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("suxiu.data-dir", dir.toString());
		properties.put("server.port", "0");
		properties.put("suxiu.security.jwt-secret", SECRET);
		properties.put("suxiu.sla.poller.enabled", "false");
		properties.put("suxiu.maintenance.generator.enabled", "false");
		return new SpringApplicationBuilder(SuxiuApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
			.run(properties.entrySet()
				.stream()
				.map(p -> "--" + p.getKey() + "=" + p.getValue())
				.toArray(String[]::new));
	}

	private static String load() throws Exception {
		String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return parts[0];
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
