package org.suxiu.onboarding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.ProductionRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops while SuXiu runs: requests answer 503 with Retry-After (never 500),
 * health names the database, and once it is back orders are taken again with nothing
 * lost; with the database gone the application still stops within 15 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageRecoveryTest {

	private static ProductionRun run;

	private static final List<String> before = new ArrayList<>();

	@BeforeAll
	static void onboardAndTakeOrders() {
		run = ProductionRun.start();
		Api api = run.api();
		Onboarding.company(api);
		Onboarding.project(api);
		Onboarding.homes(api);
		Onboarding.staff(api);
		for (int i = 0; i < 3; i++) {
			before.add(Onboarding.leakReported(api));
		}
	}

	@AfterAll
	static void stop() {
		run.close();
	}

	@Test
	@Order(1)
	void answers503WhileTheDatabaseIsAwayAndRecoversWithNothingLost() throws Exception {
		Api api = run.api();
		run.stopDatabase();

		Response create = createDuringOutage(api);
		Response read = api.get("cg-agent", "/api/v1/work-orders/" + before.get(0));
		HttpResponse<String> health = health();
		run.startDatabase();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> api.get("cg-agent", "/api/v1/work-orders?projectCode=CG").status() == 200);
		String after = Onboarding.leakReported(api);

		assertThat(create.status()).isEqualTo(503);
		assertThat(create.isProblem()).isTrue();
		assertThat(create.problemType()).isEqualTo("service-unavailable");
		assertThat(read.status()).isEqualTo(503);
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"db\":{").contains("DOWN");
		for (String number : before) {
			assertThat(api.get("cg-agent", "/api/v1/work-orders/" + number).status()).isEqualTo(200);
		}
		Response list = api.get("cg-agent", "/api/v1/work-orders?projectCode=CG&size=50");
		assertThat(list.body().get("total").asInt()).as("the refused create left nothing behind").isEqualTo(4);
		assertThat(list.body().get("items").valueStream().map(o -> o.get("number").asString())).containsAll(before)
			.contains(after);
	}

	@Test
	@Order(2)
	void stopsWithin15SecondsWithTheDatabaseGone() {
		run.stopDatabase();
		await().atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 503);

		long millis = run.stopApplication();
		System.out.printf("Shutdown with the database gone took %d ms%n", millis);

		assertThat(millis).as("shutdown took %d ms", millis).isLessThanOrEqualTo(15_000);
	}

	/** A create while the database is away, which must carry Retry-After. */
	private static Response createDuringOutage(Api api) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + run.port() + "/api/v1/work-orders"))
			.header("Authorization", "Bearer " + api.token("cg-agent"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"channel":"HOTLINE","reporter":{"name":"陈晨","phone":"13700000001"},
					 "location":{"projectCode":"CG","area":"地下车库"},"category":"ELECTRICAL","description":"车库灯全灭"}
					"""))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> raw = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(raw.headers().firstValue("Retry-After")).hasValue("5");
		return new Response(raw.statusCode(), raw.headers().firstValue("Content-Type").orElse(""),
				new tools.jackson.databind.json.JsonMapper().readTree(raw.body()), null);
	}

	private static HttpResponse<String> health() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + run.port() + "/actuator/health"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
