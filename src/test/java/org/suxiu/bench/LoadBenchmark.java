package org.suxiu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suxiu.SuxiuApplication;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.triage.Triage;

/**
 * Load benchmark of the work-order API: the whole application in this JVM on the embedded
 * PostgreSQL with the demo data, driven over HTTP on localhost. Measures intake and
 * detail reads under concurrent clients, then listing at 100,000 orders, and prints one
 * table.
 * <p>
 * Run with {@code ./mvnw -B -Pbench -DskipTests verify}; tune with
 * {@code -Dbench.clients}, {@code -Dbench.warmup} and {@code -Dbench.duration} (seconds),
 * {@code -Dbench.listTarget}, {@code -Dbench.listRequests}, {@code -Dbench.explain=true},
 * {@code -Dbench.phases=create,detail,list}, {@code -Dbench.dataDir=} (keep the database
 * there and use it again: a large list table loaded once), {@code -Dbench.positions=200}
 * (intake measured again while that many technicians send positions). Not a test: the
 * numbers depend on the machine, so nothing here can fail a build.
 */
public final class LoadBenchmark {

	private static final String ORDERS = "/api/v1/work-orders";

	private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

	private static final int BODY_VARIANTS = 8192;

	private static final String OPEN = "NEW,DISPATCHED,TAKEN,ARRIVED,IN_PROGRESS,ON_HOLD";

	/**
	 * The API's filters and those the pages use: the header search's recent orders, the
	 * dispatcher's and manager's open orders of a project, the agent's follow-ups, a
	 * technician's open jobs; a deep page by offset and the same depth by cursor.
	 */
	private static final List<String> LIST_QUERIES = List.of("page=0&size=20", "status=NEW&page=0&size=20",
			"grade=L1&page=0&size=20", "projectCode=DEMO&page=0&size=20", "page=200&size=20",
			"after={cursor200}&size=20", "status=" + OPEN + "&projectCode=DEMO&size=100", "status=ACCEPTED&size=50",
			"status=DISPATCHED,TAKEN,ARRIVED,IN_PROGRESS,ON_HOLD&assignee=tech01&size=100");

	private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");

	private final BenchSettings settings;

	private final ConfigurableApplicationContext context;

	private final CpuMeter cpu;

	private final ServerTimings server;

	private final BenchClient agent;

	private final ReportTable report = new ReportTable();

	private final List<String> facts = new ArrayList<>();

	private LoadBenchmark(BenchSettings settings, ConfigurableApplicationContext context, Path dataDirectory) {
		this.settings = settings;
		this.context = context;
		this.cpu = new CpuMeter(dataDirectory.resolve("postgres"));
		this.server = new ServerTimings(context.getBean(MeterRegistry.class));
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.agent = BenchClient.signIn(port, "agent", "demo123");
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		// -Dbench.dataDir keeps the database (a 10,000,000-order table loaded once, timed
		// later)
		String kept = System.getProperty("bench.dataDir");
		Path dataDirectory = kept == null ? Files.createTempDirectory("suxiu-bench-")
				: Files.createDirectories(Path.of(kept));
		String table;
		try (ConfigurableApplicationContext context = start(dataDirectory)) {
			table = new LoadBenchmark(settings, context, dataDirectory).run();
		}
		finally {
			if (kept == null) {
				deleteRecursively(dataDirectory);
			}
		}
		System.out.println(table);
		System.exit(0);
	}

