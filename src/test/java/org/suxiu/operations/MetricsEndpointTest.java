package org.suxiu.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} answers on the management port only, with the business
 * meters; the application port answers it with 404 and the management port answers
 * nothing else.
 */
class MetricsEndpointTest extends ApplicationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	MetricsPort metricsPort;

	@Test
	void scrapesTheBusinessMetersOnTheManagementPort() throws Exception {
		HttpResponse<String> scrape = get(metricsPort.localPort(), "/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("suxiu_orders_open{grade=\"L1\",status=\"NEW\"",
				"suxiu_orders_l1_untaken_oldest_age_seconds", "suxiu_notification_backlog{channel=\"SMS\"",
				"suxiu_timer_lag_seconds", "suxiu_sla_warnings_total", "suxiu_sla_breaches_total",
				"suxiu_triage_seconds_count", "suxiu_recommendation_seconds_count",
				"suxiu_notification_send_seconds_count{channel=\"SMS\"", "suxiu_sign_in_failures_total");
	}

	@Test
	void countsAnUntakenEmergency() throws Exception {
		double before = value(get(metricsPort.localPort(), "/actuator/prometheus").body(), "suxiu_orders_l1_untaken ");

		api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());

		// the gauges are read from a snapshot at most 5 s old
		await().atMost(Duration.ofSeconds(15))
			.until(() -> value(get(metricsPort.localPort(), "/actuator/prometheus").body(), "suxiu_orders_l1_untaken "),
					untaken -> untaken == before + 1);
	}

	@Test
	void countsARefusedSignIn() throws Exception {
		double before = value(get(metricsPort.localPort(), "/actuator/prometheus").body(),
				"suxiu_sign_in_failures_total{method=\"password\"");

		api.post(null, "/api/v1/auth/token", java.util.Map.of("username", "dispatcher", "password", "wrong"));

		assertThat(value(get(metricsPort.localPort(), "/actuator/prometheus").body(),
				"suxiu_sign_in_failures_total{method=\"password\""))
			.isEqualTo(before + 1);
	}

	/**
	 * Several contexts share one JVM in the tests and the benchmarks: a meter on the
	 * global registry would record into whichever context joined it, even a closed one.
	 */
	@Test
	void joinsNoGlobalRegistry() {
		assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.getRegistries()).isEmpty();
	}

	@Test
	void theApplicationPortDoesNotServeTheMeters() throws Exception {
		assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void theManagementPortServesNothingElse() throws Exception {
		assertThat(get(metricsPort.localPort(), "/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get(metricsPort.localPort(), "/api/v1/work-orders").statusCode()).isEqualTo(404);
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The value of the first sample line starting with {@code prefix}. */
	static double value(String scrape, String prefix) {
		return scrape.lines()
			.filter(line -> line.startsWith(prefix))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sample " + prefix));
	}

}
