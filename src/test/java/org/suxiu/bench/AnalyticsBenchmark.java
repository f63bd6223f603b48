package org.suxiu.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.suxiu.SuxiuApplication;

/**
 * Benchmark of the analytics module at scale: tops the order table up to
 * {@code -Dbench.orders} (default 1,000,000, spread evenly over {@code -Dbench.months},
 * default 25, by {@link BulkOrders}), gives them their milestones (dispatch, take,
 * arrival, completion as far as each one's status got, minutes apart as in real work, so
 * the roll-ups' time histograms are filled as in production), counts them all into the
 * roll-ups (a recount from scratch), then times KPI tables over one, twelve and
 * twenty-four months by every split and the scorecards of a month (p50/p95 over
 * {@code -Dbench.repeats} requests each, each line with the load average when it was
 * taken) and, unless {@code -Dbench.export=false}, streams the whole order list to Excel,
 * reporting the heap's peak during the export. Run with
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.bench.AnalyticsBenchmark}
 * (the profile gives the JVM {@code -Xmx2g}; {@code -Dbench.jvmArgs=-Xmx512m} holds the
 * whole application to the export's budget). {@code -Dbench.dataDir=} keeps the database
 * in that directory (loaded once, even on a busy machine) and
 * {@code -Dbench.timingsOnly=true} then only times the pages on it, so the timings can be
 * taken in a quiet window. Not a test: nothing here can fail a build.
 */
public final class AnalyticsBenchmark {

