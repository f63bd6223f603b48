package org.suxiu;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durability under a crash: the application runs as a process of its own; 16 clients
 * create L2 orders and dispatch every other one while both the application and its
 * embedded PostgreSQL are killed with SIGKILL; the application restarts on the same data
 * directory. Every order acknowledged with 201 is there with its number and text, no
 * number twice; every acknowledged dispatch is there and its technician's notice is
 * written exactly once; the SLA timers that fell due while nothing ran fire after the
 * restart, and none fires twice.
 */
class CrashRecoveryTest {

	private static final int CLIENTS = 16;

	private static final List<String> TECHNICIANS = List.of("tech01", "tech02", "tech03", "tech04", "tech05", "tech06",
			"tech07", "tech08", "tech09", "tech10", "tech11", "tech12");

	@TempDir
	static Path dataDir;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** number → description, for every 201. */
	private static final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	/** number → technician id, for every dispatch answered 200. */
	private static final Map<String, Long> dispatched = new ConcurrentHashMap<>();

	private static final AtomicInteger duplicateAcks = new AtomicInteger();

	/** Requests the kill cut off. */
	private static final AtomicInteger cutOff = new AtomicInteger();

	private static java.time.Instant killedAt;

	private static Process app;

	private static int port;

	@BeforeAll
	static void loadCrashAndRestart() throws Exception {
		port = freePort();
		app = start("crash-1.log");
		Map<String, String> tokens = new HashMap<>();
		for (String user : List.of("agent", "dispatcher", "admin")) {
			tokens.put(user, token(user));
		}
		put(tokens.get("admin"), "/api/v1/projects/DEMO/sla-policy",
				"{\"grades\": {\"L2\": {\"respond\": \"PT3S\", \"arrive\": \"PT2H\", \"complete\": \"PT24H\"}}}");

		// a few orders whose respond breach fires before the crash: it must not fire
		// again after
		List<String> early = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			early.add(create(tokens, "崩溃前 第" + i + "单 水管漏水"));
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> early.stream().allMatch(number -> breached(tokens.get("agent"), number)));

		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			clients.submit(() -> load(client, running, tokens));
		}
		// the kill lands mid-load, with creates and dispatches in flight
		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 250 && dispatched.size() >= 100);
		killedAt = java.time.Instant.now();
		killEverything();
		running.set(false);
		clients.shutdown();
		clients.awaitTermination(30, TimeUnit.SECONDS);

		app = start("crash-2.log");
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				killEverything();
			}
		}
	}

	@Test
	void theKillLandedMidLoad() {
		System.out.printf(
				"CrashRecoveryTest: %d orders and %d dispatches acknowledged, %d requests failed from the kill on%n",
				acknowledged.size(), dispatched.size(), cutOff.get());

		assertThat(cutOff.get()).isPositive();
	}

	@Test
	void everyAcknowledgedOrderIsThereWithItsNumberAndText() throws SQLException {
		Map<String, String> stored = new HashMap<>();
		query("SELECT number, description FROM work_order WHERE number = ANY (?)", acknowledged.keySet(),
				rs -> stored.put(rs.getString(1), rs.getString(2)));

		assertThat(acknowledged).isNotEmpty();
		assertThat(stored).isEqualTo(acknowledged);
	}

	@Test
	void noNumberIsGivenTwice() throws SQLException {
		List<Long> counts = new ArrayList<>();
		query("SELECT count(*) - count(DISTINCT number) FROM work_order WHERE ? IS NOT NULL", List.of("x"),
				rs -> counts.add(rs.getLong(1)));

		assertThat(counts).containsExactly(0L);
		assertThat(duplicateAcks.get()).isZero();
	}

	@Test
	void everyAcknowledgedDispatchIsThere() throws SQLException {
		Map<String, Long> stored = new HashMap<>();
		query("SELECT number, assignee_id FROM work_order WHERE number = ANY (?)", dispatched.keySet(),
				rs -> stored.put(rs.getString(1), rs.getLong(2)));

		assertThat(dispatched).isNotEmpty();
		assertThat(stored).isEqualTo(dispatched);
	}

	@Test
	void eachDispatchNoticeIsWrittenExactlyOnce() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Long> notices = new HashMap<>();
			query("SELECT order_number, count(*) FROM notification_message WHERE kind = 'TECH_NEW_JOB' "
					+ "AND order_number = ANY (?) GROUP BY order_number", dispatched.keySet(),
					rs -> notices.put(rs.getString(1), rs.getLong(2)));
			assertThat(notices.keySet()).containsExactlyInAnyOrderElementsOf(dispatched.keySet());
			assertThat(notices.values()).allMatch(count -> count == 1);
		});
	}

	@Test
	void timersDueWhileNothingRanFireOnceAfterTheRestart() throws SQLException {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Long> breaches = new HashMap<>();
			query("SELECT o.number, count(*) FROM work_order_history h JOIN work_order o ON o.id = h.order_id "
					+ "WHERE h.action = 'sla-breach' AND h.clock = 'respond' AND o.number = ANY (?) GROUP BY o.number",
					acknowledged.keySet(), rs -> breaches.put(rs.getString(1), rs.getLong(2)));
			assertThat(breaches.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
		});
		List<Long> beforeAndAfter = new ArrayList<>();
		query("SELECT count(*) FILTER (WHERE h.at < '" + killedAt + "'), count(*) FILTER (WHERE h.at > '" + killedAt
				+ "') FROM work_order_history h JOIN work_order o ON o.id = h.order_id "
				+ "WHERE h.action = 'sla-breach' AND o.number = ANY (?)", acknowledged.keySet(), rs -> {
					beforeAndAfter.add(rs.getLong(1));
					beforeAndAfter.add(rs.getLong(2));
				});
		System.out.printf("CrashRecoveryTest: %d respond breaches fired before the kill, %d after the restart%n",
				beforeAndAfter.get(0), beforeAndAfter.get(1));
		assertThat(beforeAndAfter.get(0)).as("timers that fired before the crash").isPositive();
		assertThat(beforeAndAfter.get(1)).as("timers that fell due while nothing ran").isPositive();
		List<String> twice = new ArrayList<>();
		query("SELECT o.number || ' ' || h.action || ' ' || coalesce(h.clock, '') || ' ' || coalesce(h.note, '') "
				+ "FROM work_order_history h JOIN work_order o ON o.id = h.order_id "
				+ "WHERE h.action IN ('sla-warning', 'sla-breach', 'escalate') AND o.number = ANY (?) "
				+ "GROUP BY o.number, h.action, h.clock, h.note HAVING count(*) > 1", acknowledged.keySet(),
				rs -> twice.add(rs.getString(1)));
		assertThat(twice).isEmpty();
	}

	private static void load(int client, AtomicBoolean running, Map<String, String> tokens) {
		int seq = 0;
		while (running.get()) {
			String description = "崩溃测试 客户" + client + " 第" + (++seq) + "单 水管漏水";
			try {
				String number = create(tokens, description);
				if (number == null) {
					continue;
				}
				if (seq % 2 == 0) {
					String technician = TECHNICIANS.get((client + seq) % TECHNICIANS.size());
					HttpResponse<String> answer = post(tokens.get("dispatcher"),
							"/api/v1/work-orders/" + number + "/dispatch",
							"{\"technicianId\": \"" + technician + "\"}");
					if (answer.statusCode() == 200) {
						JsonNode assignee = JSON.readTree(answer.body()).get("assignee");
						dispatched.put(number, assignee.get("id").asLong());
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the application is gone: what was not acknowledged need not be there
				cutOff.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Creates an L2 order; its number once acknowledged with 201, else {@code null}. */
	private static String create(Map<String, String> tokens, String description)
			throws IOException, InterruptedException {
		HttpResponse<String> created = post(tokens.get("agent"), "/api/v1/work-orders",
				JSON.writeValueAsString(
						Map.of("channel", "HOTLINE", "reporter", Map.of("name", "崩溃", "phone", "13800000001"),
								"location", Map.of("projectCode", "DEMO", "area", "地下车库"), "category", "PLUMBING",
								"description", description, "grade", "L2")));
		if (created.statusCode() != 201) {
			return null;
		}
		String number = JSON.readTree(created.body()).get("number").asString();
		if (acknowledged.putIfAbsent(number, description) != null) {
			duplicateAcks.incrementAndGet();
		}
		return number;
	}

	private static boolean breached(String token, String number) {
		try {
			HttpResponse<String> order = send(token,
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/work-orders/" + number))
						.GET());
			return order.body().contains("\"sla-breach\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** SIGKILL to PostgreSQL and its backends and to the application, all at once. */
	private static void killEverything() throws Exception {
		Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
		long postgres = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		ProcessHandle server = ProcessHandle.of(postgres).orElseThrow();
		List<ProcessHandle> backends = server.descendants().toList();
		app.destroyForcibly();
		server.destroyForcibly();
		backends.forEach(ProcessHandle::destroyForcibly);
		app.waitFor(30, TimeUnit.SECONDS);
		server.onExit().get(30, TimeUnit.SECONDS);
		for (ProcessHandle backend : backends) {
			backend.onExit().get(30, TimeUnit.SECONDS);
		}
		assertThat(app.isAlive()).isFalse();
	}

	private static Process start(String log) throws Exception {
		String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				SuxiuApplication.class.getName(), "--suxiu.dispatch.max-open-jobs=100000",
				"--suxiu.notification.delivery.enabled=false", "--suxiu.events.resubmit.stale-after=PT3S",
				"--suxiu.events.resubmit.interval=PT1S", "--logging.level.root=WARN");
		builder.environment().put("SUXIU_DATA_DIR", dataDir.toString());
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(log).toFile());
		Process process = builder.start();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application stopped; see " + dataDir.resolve(log) + ":\n"
						+ Files.readString(dataDir.resolve(log)));
			}
			try {
				return get("/actuator/health").statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return process;
	}

	private static String token(String user) throws Exception {
		HttpResponse<String> answer = post(null, "/api/v1/auth/token",
				"{\"username\": \"" + user + "\", \"password\": \"demo123\"}");
		assertThat(answer.statusCode()).isEqualTo(200);
		return JSON.readTree(answer.body()).get("accessToken").asString();
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String token, String path, String body)
			throws IOException, InterruptedException {
		return send(token, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private static void put(String token, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> answer = send(token, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
	}

	private static HttpResponse<String> send(String token, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(20));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Reads the restarted application's database directly (port from postmaster.pid). */
	private static void query(String sql, java.util.Collection<String> keys, RowReader reader) throws SQLException {
		List<String> lines;
		try {
			lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		String url = "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			Array array = connection.createArrayOf("text", keys.toArray());
			if (sql.contains("ANY (?)")) {
				statement.setArray(1, array);
			}
			else {
				statement.setString(1, keys.iterator().next());
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					reader.read(rs);
				}
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet rs) throws SQLException;

	}

}
