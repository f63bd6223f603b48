package org.suxiu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.FileSystemUtils;
import org.suxiu.Api;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.sla.SlaBreached;
import org.suxiu.sla.SlaTimers;
import org.suxiu.sla.SlaWarningRaised;
import org.suxiu.workorder.Requests;

/**
 * The SLA poller under a burst: 100,000 pending timers on 1,000 orders, 10,000 of them
 * due within one minute and the rest two days later. The clock jumps to the end of that
 * minute, so all 10,000 fall due at one instant (the worst case, as after a restart), and
 * two threads fire them as two instances would. Reports how late each timer fired after
 * it fell due (wall time from the clock's jump to the commit that fired it), and checks
 * that every due timer fired once and no future one fired.
 *
 * <p>
 * Not a test: run with {@code ./mvnw -B -o -Pbench test-compile exec:exec
 * -Dbench.main=org.suxiu.bench.SlaTimerBenchmark}.
 */
public final class SlaTimerBenchmark {

	static final int ORDERS = 1_000;

	static final int DUE_PER_ORDER = 10;

	static final int TIMERS_PER_ORDER = 100;

	static final int THREADS = 2;

	static final Duration LIMIT = Duration.ofSeconds(60);

	private static final MutableClock CLOCK = MutableClock.at("2026-11-27T09:00:00+08:00");

	/** The start of the minute in which the 10,000 timers fall due. */
	private static final Instant MINUTE = Instant.parse("2026-11-27T02:00:00Z");

	private static final String BENCH = "order_number LIKE 'BENCH-%'";

	/** Wall time (nanoTime) of each commit that fired a warning or breach. */
	static final ConcurrentLinkedQueue<Long> FIRED_AT = new ConcurrentLinkedQueue<>();

