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
 * {@code -Dbench.orders} (default 1,000,000, spread over 25 months by
 * {@link BulkOrders}), counts them all into the roll-ups (a recount from scratch), then
 * times KPI tables over one, twelve and twenty-four months (p50/p95 over
 * {@code -Dbench.repeats} requests each) and streams the whole order list to Excel,
 * reporting the heap's peak during the export. Run with
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.bench.AnalyticsBenchmark}
 * (the profile gives the JVM {@code -Xmx2g}; {@code -Dbench.jvmArgs=-Xmx512m} holds the
 * whole application to the export's budget). Not a test: nothing here can fail a build.
 */
public final class AnalyticsBenchmark {

	private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		long target = Long.getLong("bench.orders", 1_000_000);
		int repeats = Integer.getInteger("bench.repeats", 20);
		Path dataDirectory = Files.createTempDirectory("suxiu-bench-analytics-");
		List<String> lines = new ArrayList<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class).run(
				"--server.port=0", "--suxiu.data-dir=" + dataDirectory, "--logging.level.root=WARN",
				"--spring.main.banner-mode=off")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String base = "http://localhost:" + port;
			BulkOrders bulk = new BulkOrders(context.getBean(DataSource.class));
			long started = System.nanoTime();
			long added = bulk.topUpTo(target);
			lines.add(String.format("bulk load: %,d orders added (%,d in all) in %.1f s", added, bulk.count(),
					seconds(started)));
			String admin = token(base, "admin");
			String manager = token(base, "manager");
			started = System.nanoTime();
			String counted = send(base, admin, "POST", "/api/v1/analytics/recount").body();
			lines.add(String.format("recount from scratch through WorkOrders.lives: %s in %.1f s", counted,
					seconds(started)));
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			for (int months : List.of(1, 12, 24)) {
				for (String groupBy : List.of("grade", "technician", "day", "month")) {
					String path = "/api/v1/analytics/kpis?projectCode=DEMO&from="
							+ today.minusMonths(months).plusDays(1) + "&to=" + today + "&groupBy=" + groupBy;
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
					lines.add(String.format("KPIs %2d months by %-10s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms", months,
							groupBy, millis.get(millis.size() / 2),
							millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1)));
				}
			}
			System.gc();
			resetPeaks();
			started = System.nanoTime();
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
			lines.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
		}
		finally {
			deleteRecursively(dataDirectory);
		}
		lines.forEach(System.out::println);
		System.exit(0);
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