	private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		long target = Long.getLong("bench.orders", 1_000_000);
		int repeats = Integer.getInteger("bench.repeats", 20);
		int months = Integer.getInteger("bench.months", 25);
		boolean exportToo = Boolean.parseBoolean(System.getProperty("bench.export", "true"));
		String kept = System.getProperty("bench.dataDir");
		Path dataDirectory = kept == null ? Files.createTempDirectory("suxiu-bench-analytics-")
				: Files.createDirectories(Path.of(kept));
		boolean timingsOnly = Boolean.parseBoolean(System.getProperty("bench.timingsOnly", "false"));
		List<String> lines = new ArrayList<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class).run(
				"--server.port=0", "--suxiu.data-dir=" + dataDirectory, "--logging.level.root=WARN",
				"--spring.main.banner-mode=off")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String base = "http://localhost:" + port;
			BulkOrders bulk = new BulkOrders(context.getBean(DataSource.class), months * 30.44 * 86400 / target);
			long started = System.nanoTime();
			long added = timingsOnly ? 0 : bulk.topUpTo(target);
			lines.add(String.format("bulk load: %,d orders added (%,d in all) over %d months in %.1f s", added,
					bulk.count(), months, seconds(started)));
			started = System.nanoTime();
			int milestones = timingsOnly ? 0
					: new org.springframework.jdbc.core.JdbcTemplate(context.getBean(DataSource.class))
						.update(MILESTONES);
			lines.add(String.format("milestones: %,d history lines added in %.1f s", milestones, seconds(started)));
			String admin = token(base, "admin");
			String manager = token(base, "manager");
			started = System.nanoTime();
			String counted = timingsOnly ? "skipped (bench.timingsOnly)"
					: send(base, admin, "POST", "/api/v1/analytics/recount").body();
			lines.add(String.format("recount from scratch through WorkOrders.lives: %s in %.1f s", counted,
					seconds(started)));
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			List<String[]> paths = new ArrayList<>();
			for (int period : List.of(1, 12, 24)) {
				for (String groupBy : List.of("grade", "category", "channel", "technician", "day", "week", "month")) {
					paths.add(new String[] { String.format("KPIs %2d months by %-10s", period, groupBy),
							"/api/v1/analytics/kpis?projectCode=DEMO&from=" + today.minusMonths(period).plusDays(1)
									+ "&to=" + today + "&groupBy=" + groupBy });
				}
			}
			for (int back : List.of(0, 12)) {
				java.time.YearMonth month = java.time.YearMonth.from(today).minusMonths(back);
				paths.add(new String[] { String.format("scorecards %s       ", month),
						"/api/v1/analytics/technicians?projectCode=DEMO&month=" + month });
			}
			for (String[] named : paths) {
				String path = named[1];
				List<Double> millis = new ArrayList<>();
				for (int i = 0; i < repeats + 3; i++) {
					long t = System.nanoTime();
					HttpResponse<String> answer = send(base, manager, "GET", path);
					if (answer.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + answer.statusCode());
					}
					if (i >= 3) {
						millis.add((System.nanoTime() - t) / 1e6);
					}
				}
				Collections.sort(millis);
				lines.add(String.format("%s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (load average %s)", named[0],
						millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
						millis.get(millis.size() - 1), loadAverage()));
				System.out.println(lines.get(lines.size() - 1));
			}
			pages(base, today, repeats, lines);
			monthlyReport(base, manager, today, repeats, lines);
			if (exportToo) {
				exportAll(base, manager, lines);
			}
			lines.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
		}
		finally {
			if (kept == null) {
				deleteRecursively(dataDirectory);
			}
		}
		lines.forEach(System.out::println);
		System.exit(0);
	}

	/**
	 * Times the KPI page itself (server-rendered table, chart data and drill links) as a
	 * signed-in manager's browser asks for it, over one, twelve and twenty-four months by
	 * every split.
	 */
	private static void pages(String base, LocalDate today, int repeats, List<String> lines) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String form = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
			.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("No sign-in form at /login");
		}
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=manager&password=demo123&_csrf="
					+ java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Manager not signed in: " + signedIn.statusCode());
		}
		for (int period : List.of(1, 12, 24)) {
			for (String groupBy : List.of("grade", "category", "channel", "technician", "day", "week", "month")) {
				String path = "/manager/kpis?project=DEMO&from=" + today.minusMonths(period).plusDays(1) + "&to="
						+ today + "&groupBy=" + groupBy;
				List<Double> millis = new ArrayList<>();
				long bytes = 0;
				for (int i = 0; i < repeats + 3; i++) {
					long t = System.nanoTime();
					HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
							HttpResponse.BodyHandlers.ofString());
					if (answer.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + answer.statusCode());
					}
					bytes = answer.body().length();
					if (i >= 3) {
						millis.add((System.nanoTime() - t) / 1e6);
					}
				}
				Collections.sort(millis);
				lines.add(String.format(
						"KPI page %2d months by %-10s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  %,9d chars  (load average %s)",
						period, groupBy, millis.get(millis.size() / 2),
						millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1), bytes,
						loadAverage()));
				System.out.println(lines.get(lines.size() - 1));
			}
		}
	}

	/**
	 * Renders last month's report (月报) again from the figures, as a manager's
	 * "regenerate" does: the PDF target is ≤ 10 s.
	 */
	private static void monthlyReport(String base, String manager, LocalDate today, int repeats, List<String> lines)
			throws Exception {
		String path = "/api/v1/projects/DEMO/reports/" + java.time.YearMonth.from(today).minusMonths(1)
				+ ".pdf?regenerate=true";
		List<Double> millis = new ArrayList<>();
		long bytes = 0;
		for (int i = 0; i < Math.max(3, repeats / 4) + 1; i++) {
			long t = System.nanoTime();
			HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + manager)
				.timeout(Duration.ofMinutes(5))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + answer.statusCode());
			}
			bytes = answer.body().length;
			if (i >= 1) {
				millis.add((System.nanoTime() - t) / 1e6);
			}
		}
		Collections.sort(millis);
		lines.add(String.format(
				"monthly report PDF, regenerated (%,d bytes) p50 %6.1f ms  max %6.1f ms  (load average %s)", bytes,
				millis.get(millis.size() / 2), millis.get(millis.size() - 1), loadAverage()));
		System.out.println(lines.get(lines.size() - 1));
	}

	/** Streams the whole order list to Excel, with the heap's peak meanwhile. */
	private static void exportAll(String base, String manager, List<String> lines) throws Exception {
		System.gc();
		resetPeaks();
		long started = System.nanoTime();
		HttpResponse<InputStream> export = HTTP
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/work-orders/export.xlsx?projectCode=DEMO"))
				.header("Authorization", "Bearer " + manager)
				.timeout(Duration.ofMinutes(30))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		try (InputStream in = export.body()) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				bytes += n;
			}
		}
		lines.add(String.format(
				"export of the whole list (status %d): %,d bytes in %.1f s; heap peak during it %,d MB "
						+ "(max heap %,d MB, whole application in this JVM)",
				export.statusCode(), bytes, seconds(started), peakHeap() >> 20,
				Runtime.getRuntime().maxMemory() >> 20));
	}

	/** The bulk-loaded orders' milestones, as far as each one's status got. */
	private static final String MILESTONES = """
			INSERT INTO work_order_history (order_id, at, action, actor, role, from_value, to_value, note, channel)
			SELECT o.id, o.reported_at + m.minutes * interval '1 minute', m.action, 'bench', m.role, NULL, NULL, NULL,
			       o.channel
			FROM work_order o
			CROSS JOIN LATERAL (SELECT 1 + o.id % 7 AS dispatched, 3 + o.id % 23 AS taken) s
			CROSS JOIN LATERAL (SELECT s.taken + 8 + (o.id * 7) % 61 AS arrived) a
			CROSS JOIN LATERAL (VALUES ('dispatch', 'DISPATCHER', s.dispatched, 1), ('take', 'TECHNICIAN', s.taken, 2),
			    ('arrive', 'TECHNICIAN', a.arrived, 3),
			    ('complete', 'TECHNICIAN', a.arrived + 20 + (o.id * 13) % 480, 4)) AS m(action, role, minutes, step)
			WHERE o.reporter_name = '历史报修人'
			  AND m.step <= CASE o.status WHEN 'DISPATCHED' THEN 1 WHEN 'TAKEN' THEN 2 WHEN 'ARRIVED' THEN 3
			      WHEN 'IN_PROGRESS' THEN 3 WHEN 'ON_HOLD' THEN 3 WHEN 'COMPLETED' THEN 4 WHEN 'ACCEPTED' THEN 4
			      WHEN 'CLOSED' THEN 4 ELSE 0 END
			  AND NOT EXISTS (SELECT 1 FROM work_order_history h WHERE h.order_id = o.id AND h.action = 'dispatch')
			""";

	private static String loadAverage() throws java.io.IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** The sum of the heap pools' peaks: an upper bound of the heap used at once. */
	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static String token(String base, String username) throws Exception {
		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo123\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = TOKEN.matcher(answer.body());
		if (!token.find()) {
			throw new IllegalStateException("No token for " + username + ": " + answer.body());
		}
		return token.group(1);
	}

	private static HttpResponse<String> send(String base, String token, String method, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofHours(1))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void deleteRecursively(Path directory) throws java.io.IOException {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

}