	private static ConfigurableApplicationContext start(Path dataDirectory) {
		// As command-line arguments, since application.yml would override default
		// properties.
		return new SpringApplicationBuilder(SuxiuApplication.class).run("--server.port=0",
				"--suxiu.data-dir=" + dataDirectory, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
	}

	private String run() throws InterruptedException {
		HikariDataSource dataSource = this.context.getBean(HikariDataSource.class);
		Project demo = this.context.getBean(PropertyDirectory.class).project("DEMO").orElseThrow();
		StatementStats statements = new StatementStats(dataSource);
		String statementReport = "";
		if (this.settings.phases().contains("create")) {
			statements.reset();
			String[] numbers = createOrders(demo);
			statementReport += statements.report("create (warm-up included)", numbers.length);
			if (this.settings.phases().contains("detail")) {
				awaitEventsHandled(dataSource);
				statements.reset();
				long reads = readOrders(numbers);
				statementReport += statements.report("detail (warm-up included)", reads);
			}
		}
		if (this.settings.phases().contains("list")) {
			listOrders(dataSource);
		}
		String plans = Boolean.getBoolean("bench.explain")
				? new ListQueryPlans(dataSource).explain(demo.tenantId(), demo.id()) : "";
		return this.report.render(machineFacts(dataSource)) + plans + statementReport;
	}

	/**
	 * Waits until every event of the create phase has been handled (no incomplete
	 * publication left), so that the read phase measures reads and not the create phase's
	 * roll-ups and notifications still draining; how long that took is reported.
	 */
	private void awaitEventsHandled(HikariDataSource dataSource) throws InterruptedException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String incomplete = "SELECT count(*) FROM event_publication WHERE completion_date IS NULL";
		long started = System.nanoTime();
		long deadline = started + Duration.ofMinutes(10).toNanos();
		Long left = jdbc.queryForObject(incomplete, Long.class);
		long atEnd = left == null ? 0 : left;
		while (left != null && left > 0 && System.nanoTime() < deadline) {
			Thread.sleep(500);
			left = jdbc.queryForObject(incomplete, Long.class);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		log("events of the create phase handled: %d were outstanding, %d left after %.1f s", atEnd, left, seconds);
		// the create phase left dead rows behind (completed publications, roll-ups
		// counted
		// again): vacuumed now rather than by autovacuum in the middle of the read window
		long vacuum = System.nanoTime();
		jdbc.execute("VACUUM (ANALYZE)");
		log("vacuumed in %.1f s", (System.nanoTime() - vacuum) / 1e9);
		this.facts.add(String.format(Locale.ROOT,
				"events: %d publications of the create phase were still being handled when it ended; "
						+ "the detail phase started when %d were left, %.1f s later (then VACUUM ANALYZE)",
				atEnd, left, seconds));
	}

	/** Phase 1: concurrent hotline intake; returns the numbers of every order created. */
	private String[] createOrders(Project demo) throws InterruptedException {
		OrderBodies bodies = OrderBodies.render(BODY_VARIANTS, this.context.getBean(Triage.class), demo.tenantId(),
				this.context.getBean(JsonMapper.class));
		BenchClient[] clients = clients();
		log("creating orders: %d clients, %d s warm-up, %d s measured", clients.length,
				this.settings.warmup().toSeconds(), this.settings.duration().toSeconds());
		Queue<String> created = new ConcurrentLinkedQueue<>();
		ClosedLoop.Result result = ClosedLoop.run(clients.length, this.settings.warmup(), this.settings.duration(),
				this.cpu, serverSide("POST", ORDERS), (client, n) -> {
					BenchClient.Reply reply = clients[client].post(ORDERS, bodies.get(client * 7919 + n));
					if (reply.status() == 201 && reply.location() != null) {
						created.add(reply.location().substring(reply.location().lastIndexOf('/') + 1));
					}
					return ClosedLoop.Outcome.of(reply, 201);
				});
		this.report.add("create  POST /work-orders", clients.length, result, new ReportTable.Target(1000, 100));
		this.facts
			.add(String.format(Locale.ROOT, "orders: %d created through the API (warm-up included)", created.size()));
		int technicians = Integer.getInteger("bench.positions", 0);
		if (technicians > 0) {
			createWithPositions(demo, bodies, clients, technicians, result);
		}
		return created.toArray(String[]::new);
	}

	/**
	 * Phase 1b ({@code -Dbench.positions=200}, {@code -Dbench.positionEvery=30} s): the
	 * same intake again while that many technicians' phones send their positions.
	 */
	private void createWithPositions(Project demo, OrderBodies bodies, BenchClient[] clients, int technicians,
			ClosedLoop.Result without) throws InterruptedException {
		Duration every = Duration.ofSeconds(Integer.getInteger("bench.positionEvery", 30));
		BenchClient admin = BenchClient.signIn(
				this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class), "admin",
				"demo123");
		var centre = this.context.getBean(PropertyDirectory.class).position(demo.id(), null, null).orElseThrow();
		log("creating orders again while %d technicians send positions every %d s", technicians, every.toSeconds());
		try (PositionLoad phones = PositionLoad.start(admin, technicians, every, centre.lat(), centre.lng())) {
			ClosedLoop.Result result = ClosedLoop.run(clients.length, this.settings.warmup(), this.settings.duration(),
					this.cpu, serverSide("POST", ORDERS), (client, n) -> ClosedLoop.Outcome
						.of(clients[client].post(ORDERS, bodies.get(client * 7919 + n + 1_000_003)), 201));
			this.report.add(String.format(Locale.ROOT, "create + %d phones' positions every %d s", technicians,
					every.toSeconds()), clients.length, result, new ReportTable.Target(1000, 100));
			this.facts.add(String.format(Locale.ROOT,
					"positions: %d sent during the second create run (%d not 200); create p99 %.1f ms without, "
							+ "%.1f ms with them (%+.1f %%)",
					phones.sent(), phones.refused(), without.latencies().percentileMillis(99),
					result.latencies().percentileMillis(99),
					100 * (result.latencies().percentileMillis(99) / without.latencies().percentileMillis(99) - 1)));
		}
	}

	/** Phase 2: concurrent detail reads of random orders from phase 1. */
	private long readOrders(String[] numbers) throws InterruptedException {
		BenchClient[] clients = clients();
		log("reading %d created orders: %d clients", numbers.length, clients.length);
		AtomicLong reads = new AtomicLong();
		ClosedLoop.Result result = ClosedLoop.run(clients.length, this.settings.warmup(), this.settings.duration(),
				this.cpu, serverSide("GET", ORDERS + "/{number}"), (client, n) -> {
					reads.incrementAndGet();
					return ClosedLoop.Outcome.of(clients[client].get(ORDERS + "/" + randomOf(numbers)), 200);
				});
		this.report.add("detail  GET /work-orders/{number}", clients.length, result, new ReportTable.Target(3000, 20));
		return reads.get();
	}