	private SlaTimerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Files.createTempDirectory("suxiu-sla-bench-");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class, CommitTimes.class)
			.initializers(c -> c.getBeanFactory().registerSingleton("clock", CLOCK))
			.run("--server.port=0", "--suxiu.data-dir=" + dataDir, "--suxiu.sla.poller.enabled=false",
					"--suxiu.security.token-lifetime=P3650D", "--logging.level.root=WARN");
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
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		SlaTimers timers = context.getBean(SlaTimers.class);
		long setupStart = System.nanoTime();
		seed(context, jdbc);
		long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;

		CLOCK.set("2026-11-27T09:59:59+08:00");
		int early = timers.fireDue();
		FIRED_AT.clear();
		CLOCK.set("2026-11-27T10:01:00+08:00");
		long jumped = System.nanoTime();
		int[] firedBy = fireUntilNoneDue(timers, jdbc);
		long finished = System.nanoTime();

		long due = count(jdbc, "SELECT count(*) FROM sla_timer WHERE " + BENCH + " AND due_at < ?",
				MINUTE.plusSeconds(60));
		long firedDue = count(jdbc,
				"SELECT count(*) FROM sla_timer WHERE " + BENCH + " AND status = 'FIRED' AND due_at < ?",
				MINUTE.plusSeconds(60));
		long handledFuture = count(jdbc,
				"SELECT count(*) FROM sla_timer WHERE " + BENCH + " AND status <> 'PENDING' AND due_at >= ?",
				MINUTE.plusSeconds(60));
		long pendingFuture = count(jdbc,
				"SELECT count(*) FROM sla_timer WHERE " + BENCH + " AND status = 'PENDING' AND due_at >= ?",
				MINUTE.plusSeconds(60));
		long lines = count(jdbc, "SELECT count(*) FROM work_order_history WHERE action IN ('sla-warning', 'sla-breach')"
				+ " AND at >= ?", MINUTE);
		long repeated = count(jdbc, """
				SELECT count(*) FROM (SELECT 1 FROM sla_timer WHERE status = 'FIRED'
				    GROUP BY order_number, clock, kind, fraction, role HAVING count(*) > 1) r
				""");
		long[] lateness = FIRED_AT.stream().mapToLong(t -> t - jumped).sorted().toArray();
		long sum = firedBy[0] + firedBy[1];
		double wall = (finished - jumped) / 1e9;
		double max = lateness.length == 0 ? Double.NaN : lateness[lateness.length - 1] / 1e9;

		List<Check> checks = List.of(new Check("no timer due before the minute fired early", early == 0),
				new Check("all 10,000 due timers fired", firedDue == (long) ORDERS * DUE_PER_ORDER && due == firedDue),
				new Check("fireDue() counts add up to the timers fired", sum == firedDue),
				new Check("one event per fired timer (none twice)", lateness.length == firedDue),
				new Check("one history line per fired timer", lines == firedDue),
				new Check("no (order, clock, kind, fraction) fired twice", repeated == 0),
				new Check("none of the 90,000 future timers touched",
						handledFuture == 0 && pendingFuture == (long) ORDERS * (TIMERS_PER_ORDER - DUE_PER_ORDER)),
				new Check("all fired within 60 s of falling due", max <= LIMIT.toSeconds()));

		System.out.println();
		System.out.println("SLA timer poller benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, "
				+ THREADS + " firing threads, batch of 200, embedded PostgreSQL 17)");
		row("pending timers", String.format(Locale.ROOT, "%,d", (long) ORDERS * TIMERS_PER_ORDER));
		row("due in the same minute", String.format(Locale.ROOT, "%,d", due));
		row("orders", String.format(Locale.ROOT, "%,d", ORDERS));
		row("set-up (SQL seed)", setupMillis + " ms");
		row("fired", String.format(Locale.ROOT, "%,d (thread 1: %,d, thread 2: %,d)", sum, firedBy[0], firedBy[1]));
		row("wall time to fire all", String.format(Locale.ROOT, "%.2f s", wall));
		row("throughput", String.format(Locale.ROOT, "%,.0f timers/s", sum / wall));
		row("lateness p50", seconds(percentile(lateness, 0.50)));
		row("lateness p90", seconds(percentile(lateness, 0.90)));
		row("lateness p99", seconds(percentile(lateness, 0.99)));
		row("lateness max", seconds(lateness.length == 0 ? -1 : lateness[lateness.length - 1]));
		row("future timers fired", String.valueOf(handledFuture));
		System.out.println();
		checks.forEach(c -> System.out.println((c.ok() ? "  PASS  " : "  FAIL  ") + c.name()));
		System.out.println();
		return checks.stream().allMatch(Check::ok);
	}

	/**
	 * One template order through the API, copied 1,000 times with SQL with its running
	 * clocks; its own timers cancelled; then 100 timers per copy on the respond clock.
	 */
	private static void seed(ConfigurableApplicationContext context, JdbcClient jdbc) {
		Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
				context.getBean(JsonMapper.class));
		Api.Response template = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());
		if (template.status() != 201) {
			throw new IllegalStateException("Cannot create the template order: " + template.body());
		}
		String number = template.text("number");
		String orderColumns = columns(jdbc, "work_order", "id", "number");
		jdbc.sql("INSERT INTO work_order (number, " + orderColumns + ") SELECT 'BENCH-' || lpad(g::text, 5, '0'), "
				+ orderColumns + " FROM work_order, generate_series(1, ?) g WHERE number = ?")
			.params(ORDERS, number)
			.update();
		String clockColumns = columns(jdbc, "sla_clock", "order_number");
		jdbc.sql("INSERT INTO sla_clock (order_number, " + clockColumns + ") SELECT 'BENCH-' || lpad(g::text, 5, '0'), "
				+ clockColumns
				+ " FROM sla_clock, generate_series(1, ?) g WHERE order_number = ? AND state = 'RUNNING'")
			.params(ORDERS, number)
			.update();
		jdbc.sql("UPDATE sla_timer SET status = 'CANCELLED' WHERE status = 'PENDING'").update();
		// k = 0..8: warnings at 10..90 %, k = 9: the breach; 6 ms apart over the minute,
		// each order's breach in its last six seconds
		jdbc.sql("""
				INSERT INTO sla_timer (order_number, clock, kind, fraction, due_at, status)
				SELECT 'BENCH-' || lpad(o::text, 5, '0'), 'respond', CASE WHEN k < 9 THEN 'WARNING' ELSE 'BREACH' END,
				    CASE WHEN k < 9 THEN (k + 1) / 10.0 ELSE 1.0 END,
				    CAST(? AS TIMESTAMPTZ) + ((k * ? + o - 1) * 6) * interval '1 millisecond', 'PENDING'
				FROM generate_series(1, ?) o, generate_series(0, ? - 1) k
				""").params(Timestamp.from(MINUTE), ORDERS, ORDERS, DUE_PER_ORDER).update();
		jdbc.sql(
				"""
						INSERT INTO sla_timer (order_number, clock, kind, fraction, due_at, status)
						SELECT 'BENCH-' || lpad(o::text, 5, '0'), 'respond', CASE WHEN k % 2 = 0 THEN 'WARNING' ELSE 'BREACH' END,
						    CASE WHEN k % 2 = 0 THEN 0.5 ELSE 1.0 END,
						    CAST(? AS TIMESTAMPTZ) + interval '2 days' + ((k * ? + o) * interval '1 second'), 'PENDING'
						FROM generate_series(1, ?) o, generate_series(0, ? - 1) k
						""")
			.params(Timestamp.from(MINUTE), ORDERS, ORDERS, TIMERS_PER_ORDER - DUE_PER_ORDER)
			.update();
		jdbc.sql("ANALYZE sla_timer").update();
		long pending = count(jdbc, "SELECT count(*) FROM sla_timer WHERE status = 'PENDING'");
		if (pending != (long) ORDERS * TIMERS_PER_ORDER) {
			throw new IllegalStateException("Seeded " + pending + " pending timers");
		}
	}

	/** Each thread fires until a call finds nothing and nothing due is left pending. */
	private static int[] fireUntilNoneDue(SlaTimers timers, JdbcClient jdbc) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				results.add(threads.submit(() -> {
					go.await();
					int fired = 0;
					while (true) {
						int batch = timers.fireDue();
						fired += batch;
						if (batch == 0 && count(jdbc,
								"SELECT count(*) FROM sla_timer WHERE status = 'PENDING' AND due_at <= ?",
								CLOCK.instant()) == 0) {
							return fired;
						}
					}
				}));
			}
			go.countDown();
			int[] fired = new int[THREADS];
			for (int t = 0; t < THREADS; t++) {
				fired[t] = results.get(t).get(10, TimeUnit.MINUTES);
			}
			return fired;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String columns(JdbcClient jdbc, String table, String... except) {
		return jdbc.sql("""
				SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
				WHERE table_schema = 'public' AND table_name = ? AND NOT (column_name = ANY (?))
				""").params(table, except).query(String.class).single();
	}

	private static long count(JdbcClient jdbc, String sql, Object... params) {
		Object[] values = Arrays.stream(params)
			.map(p -> p instanceof Instant instant ? Timestamp.from(instant) : p)
			.toArray();
		return jdbc.sql(sql).params(values).query(Long.class).single();
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static String seconds(long nanos) {
		return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
	}

	private static void row(String name, String value) {
		System.out.printf(Locale.ROOT, "  %-26s %s%n", name, value);
	}

	private record Check(String name, boolean ok) {
	}

	/**
	 * Notes the wall time at which each warning or breach was committed; a plain listener
	 * with a synchronization, so that no event publication is stored for it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class CommitTimes {

		@Bean
		Listener commitTimesListener() {
			return new Listener();
		}

	}

	static class Listener {

		@EventListener
		void on(SlaWarningRaised event) {
			noteCommit();
		}

		@EventListener
		void on(SlaBreached event) {
			noteCommit();
		}

		private static void noteCommit() {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					FIRED_AT.add(System.nanoTime());
				}
			});
		}

	}

}