	/**
	 * Phase 3: one client paging through a table topped up to each list target in turn
	 * ({@code -Dbench.listTargets=100000,1000000,10000000} for the curve).
	 */
	private void listOrders(HikariDataSource dataSource) throws InterruptedException {
		String targets = System.getProperty("bench.listTargets", String.valueOf(this.settings.listTarget()));
		boolean first = true;
		for (String target : targets.split("\\s*,\\s*")) {
			listOrders(dataSource, Integer.parseInt(target), first);
			first = false;
		}
	}

	private void listOrders(HikariDataSource dataSource, int target, boolean warmUp) throws InterruptedException {
		BulkOrders bulk = new BulkOrders(dataSource);
		log("topping the table up to %d orders", target);
		long started = System.nanoTime();
		long added = bulk.topUpTo(target);
		this.facts.add(String.format(Locale.ROOT,
				"orders: %d bulk-inserted by SQL in %.1f s; %d in the table for the list queries [matches per query]",
				added, (System.nanoTime() - started) / 1e9, bulk.count()));
		String cursor = next(this.agent.get(ORDERS + "?page=199&size=20"));
		List<String> queries = LIST_QUERIES.stream().map(q -> q.replace("{cursor200}", cursor)).toList();
		log("listing: %d s warm-up over all queries, then %d requests per query", this.settings.warmup().toSeconds(),
				this.settings.listRequests());
		Supplier<ServerTimings.Snapshot> lists = serverSide("GET", ORDERS);
		// The list code paths are new to the JIT here; compile them before anything is
		// measured.
		if (warmUp) {
			ClosedLoop.run(1, this.settings.warmup(), Duration.ZERO, this.cpu, lists, (client, n) -> ClosedLoop.Outcome
				.of(this.agent.get(ORDERS + "?" + queries.get(n % queries.size())), 200));
		}
		int targetMs = target > 1_000_000 ? 100 : 50;
		for (String query : queries) {
			String path = ORDERS + "?" + query;
			String total = total(this.agent.get(path));
			ClosedLoop.Result result = ClosedLoop.sequential(this.settings.listWarmup(), this.settings.listRequests(),
					this.cpu, lists, (client, n) -> ClosedLoop.Outcome.of(this.agent.get(path), 200));
			String shown = query.replace("&size=20", "").replace(cursor, "(cursor of page 199)").replace(OPEN, "open");
			this.report.add(String.format(Locale.ROOT, "list %,d ?%s [%s]", target, shown, total), 1, result,
					new ReportTable.Target(0, targetMs));
		}
	}

	private static String next(BenchClient.Reply reply) {
		Matcher next = NEXT.matcher(reply.body());
		if (reply.status() != 200 || !next.find()) {
			throw new IllegalStateException("no next cursor: " + reply.status());
		}
		return next.group(1);
	}

	private List<String> machineFacts(HikariDataSource dataSource) {
		Runtime runtime = Runtime.getRuntime();
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "machine: %d cores, JVM max heap %d MB, Java %s, %s %s",
				runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024), System.getProperty("java.version"),
				System.getProperty("os.name"), System.getProperty("os.arch")));
		lines.add("database: PostgreSQL "
				+ new JdbcTemplate(dataSource).queryForObject("SHOW server_version", String.class)
				+ " embedded on the same machine; Hikari pool max " + dataSource.getMaximumPoolSize()
				+ ", Tomcat max threads "
				+ this.context.getEnvironment().getProperty("server.tomcat.threads.max", "200 (default)"));
		lines.add(String.format(Locale.ROOT,
				"load: closed loop, %d s warm-up + %d s measured per phase; list: 1 client, %d s warm-up, then per query %d unmeasured + %d measured requests",
				this.settings.warmup().toSeconds(), this.settings.duration().toSeconds(),
				this.settings.warmup().toSeconds(), this.settings.listWarmup(), this.settings.listRequests()));
		lines.add("JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
		lines.addAll(this.facts);
		return lines;
	}

	/** One connection per client thread, as separate user agents would have. */
	private BenchClient[] clients() {
		BenchClient[] clients = new BenchClient[this.settings.clients()];
		for (int i = 0; i < clients.length; i++) {
			clients[i] = this.agent.withOwnConnection();
		}
		return clients;
	}

	private Supplier<ServerTimings.Snapshot> serverSide(String method, String uri) {
		return () -> this.server.snapshot(method, uri);
	}

	private static String randomOf(String[] numbers) {
		return numbers[ThreadLocalRandom.current().nextInt(numbers.length)];
	}

	private static String total(BenchClient.Reply reply) {
		Matcher total = TOTAL.matcher(reply.body());
		if (reply.status() != 200 || !total.find()) {
			return "status " + reply.status();
		}
		return total.group(1) + (reply.body().contains("\"totalIsEstimate\":true") ? " est." : " match");
	}

	private static void log(String format, Object... values) {
		System.out.printf(Locale.ROOT, "[bench] " + format + "%n", values);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
